class A:
    def f(self):
        return "A.f"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__
class B(A):
    def f(self):
        return "B.f/" + super(B, self).f()
    @classmethod
    def cm(cls):
        return "B.cm/" + super().cm()
class C(B):
    def f(self):
        return "C.f/" + super().f()
    def skip(self):
        return super(B, self).f()
c = C()
print(c.f())
print(c.skip())
print(C.cm())
print(super(C, c).f())
s = super(C, c)
print(type(s).__name__)
