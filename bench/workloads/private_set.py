"""Thread-private containers: a set each thread owns (add, membership, discard, set algebra)."""


def work(units):
    total = 0
    for u in range(units):
        s = set()
        for i in range(80):
            s.add((i * 7 + u) % 101)
        t = set(range(0, 101, 2))
        for i in range(101):
            if i in s:
                total += i
        s.discard(u % 101)
        total = (total + len(s & t) + len(s | t)) % 1000003
    return total
