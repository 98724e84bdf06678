# Classes: tuple subclass with __new__, container protocol, __class_getitem__, __del__,
# __hash__/__eq__ inheritance, __slots__, property setter/deleter, RecursionError in __repr__.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
    def __repr__(self): return f"Point(x={self.x}, y={self.y})"
p = Point(1, 2)
print(p, p.x, p.y, len(p), p == (1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple))
class Vec:
    def __init__(self, *c): self.c = list(c)
    def __getitem__(self, i):
        if isinstance(i, slice): return Vec(*self.c[i])
        return self.c[i]
    def __setitem__(self, i, v): self.c[i] = v
    def __delitem__(self, i): del self.c[i]
    def __len__(self): return len(self.c)
    def __repr__(self): return f"Vec{tuple(self.c)}"
    def __radd__(self, o): return f"radd {o}"
    def __index__(self): return 2
v = Vec(1, 2, 3, 4)
print(v[1:3], v[-1], v[::2]); v[0] = 9; del v[1]; print(v, len(v))
print(5 + v, [10, 20, 30][v], bin(v), hex(Vec()))
class Gen:
    def __class_getitem__(cls, item): return f"Gen[{item.__name__}]"
print(Gen[int])
class Deleter:
    def __del__(self): print("deleted")
d = Deleter(); del d
print("after del")
class Base:
    def __eq__(self, o): return True
class Derived(Base):
    def __hash__(self): return 7
print(Base.__hash__, hash(Derived()))
try: hash(Base())
except TypeError as e: print(e)
class Slotted:
    __slots__ = ('a',)
class SubSlotted(Slotted):
    __slots__ = ('b',)
s = SubSlotted(); s.a = 1; s.b = 2; print(s.a, s.b)
try: s.__dict__
except AttributeError as e: print(e)
class WithDict(Slotted): pass
w = WithDict(); w.z = 3; print(w.z, w.__dict__)
class BadInit:
    def __init__(self): return 1
try: BadInit()
except TypeError as e: print(e)
class MyErr(Exception):
    def __str__(self): return "custom str"
try: raise MyErr(1, 2)
except MyErr as e: print(e, repr(e), e.args)
class Cm:
    @classmethod
    def make(cls): return cls()
class Cm2(Cm):
    @classmethod
    def make(cls):
        obj = super().make()
        obj.tag = 'cm2'
        return obj
print(type(Cm2.make()).__name__, Cm2.make().tag)
l = [1]; l.append(l); print(l)
d = {}; d['self'] = d; print(d)
class Rec:
    def __repr__(self): return repr(self)
try: repr(Rec())
except RecursionError as e: print("RecursionError", e)
print(isinstance(Cm2(), (int, Cm)), issubclass(Cm2, (str, Cm)), isinstance(1, ()))
class Abstract:
    def area(self): raise NotImplementedError("subclass must implement")
try: Abstract().area()
except NotImplementedError as e: print(type(e).__name__, e)
class Temp:
    def __init__(self, c): self._c = c
    @property
    def f(self): return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v): self._c = (v - 32) * 5 / 9
    @f.deleter
    def f(self): print("deleting f")
t = Temp(100); print(t.f); t.f = 32; print(t._c); del t.f
print(Temp.f.fget is not None, Temp.f.__doc__)
class Frozen:
    def __setattr__(self, k, v): raise AttributeError(f"frozen: {k}")
try: Frozen().x = 1
except AttributeError as e: print(e)
class Num:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __repr__(self): return f"N{self.v}"
print(max(Num(1), Num(3), Num(2)), min([Num(5), Num(4)]), sorted([Num(2), Num(1)]))
print(Num(1) > Num(0), Num(1) >= Num(2))
