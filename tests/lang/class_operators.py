# Operator overloading on user classes: reflected, in-place, comparisons, hash rules,
# __getattr__, __setattr__, staticmethod and classmethod.
class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __rmul__(self, k): return V(self.x * k, self.y * k)
    def __neg__(self): return V(-self.x, -self.y)
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x and self.y == o.y
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): yield self.x; yield self.y
    def __bool__(self): return bool(self.x or self.y)
    def __contains__(self, v): return v == self.x or v == self.y
    def __call__(self, *a, **k): return (a, k)
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y; return self
a = V(1, 2); b = V(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, a == V(1, 2), a != b, a < b, b > a)
print(len(a), a[0], a[1], list(a), bool(V(0, 0)), 2 in a, 5 in a, a(1, k=2))
c = a; c += b; print(a, c is a)
try: hash(a)
except TypeError as e: print(e)
try: a / b
except TypeError as e: print(e)
try: a <= b
except TypeError as e: print(e)
print(sorted([V(3,1), V(1,2), V(2,0)]))
class W:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
w = W()
print(w.a)
try: w.b
except AttributeError as e: print(e)
try: w.c = 3
except AttributeError as e: print(e)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @staticmethod
    def s(a, b): return a + b
    @classmethod
    def c(cls, v): return cls.__name__ + str(v)
p = P(); p.x = 5; print(p.x, P.s(1, 2), p.s(3, 4), P.c(1), p.c(2))
try: del p.x
except AttributeError as e: print(e)
class G:
    def __getattr__(self, n): return n.upper()
g = G(); g.z = 1; print(g.foo, g.z)
class S:
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 10)
s = S(); s.q = 2; print(s.q, s.__dict__)
print(type(1), type(type), type('x'), int, object, type(None))
