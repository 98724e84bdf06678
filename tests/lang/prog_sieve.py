# Program: prime sieves and number-theory helpers.


def sieve(limit):
    """Sieve of Eratosthenes: returns all primes <= limit."""
    if limit < 2:
        return []
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for multiple in range(i * i, limit + 1, i):
                is_prime[multiple] = False
        i += 1
    return [n for n, flag in enumerate(is_prime) if flag]


def segmented_count(limit, segment=1000):
    """Counts primes <= limit with a segmented sieve (checks the simple one)."""
    base = sieve(int(limit ** 0.5) + 1)
    count = 0
    low = 2
    while low <= limit:
        high = min(low + segment - 1, limit)
        mark = [True] * (high - low + 1)
        for p in base:
            if p * p > high:
                break
            start = max(p * p, ((low + p - 1) // p) * p)
            for m in range(start, high + 1, p):
                mark[m - low] = False
        count += sum(1 for flag in mark if flag)
        low = high + 1
    return count


def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def format_factors(factors):
    parts = []
    for p in sorted(factors):
        e = factors[p]
        parts.append(str(p) if e == 1 else "%d^%d" % (p, e))
    return " * ".join(parts)


def twin_primes(primes):
    return [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]


def goldbach(n, prime_set):
    for p in sorted(prime_set):
        if p > n // 2:
            break
        if n - p in prime_set:
            return p, n - p
    return None


primes = sieve(10000)
print("primes below 10000:", len(primes))
print("first 15:", primes[:15])
print("last 5:", primes[-5:])
print("segmented agrees:", segmented_count(10000) == len(primes))
print("sum:", sum(primes))
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print("gap histogram:", sorted(gaps.items())[:8])
largest_gap = max(zip(primes, primes[1:]), key=lambda pr: pr[1] - pr[0])
print("largest gap:", largest_gap, largest_gap[1] - largest_gap[0])
twins = twin_primes(primes)
print("twin pairs:", len(twins), twins[:5], twins[-1])
for n in [360, 97, 1001, 2 ** 10 * 3 ** 4, 999983 * 2, 123456789]:
    print(n, "=", format_factors(factorize(n)))
prime_set = set(primes)
for even in range(4, 60, 8):
    print("goldbach", even, goldbach(even, prime_set))
by_last_digit = {}
for p in primes:
    by_last_digit.setdefault(p % 10, []).append(p)
print({d: len(v) for d, v in sorted(by_last_digit.items())})
