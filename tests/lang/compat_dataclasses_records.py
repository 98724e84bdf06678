# dataclasses as value records: frozen instances as dict keys and set members,
# hash rules (eq/frozen/unsafe_hash), __slots__ classes, copying and comparing
# collections of records, default_factory independence, __post_init__ validation.
from dataclasses import dataclass, field, fields, replace, astuple, asdict
import copy

@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float
    def shifted(self, d):
        return replace(self, lat=self.lat + d)

visits = {Coord(1.0, 2.0): 1}
visits[Coord(1.0, 2.0)] += 1
visits[Coord(1.0, 2.0).shifted(1)] = 5
print(visits, len({Coord(0, 0), Coord(0, 0), Coord(0, 1)}))

@dataclass
class Mutable:
    v: int
print(Mutable.__hash__ is None, Mutable(1) == Mutable(1))

@dataclass(eq=False)
class Identity:
    v: int
i1, i2 = Identity(1), Identity(1)
print(i1 == i2, i1 == i1, len({i1, i2}))

@dataclass(unsafe_hash=True)
class Tagged:
    name: str
    tags: tuple = ()
    hits: int = field(default=0, compare=False)
print(hash(Tagged('a', ('x',), 1)) == hash(Tagged('a', ('x',), 99)), Tagged('a', hits=1) == Tagged('a', hits=2))

@dataclass
class Explicit:
    v: int
    def __hash__(self):
        return 7
print(hash(Explicit(1)), Explicit(1) == Explicit(1))

@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))
try:
    s.z = 3
except AttributeError as e:
    print('AttributeError')

@dataclass
class Range:
    lo: int
    hi: int
    def __post_init__(self):
        if self.lo > self.hi:
            raise ValueError('empty range %d..%d' % (self.lo, self.hi))
    def __len__(self):
        return self.hi - self.lo
    def __contains__(self, x):
        return self.lo <= x < self.hi
r = Range(2, 5)
print(len(r), 3 in r, 5 in r, astuple(r))
try:
    Range(5, 2)
except ValueError as e:
    print('ValueError', e)
try:
    replace(r, lo=9)
except ValueError as e:
    print('ValueError', e)

@dataclass
class Team:
    name: str
    members: list = field(default_factory=list)
    lead: Mutable = field(default_factory=lambda: Mutable(0))
t1 = Team('a')
t2 = copy.deepcopy(t1)
t2.members.append('x')
t2.lead.v = 5
print(t1, t2, t1 == t2, copy.copy(t2) == t2)
teams = [Team('b', ['z']), Team('a', ['y', 'x'])]
print(sorted(teams, key=lambda t: t.name)[0].name, max(teams, key=lambda t: len(t.members)).name)
print([asdict(t) for t in teams])
print([(f.name, f.default_factory is not None) for f in fields(Team)][:1])
