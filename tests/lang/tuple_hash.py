# hash() of ints, bools, floats and tuples is deterministic and matches CPython.
for v in [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30, True, False]:
    print(repr(v), hash(v))
for v in [0.0, -0.0, 1.0, 1.5, -2.5, 0.1, 1e100, float("inf"), float("-inf")]:
    print(repr(v), hash(v))
for v in [(), (1,), (1, 2), (2, 1), (1, (2, 3)), (-1, -2), (0.5, True, 7), ((),)]:
    print(repr(v), hash(v))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1.0, 2.0)))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
