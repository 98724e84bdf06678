class K:
    def m(self, a, b):
        return a + b
    def kw(self, *, key):
        return key
    @staticmethod
    def s(x):
        return x
    @classmethod
    def c(cls, x):
        return x

k = K()
tests = [
    lambda: k.m(1),
    lambda: k.m(1, 2, 3),
    lambda: k.m(1, b=2, a=3),
    lambda: k.kw(1),
    lambda: k.kw(),
    lambda: k.kw(key=1, other=2),
    lambda: K.m(1, 2),
    lambda: K.s(),
    lambda: K.c(1, 2),
    lambda: k.m(1, c=2),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
