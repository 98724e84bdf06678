class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "":
            return "$%d" % self.v
        return "$" + format(self.v, spec)
    def __str__(self):
        return "money"
m = Money(5)
print(format(m), f"{m}", f"{m:>5}", "{:04d}".format(m), str(m))
class R:
    def __repr__(self):
        return "R()"
print(f"{R()!r} {R()!s}", [R()], {"k": R()})
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
