# Tuple unpacking in assignments and loops.
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
[p, q] = "pq"
print(p, q)
i, (j, (k, l)) = 1, (2, (3, 4))
print(i, j, k, l)
for n, (c, d) in enumerate([("a", 1), ("b", 2)]):
    print(n, c, d)
for key, val in {"k1": 1, "k2": 2}.items():
    print(key, val)
m, n = range(2)
o, = [42]
print(m, n, o)
first, second = {"one": 1, "two": 2}
print(first, second)
lst = [0, 0]
lst[0], lst[1] = "L0", "L1"
print(lst)
t = 1, 2, 3
u, v, w = t
print(u + v + w)
