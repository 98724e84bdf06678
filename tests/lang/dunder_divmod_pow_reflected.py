class R:
    def __init__(self, v):
        self.v = v
    def __divmod__(self, o):
        return ("divmod", self.v, o)
    def __rdivmod__(self, o):
        return ("rdivmod", o, self.v)
    def __pow__(self, o, mod=None):
        return ("pow", self.v, o, mod)
    def __rpow__(self, o):
        return ("rpow", o, self.v)
    def __rtruediv__(self, o):
        return ("rtruediv", o)
    def __rfloordiv__(self, o):
        return ("rfloordiv", o)
    def __rmod__(self, o):
        return ("rmod", o)
r = R(2)
print(divmod(r, 3), divmod(3, r))
print(r ** 3, pow(r, 3, 5), 2 ** r)
print(1 / r, 1 // r, 1 % r)
