# spectral-norm: the largest singular value of an infinite matrix, by the
# power method (written for conch in the style of the classic benchmark).


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


class Matrix:
    """The implicit matrix A, with products A*u and At*u."""

    def __init__(self, n):
        self.n = n
        self.cache = {}

    def entry(self, i, j):
        key = (i, j)
        v = self.cache.get(key)
        if v is None:
            v = eval_a(i, j)
            self.cache[key] = v
        return v

    def times(self, u):
        n = self.n
        return [sum(self.entry(i, j) * u[j] for j in range(n)) for i in range(n)]

    def times_transposed(self, u):
        n = self.n
        return [sum(self.entry(j, i) * u[j] for j in range(n)) for i in range(n)]

    def at_times_a(self, u):
        return self.times_transposed(self.times(u))


def plain_a_times_u(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j, uj in enumerate(u):
            s += eval_a(i, j) * uj
        out.append(s)
    return out


def plain_at_times_u(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j, uj in enumerate(u):
            s += eval_a(j, i) * uj
        out.append(s)
    return out


def dot(a, b):
    total = 0.0
    for x, y in zip(a, b):
        total += x * y
    return total


def spectral_norm(n, iterations=10):
    m = Matrix(n)
    u = [1.0] * n
    v = u
    for _ in range(iterations):
        v = m.at_times_a(u)
        u = m.at_times_a(v)
    vbv = dot(u, v)
    vv = dot(v, v)
    return (vbv / vv) ** 0.5


def spectral_norm_plain(n, iterations=10):
    u = [1.0] * n
    v = u
    for _ in range(iterations):
        v = plain_at_times_u(plain_a_times_u(u))
        u = plain_at_times_u(plain_a_times_u(v))
    return (dot(u, v) / dot(v, v)) ** 0.5


def main():
    for n in (10, 50, 100):
        print("%d %.9f" % (n, spectral_norm(n)))
    print("plain %.9f" % spectral_norm_plain(60))


if __name__ == "__main__":
    main()
