"""Pure-Python CPU: deep call chains (recursive fib), frame setup and teardown."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def work(units):
    total = 0
    for _ in range(units):
        total += fib(14)
    return total
