# hash() of ints and tuples; equal numbers hash equal.
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(-12345), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(2 ** 100), hash(-(2 ** 100)), hash(10 ** 20), hash(True), hash(False))
print(hash(1.0) == hash(1), hash(2.5), hash(-0.5), hash(1e20) == hash(10 ** 20))
print(hash((1, 2, 3)), hash(()), hash(((1, 2), (3,))), hash((True, 1.0, 1)))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) != hash((2, 1)))
print(hash(frozenset({1, 2, 3})) == hash(frozenset({3, 2, 1})))
for bad in [[], {}, set(), ([],)]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
