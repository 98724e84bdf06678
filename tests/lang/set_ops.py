# Set algebra, printed in sorted order.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [10])), sorted(a.intersection([1, 2, 99])), sorted(a.difference(b, {1})), sorted(a.symmetric_difference(range(3))))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {5}, a > a, {1, 9}.issubset(a), a.issuperset([1, 2]), a.isdisjoint({8, 9}))
print(a == {5, 4, 3, 2, 1}, a != b, {1} == frozenset({1}), set() == frozenset())
c = set(a)
c &= {1, 2, 3}
c |= {10}
c -= {2}
c ^= {3, 20}
print(sorted(c))
words = set("mississippi")
print(sorted(words), len(words), "s" in words, "z" not in words)
print(sorted(set([3, 1, 3]) | frozenset([0])), type({1} | frozenset()).__name__, type(frozenset() | {1}).__name__)
