# Program: big-int Fibonacci, factorial digit sums, and digits of e and pi.


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_fast(n):
    """Fast doubling: F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2."""
    def go(k):
        if k == 0:
            return 0, 1
        a, b = go(k >> 1)
        c = a * (2 * b - a)
        d = a * a + b * b
        return (d, c + d) if k & 1 else (c, d)
    return go(n)[0]


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def digit_sum(n):
    return sum(int(c) for c in str(n))


def e_digits(count):
    """Digits of e via sum of 1/k! with a fixed-point big int."""
    scale = 10 ** (count + 10)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total)[: count]


def pi_digits(count):
    """Machin's formula with fixed-point arctangents."""
    scale = 10 ** (count + 10)

    def arctan_inv(x):
        total = term = scale // x
        x2 = x * x
        n = 1
        sign = -1
        while term:
            term //= x2
            total += sign * (term // (2 * n + 1))
            sign = -sign
            n += 1
        return total

    pi = 4 * (4 * arctan_inv(5) - arctan_inv(239))
    return str(pi)[: count]


f1000 = fib(1000)
print("fib(1000) has", len(str(f1000)), "digits, digit sum", digit_sum(f1000))
print("fast doubling agrees:", f1000 == fib_fast(1000), fib_fast(10 ** 4) % 10 ** 12)
first = next(i for i in range(1, 10000) if len(str(fib(i))) >= 100)
print("first fib with 100 digits: index", first)
print("fib(100) =", fib(100))
f100 = factorial(100)
print("100! digit sum:", digit_sum(f100), "trailing zeros:", len(str(f100)) - len(str(f100).rstrip("0")))
print("1000! digits:", len(str(factorial(1000))))
print("2^1000 digit sum:", digit_sum(2 ** 1000))
print("e =", e_digits(1) + "." + e_digits(61)[1:])
print("pi =", pi_digits(1) + "." + pi_digits(61)[1:])
collatz_big = 2 ** 100 + 1
steps = 0
n = collatz_big
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps for 2^100+1:", steps)
print("gcd of fibs:", fib(120) % fib(60) == 0, fib(97) % fib(96))
print("sum of digits of 3^500:", digit_sum(3 ** 500), "mod 9:", 3 ** 500 % 9)
