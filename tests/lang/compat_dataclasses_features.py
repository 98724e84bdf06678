# dataclasses features: kw_only/KW_ONLY, InitVar, inheritance with overrides,
# nested asdict/astuple with namedtuples, replace with __post_init__, make_dataclass,
# field metadata, ordering, custom methods coexisting with generated ones.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, make_dataclass, InitVar, KW_ONLY, is_dataclass
from collections import namedtuple
from typing import List, Dict, Optional

@dataclass
class Opts:
    path: str
    _: KW_ONLY
    verbose: bool = False
    depth: int = 1
o = Opts('x', depth=3)
print(o, Opts('y', verbose=True))
try:
    Opts('x', True)
except TypeError as e:
    print('TypeError', e)

@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = 2
print(AllKw(a=1), AllKw.__match_args__)

@dataclass
class Temp:
    celsius: float
    unit: InitVar[str] = 'C'
    kelvin: float = field(init=False)
    def __post_init__(self, unit):
        if unit == 'F':
            self.celsius = round((self.celsius - 32) * 5 / 9, 2)
        self.kelvin = round(self.celsius + 273.15, 2)
t = Temp(212, 'F')
print(t, Temp(0), replace(t, celsius=10, unit='C'), [f.name for f in fields(Temp)])

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)
    def bump(self):
        return replace(self, minor=self.minor + 1)
vs = [Version(1, 2, 'b'), Version(0, 9), Version(1, 2, 'a'), Version(1)]
print(sorted(vs), max(vs), Version(1, 2, 'x') == Version(1, 2, 'y'), Version(1).bump())

@dataclass
class Animal:
    name: str
    sound: str = '...'
    def speak(self):
        return '%s says %s' % (self.name, self.sound)
@dataclass
class Dog(Animal):
    sound: str = 'woof'
    tricks: List[str] = field(default_factory=list)
d = Dog('rex', tricks=['sit'])
print(d, d.speak(), isinstance(d, Animal), [f.name for f in fields(Dog)], Dog('a') == Animal('a', 'woof'))

Pt = namedtuple('Pt', 'x y')
@dataclass
class Shape:
    name: str
    points: List[Pt]
    meta: Dict[str, Optional[int]] = field(default_factory=dict, metadata={'doc': 'extra'})
s = Shape('tri', [Pt(0, 0), Pt(1, 0)], {'id': 7, 'parent': None})
print(asdict(s))
print(astuple(s), fields(Shape)[2].metadata['doc'])
copy_ = asdict(s)
copy_['points'].append('changed')
print(len(s.points))
print(asdict(s, dict_factory=lambda kv: sorted(k for k, _ in kv)))

C = make_dataclass('C', ['z', ('x', int), ('y', int, field(default=5))], namespace={'total': lambda self: self.x + self.y})
c = C('zz', 1)
print(c, c.total(), is_dataclass(C), [f.name for f in fields(C)])

@dataclass
class Counter:
    counts: Dict[str, int] = field(default_factory=dict)
    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1
        return self
a, b = Counter(), Counter()
a.add('x').add('x')
print(a, b, a.counts is not b.counts)

@dataclass
class Custom:
    v: int
    def __repr__(self):
        return 'Custom<%d>' % self.v
    def __eq__(self, other):
        return isinstance(other, Custom) and abs(self.v - other.v) < 2
print(Custom(1), Custom(1) == Custom(2), Custom(1) == Custom(5))
