"""Shared reads: every thread calls the same module-level function, math.cos, and bound methods of one shared object."""
import math


def scale(x):
    return x * 3 + 1


class Counter:
    def __init__(self, step):
        self.step = step

    def advance(self, x):
        return x + self.step


SHARED = Counter(5)


def work(units):
    total = 0
    f = 0.0
    advance = SHARED.advance
    for u in range(units):
        for i in range(30):
            total += scale(i) + SHARED.advance(i) + advance(u)
            f += math.cos(i * 0.1)
        total %= 1000003
    return total + int(f * 1000) % 1000
