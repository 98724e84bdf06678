# dataclasses basics: generated methods, field(), fields/asdict/astuple/replace, frozen, inheritance, errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, is_dataclass, MISSING, InitVar
from typing import List, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2); print(p, repr(p), p == Point(1, 2), p != Point(2, 1), Point(3))
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
    tags: tuple = ()
print(Ver(1) < Ver(1, 2), sorted([Ver(2), Ver(1, 5), Ver(1)]), hash(Ver(1)) == hash(Ver(1)))
v = Ver(1)
try: v.major = 3
except FrozenInstanceError as e: print(type(e).__name__, e)
try: del v.major
except FrozenInstanceError as e: print(type(e).__name__, e)
print(isinstance(FrozenInstanceError(), AttributeError))
@dataclass
class Inv:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
    total: int = field(init=False, default=0)
    kind: ClassVar[str] = 'inv'
    def __post_init__(self):
        self.total = len(self.items) * 10
a = Inv('a'); b = Inv('b', ['x', 'y'], 3)
a.items.append(1); print(a, b, b.total, Inv('b', ['x','y'], 3, 'other') == b, Inv.kind)
print([f.name for f in fields(Inv)], fields(b)[0].type, asdict(b), astuple(b))
print(replace(b, name='c'), is_dataclass(b), is_dataclass(Inv), is_dataclass(3))
try: replace(b, total=3)
except ValueError as e: print('ValueError', e)
try:
    @dataclass
    class Bad:
        xs: list = []
except ValueError as e: print('ValueError', e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e: print('TypeError', e)
@dataclass
class Base:
    a: int
    b: str = 'b'
@dataclass
class Child(Base):
    c: float = 1.5
    a: int = 7
print(Child(), Child(1, 'x', 2.0), [f.name for f in fields(Child)])
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq(1).__hash__ is not None)
@dataclass
class Unh:
    v: int
print(Unh.__hash__)
@dataclass(unsafe_hash=True)
class H:
    v: int
    w: list = field(default_factory=list, hash=False)
print(hash(H(3)) == hash(H(3, [1])))
@dataclass
class Nested:
    p: Point
    ps: list
    d: dict
n = Nested(Point(1,2), [Point(3,4)], {'k': Point(5, 6)})
print(asdict(n), astuple(n))
try: Point()
except TypeError as e: print(e)
try: Point(1, 2, 3)
except TypeError as e: print(e)
@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale): self.x *= scale
print(WithInit(3), WithInit(3, 5), [f.name for f in fields(WithInit)])
@dataclass(repr=False)
class NoRepr:
    a: int
print(repr(NoRepr(1)).startswith('<__main__.NoRepr object'))
print(Point.__match_args__, Point.__dataclass_fields__['x'].default is MISSING)
@dataclass
class Rec:
    name: str
    kids: list = field(default_factory=list)
r = Rec('r'); r.kids.append(r); print(r)
try: fields(3)
except TypeError as e: print(e)
