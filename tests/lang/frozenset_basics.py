# frozenset: immutable, hashable, usable as a key or set member.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, type(f).__name__)
print(frozenset(), frozenset("aaa"), frozenset(range(3)) == {0, 1, 2})
d = {f: "three", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
ss = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(ss))
print(sorted(f | {9}), sorted(f & {1, 7}), sorted(f - {1}))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
