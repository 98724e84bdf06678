# enum features real code uses: methods and properties on members, auto with a
# custom _generate_next_value_, StrEnum-style mixins, functional API, dict keys.
from enum import Enum, IntEnum, IntFlag, auto

class Suit(Enum):
    HEARTS = '♥'
    SPADES = '♠'

    @property
    def color(self):
        return 'red' if self is Suit.HEARTS else 'black'

    def __lt__(self, other):
        order = list(Suit)
        return order.index(self) < order.index(other)

print(Suit.HEARTS.color, sorted([Suit.SPADES, Suit.HEARTS]), Suit('♠'))

class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    NORTH = auto()
    SOUTH = auto()
print(list(Named), Named.NORTH.value, Named('south'))

class Op(str, Enum):
    ADD = '+'
    SUB = '-'
    def apply(self, a, b):
        return a + b if self is Op.ADD else a - b
print(Op.ADD.apply(2, 3), Op('-').apply(2, 3), Op.ADD == '+', Op.SUB.value, len(Op.ADD), f'{Op.ADD.value}')
print(sorted(Op), repr(Op.SUB), Op.ADD.name.lower())

Weekday = Enum('Weekday', ['MON', 'TUE', 'WED'], start=0)
print(list(Weekday), Weekday.TUE.value, Weekday(2))
Colors = Enum('Colors', {'RED': '#f00', 'BLUE': '#00f'})
print(Colors.RED.value, [c.name for c in Colors])
Pairs = Enum('Pairs', [('A', 10), ('B', 20)])
print(Pairs.B, Pairs(10))

class Http(IntEnum):
    OK = 200
    NOT_FOUND = 404
    @property
    def is_error(self):
        return self >= 400
print(Http.OK.is_error, Http(404).is_error, Http.OK == 200, {Http.OK: 'ok'}[200], Http.NOT_FOUND // 100)

class Access(IntFlag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
rw = Access.READ | Access.WRITE
print(rw, repr(rw), Access.READ in rw, rw & Access.EXEC, rw | 8, repr(Access(3)), list(rw), len(rw))

counts = {}
for s in [Suit.HEARTS, Suit.SPADES, Suit.HEARTS]:
    counts[s] = counts.get(s, 0) + 1
print(counts)
print(Suit.HEARTS is Suit['HEARTS'] is Suit('♥'), hash(Suit.HEARTS) == hash(Suit.HEARTS))
print(isinstance(Suit.HEARTS, Enum), issubclass(Suit, Enum), Suit.HEARTS.__class__.__mro__[1:])

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.value, Planet((5.976e+24, 6.37814e6)))
