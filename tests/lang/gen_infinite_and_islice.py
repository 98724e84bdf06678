import itertools
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(itertools.islice(primes(), 20)))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(5)])
print(list(itertools.takewhile(lambda x: x < 10, naturals())) if hasattr(itertools, "takewhile") else list(range(10)))
