"""Mixed: a little of everything per unit: parsing strings, dict counting, small objects, a shared table, a sleep."""
import time

WORDS = "the quick brown fox jumps over the lazy dog".split()


class Tally:
    def __init__(self):
        self.counts = {}

    def add(self, w):
        self.counts[w] = self.counts.get(w, 0) + 1


def work(units):
    total = 0
    for u in range(units):
        t = Tally()
        for i in range(30):
            w = WORDS[(i + u) % len(WORDS)]
            t.add(w.upper())
        total += sum(t.counts.values()) + len(t.counts) + sum(len(k) for k in t.counts)
        if u % 50 == 0:
            time.sleep(0.001)
    return total
