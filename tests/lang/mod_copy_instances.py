import copy
class P:
    def __init__(self, x): self.x = x; self.items = [x]
    def __repr__(self): return 'P(%r, %r)' % (self.x, self.items)
p = P(3); p2 = copy.deepcopy(p); p2.items.append(4); print(p, p2, copy.copy(p).items is p.items, type(p2).__name__)
class C:
    def __copy__(self): return 'copied'
    def __deepcopy__(self, memo): return 'deep'
print(copy.copy(C()), copy.deepcopy([C()]), copy.deepcopy((1, 2)) == (1, 2))
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = [1]; s.b = 2; s2 = copy.deepcopy(s); print(s2.a, s2.b, s2.a is s.a)
class St:
    def __init__(self): self.v = 1
    def __getstate__(self): return {'v': self.v * 10}
    def __setstate__(self, st): self.v = st['v'] + 1
print(copy.copy(St()).v, copy.deepcopy(St()).v)
class L(list):
    pass
l = L([1, [2]]); l.tag = 'x'; l2 = copy.deepcopy(l); print(l2, type(l2).__name__, l2.tag, l2[1] is l[1])
class Dd(dict):
    pass
d = Dd(a=[1]); d2 = copy.copy(d); print(d2, type(d2).__name__, d2['a'] is d['a'])
print(copy.copy(len) is len, copy.deepcopy(P) is P, copy.deepcopy(None), copy.deepcopy(3.5))
