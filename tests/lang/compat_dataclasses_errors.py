# dataclasses error paths: bad defaults, frozen mutation, argument errors,
# order without eq, explicit __hash__ conflicts, replace() and fields() misuse.
from dataclasses import dataclass, field, fields, replace, asdict, astuple, FrozenInstanceError

for default in ([], {}, set()):
    try:
        @dataclass
        class Bad:
            x: object = default
    except ValueError as e:
        print('ValueError', e)
try:
    @dataclass
    class Order:
        a: int = 1
        b: int
except TypeError as e:
    print('TypeError', e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass(order=True, eq=False)
    class NoEq:
        a: int
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass(unsafe_hash=True)
    class Hashed:
        a: int
        def __hash__(self):
            return 1
except TypeError as e:
    print('TypeError', e)
try:
    @dataclass(order=True)
    class HasLt:
        a: int
        def __lt__(self, other):
            return True
except TypeError as e:
    print('TypeError', e)

@dataclass(frozen=True)
class Frozen:
    a: int
    b: list = field(default_factory=list)
fz = Frozen(1)
for action in (lambda: setattr(fz, 'a', 2), lambda: setattr(fz, 'new', 2), lambda: delattr(fz, 'b')):
    try:
        action()
    except FrozenInstanceError as e:
        print('FrozenInstanceError', e)
fz.b.append(1)
print(fz, hash(Frozen(1, ())) == hash(Frozen(1, ())))
try:
    @dataclass
    class Thaw(Frozen):
        c: int = 0
except TypeError as e:
    print('TypeError', e)

@dataclass
class P:
    x: int
    y: int = 0
for args, kwargs in (((), {}), ((1, 2, 3), {}), ((1,), {'z': 2}), ((1,), {'x': 2})):
    try:
        P(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)
try:
    hash(P(1))
except TypeError as e:
    print('TypeError', e)
print(P(1) == (1, 0), P(1) == P(1), P(1) != P(2))
try:
    P(1) < P(2)
except TypeError as e:
    print('TypeError', e)
for fn in (fields, asdict, astuple):
    try:
        fn(P)
        fn(3)
    except TypeError as e:
        print('TypeError', e)
try:
    replace(P(1), z=3)
except TypeError as e:
    print('TypeError', e)
try:
    class NoAnn:
        x = field(default=1)
    dataclass(NoAnn)
except TypeError as e:
    print('TypeError', e)
