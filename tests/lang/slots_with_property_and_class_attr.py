class Temp:
    __slots__ = ("_c",)
    unit = "C"
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
t = Temp(100)
print(t.f, t.unit, Temp.unit)
try:
    t.unit = "F"
except AttributeError as e:
    print(e)
print(Temp.__slots__)
