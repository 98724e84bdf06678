# enum error paths: bad lookups, reassignment, duplicates, extension, reserved names.
from enum import Enum, IntEnum, Flag, auto, unique

class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'

for bad in ('deleted', 3, None):
    try:
        Status(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    Status['active']
except KeyError as e:
    print('KeyError', e)
try:
    Status.ACTIVE = 'x'
except AttributeError as e:
    print('AttributeError', e)
try:
    del Status.ACTIVE
except AttributeError as e:
    print('AttributeError', e)
try:
    class More(Status):
        DELETED = 'deleted'
except TypeError as e:
    print('TypeError', e)
try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as e:
    print('TypeError', e)
try:
    @unique
    class Many(Enum):
        A = 1
        B = 2
        C = 1
        D = 2
except ValueError as e:
    print('ValueError', e)
try:
    class Reserved(Enum):
        _bogus_ = 1
except ValueError as e:
    print('ValueError', e)
try:
    Status.ACTIVE < Status.INACTIVE
except TypeError as e:
    print('TypeError', e)
print(Status.ACTIVE in Status)

class Mood(Enum):
    HAPPY = 1
    SAD = 2
    @classmethod
    def _missing_(cls, value):
        return 'not a member'
try:
    Mood(9)
except TypeError as e:
    print('TypeError', e)

class Lenient(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
print(Lenient(99), Lenient(1) is Lenient.A)

class Prio(IntEnum):
    LOW = 1
    HIGH = 10
try:
    Prio(5)
except ValueError as e:
    print('ValueError', e)
print(Prio.HIGH > Prio.LOW, Prio.LOW + Prio.HIGH, max(Prio), Prio(10).name, int(Prio.HIGH), '%d' % Prio.LOW)

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6
print(list(Perm), Perm.RW, Perm.R | Perm.W is Perm.RW, ~Perm.R, Perm(7), bool(Perm(0)))
print(Status.ACTIVE.name, Status.ACTIVE.value, Status('inactive'), Status.__members__.keys() if False else list(Status.__members__))
print(Status.ACTIVE.__class__ is Status, type(Status).__name__, Status.__name__, len(Status))
