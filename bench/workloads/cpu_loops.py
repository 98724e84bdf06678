"""Pure-Python CPU: nested integer loops, arithmetic and comparisons on small ints."""


def work(units):
    total = 0
    for u in range(units):
        for i in range(200):
            if i % 3 == 0:
                total += i * u
            else:
                total -= i
        total %= 1000003
    return total
