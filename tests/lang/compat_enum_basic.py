# enum basics: members, lookup, aliases, IntEnum, auto, Flag/IntFlag, unique, mixins, functional API.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return "%s is %d" % (self.name, self.value)
    @classmethod
    def default(cls): return cls.GREEN
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.RED.describe(), Color.default())
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, Color.RED in Color)
print(type(Color.RED), isinstance(Color.RED, Color), Color, type(Color))
print(list(Color.__members__), Color.__members__['CRIMSON'])
print(f"{Color.RED}", "{}".format(Color.BLUE), str(Color.GREEN), hash(Color.RED) == hash(Color.RED))
d = {Color.RED: 'r'}; print(d[Color.CRIMSON])
try: Color(7)
except ValueError as e: print(e)
try: Color['PINK']
except KeyError as e: print('KeyError', e)
try: Color.RED < Color.GREEN
except TypeError as e: print(e)
try: Color.RED = 5
except AttributeError as e: print(e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE < Num.TWO, Num(2), Num.ONE == 1, f"{Num.TWO}", sorted([Num.TWO, Num.ONE]))
class Auto(Enum):
    A = auto()
    B = auto()
    C = auto()
print(list(Auto), Auto.C.value)
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), rw.value, list(Perm), repr(Perm(0)))
class P2(IntFlag):
    R = 4
    W = 2
    X = 1
print(P2.R | P2.W, repr(P2.R | P2.X), (P2.R | P2.W) == 6, P2(7), int(P2.R | P2.W))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
print(Planet.MARS.mass, Planet.EARTH.value)
class S(str, Enum):
    A = 'a'
    B = 'b'
print(S.A, repr(S.A), S.A == 'a', S('b'), S.A.upper())
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
class Shape(Enum):
    SQUARE = 2
    def __str__(self): return 'custom ' + self.name
print(Shape.SQUARE, repr(Shape.SQUARE))
class Ordered(Enum):
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str): return cls[value.upper()]
    LOW = 1
    HIGH = 2
print(Ordered('low'), Ordered.HIGH._value_, Ordered.HIGH._name_)
try:
    class Bad(Color): pass
except TypeError as e: print(e)
print(Color.RED.__class__.__name__, [m.name for m in reversed(Color)])
