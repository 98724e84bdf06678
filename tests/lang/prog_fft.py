# A benchmark-style program: recursive and iterative FFTs, polynomial
# multiplication through them, and a DFT check, on complex numbers.
import cmath
import math


def fft_recursive(a):
    n = len(a)
    if n == 1:
        return list(a)
    even = fft_recursive(a[0::2])
    odd = fft_recursive(a[1::2])
    out = [0j] * n
    for k in range(n // 2):
        t = cmath.exp(-2j * math.pi * k / n) * odd[k]
        out[k] = even[k] + t
        out[k + n // 2] = even[k] - t
    return out


def bit_reverse(n, bits):
    r = 0
    for _ in range(bits):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r


def fft_iterative(a, invert=False):
    n = len(a)
    bits = n.bit_length() - 1
    out = [a[bit_reverse(i, bits)] for i in range(n)]
    size = 2
    while size <= n:
        angle = (2 if invert else -2) * math.pi / size
        w_step = complex(math.cos(angle), math.sin(angle))
        for start in range(0, n, size):
            w = 1 + 0j
            for k in range(size // 2):
                u = out[start + k]
                v = out[start + k + size // 2] * w
                out[start + k] = u + v
                out[start + k + size // 2] = u - v
                w *= w_step
        size *= 2
    if invert:
        out = [x / n for x in out]
    return out


def dft(a):
    n = len(a)
    return [sum(a[j] * cmath.exp(-2j * cmath.pi * j * k / n) for j in range(n)) for k in range(n)]


def multiply(p, q):
    n = 1
    while n < len(p) + len(q):
        n *= 2
    fp = fft_iterative([complex(x) for x in p] + [0j] * (n - len(p)))
    fq = fft_iterative([complex(x) for x in q] + [0j] * (n - len(q)))
    prod = fft_iterative([x * y for x, y in zip(fp, fq)], invert=True)
    return [round(x.real) for x in prod[: len(p) + len(q) - 1]]


def close(xs, ys, tol=1e-9):
    return all(abs(x - y) < tol for x, y in zip(xs, ys))


signal = [complex(math.sin(i * 0.3), math.cos(i * 0.7)) for i in range(16)]
r = fft_recursive(signal)
it = fft_iterative(signal)
print("recursive == iterative:", close(r, it))
print("matches dft:", close(r, dft(signal)))
print("first bins:", [f"{x.real:.4f}{x.imag:+.4f}j" for x in r[:4]])
back = fft_iterative(it, invert=True)
print("round trip:", close(back, signal))
print("energy:", round(sum(abs(x) ** 2 for x in signal), 6), round(sum(abs(x) ** 2 for x in r) / 16, 6))

p = [3, 0, 2, 7, 1]
q = [1, 4, 0, 0, 9, 2]
naive = [0] * (len(p) + len(q) - 1)
for i, x in enumerate(p):
    for j, y in enumerate(q):
        naive[i + j] += x * y
print("poly product:", multiply(p, q), multiply(p, q) == naive)
digits_a = [int(c) for c in reversed("31415926535897932384")]
digits_b = [int(c) for c in reversed("27182818284590452353")]
coeffs = multiply(digits_a, digits_b)
carry, out = 0, []
for c in coeffs:
    carry += c
    out.append(carry % 10)
    carry //= 10
while carry:
    out.append(carry % 10)
    carry //= 10
big = "".join(map(str, reversed(out))).lstrip("0")
print("big product:", big, int(big) == 31415926535897932384 * 27182818284590452353)
roots = [cmath.rect(1, 2 * math.pi * k / 5) for k in range(5)]
print("roots of unity sum ~ 0:", abs(sum(roots)) < 1e-12, [f"{z:.3f}" for z in roots])
print("phase/polar:", cmath.polar(complex(-1, 1)), round(cmath.phase(-1j), 12))
