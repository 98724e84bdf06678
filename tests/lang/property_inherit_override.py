class A:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
class B(A):
    @A.v.setter
    def v(self, val):
        self._v = val * 10
b = B()
b.v = 2
print(b.v)
a = A()
try:
    a.v = 3
except AttributeError as e:
    print(e)
class C(A):
    v = 99
print(C().v)
class D:
    @property
    def calls(self):
        self.n = getattr(self, "n", 0) + 1
        return self.n
d = D()
print(d.calls, d.calls, d.calls)
