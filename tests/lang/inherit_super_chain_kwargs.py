class A:
    def __init__(self, a=0, **kw):
        super().__init__(**kw)
        self.a = a
class B:
    def __init__(self, b=0, **kw):
        super().__init__(**kw)
        self.b = b
class C(A, B):
    def __init__(self, c=0, **kw):
        super().__init__(**kw)
        self.c = c
x = C(a=1, b=2, c=3)
print(x.a, x.b, x.c)
try:
    C(d=4)
except TypeError as e:
    print(e)
