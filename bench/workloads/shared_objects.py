"""Shared reads: closures created from shared code, instances of one shared class, `with` on a user context manager, a small generator."""


class Box:
    def __init__(self, v):
        self.v = v


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def adder(k):
    def add(x):
        return x + k
    return add


def pairs(n):
    for i in range(n):
        yield i


def work(units):
    total = 0
    for u in range(units):
        for i in pairs(20):
            f = adder(i)
            b = Box(f(u))
            with Guard():
                total += b.v
        total %= 1000003
    return total
