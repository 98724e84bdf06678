from functools import total_ordering, cmp_to_key
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(a) - len(b))))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) >= V(2), sorted([V(3), V(1)], reverse=True)[0].v)
@total_ordering
class W:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __gt__(self, o): return self.v > o.v
print(W(1) < W(2), W(1) <= W(1), W(3) >= W(4))
try:
    total_ordering(type('E', (), {}))
except ValueError as e:
    print('ValueError', e)
