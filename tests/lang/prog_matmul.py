# Program: small matrix arithmetic with lists of lists (ints, floats, big ints).


def zeros(n, m):
    return [[0] * m for _ in range(n)]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def matmul(a, b):
    n, k, m = len(a), len(b), len(b[0])
    assert len(a[0]) == k, "shape mismatch"
    out = zeros(n, m)
    for i in range(n):
        row = a[i]
        for j in range(m):
            s = 0
            for t in range(k):
                s += row[t] * b[t][j]
            out[i][j] = s
    return out


def transpose(a):
    return [list(col) for col in zip(*a)]


def matpow(a, e):
    result = identity(len(a))
    while e:
        if e & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e >>= 1
    return result


def determinant(a):
    """Fraction-free Bareiss elimination: exact for integer matrices."""
    m = [row[:] for row in a]
    n = len(m)
    sign = 1
    prev = 1
    for k in range(n - 1):
        if m[k][k] == 0:
            for r in range(k + 1, n):
                if m[r][k] != 0:
                    m[k], m[r] = m[r], m[k]
                    sign = -sign
                    break
            else:
                return 0
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                m[i][j] = (m[i][j] * m[k][k] - m[i][k] * m[k][j]) // prev
        prev = m[k][k]
    return sign * m[n - 1][n - 1]


def show(name, a):
    print(name + ":")
    width = max(len(str(v)) for row in a for v in row)
    for row in a:
        print("  [" + " ".join(str(v).rjust(width) for v in row) + "]")


A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
B = [[2, 0, 1], [1, 3, 2], [0, 1, 4]]
show("A", A)
show("B", B)
show("A*B", matmul(A, B))
show("B*A", matmul(B, A))
show("A^T", transpose(A))
print("det A =", determinant(A), "det B =", determinant(B), "det AB =", determinant(matmul(A, B)))
fib = matpow([[1, 1], [1, 0]], 90)
print("fib(90) via matrix power:", fib[0][1])
big = matpow([[2, 1], [1, 1]], 60)
show("[[2,1],[1,1]]^60", big)
F = [[0.5, 0.25], [0.125, 1.5]]
show("F*F", matmul(F, F))
n = 12
H = [[1 + (i * j) % 7 for j in range(n)] for i in range(n)]
P = matmul(H, transpose(H))
print("trace:", sum(P[i][i] for i in range(n)), "sum:", sum(map(sum, P)))
print("symmetric:", P == transpose(P))
print("det H =", determinant(H), "det I =", determinant(identity(5)))
try:
    matmul([[1, 2]], [[1, 2]])
except AssertionError as e:
    print("AssertionError:", e)
