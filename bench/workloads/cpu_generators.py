"""Pure-Python CPU: generator creation, resumption and generator expressions."""


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def work(units):
    total = 0
    for _ in range(units):
        total += sum(x * 2 for x in count_up(60) if x % 2)
        total %= 1000003
    return total
