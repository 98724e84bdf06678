# enum in a state machine: members as dict keys and in sets, transitions on
# members, iteration, pattern-free dispatch, IntEnum arithmetic, Flag permissions.
from enum import Enum, IntEnum, Flag, auto, unique

@unique
class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    PAUSED = auto()
    STOPPED = auto()

    @property
    def is_terminal(self):
        return self is State.STOPPED

TRANSITIONS = {
    State.IDLE: {State.RUNNING},
    State.RUNNING: {State.PAUSED, State.STOPPED},
    State.PAUSED: {State.RUNNING, State.STOPPED},
    State.STOPPED: set(),
}

class Machine:
    def __init__(self):
        self.state = State.IDLE
        self.trace = [self.state.name]
    def go(self, target):
        if target not in TRANSITIONS[self.state]:
            raise ValueError('%s -> %s not allowed' % (self.state.name, target.name))
        self.state = target
        self.trace.append(target.name)
        return self

m = Machine()
m.go(State.RUNNING).go(State.PAUSED).go(State.RUNNING).go(State.STOPPED)
print(m.trace, m.state, m.state.is_terminal)
try:
    m.go(State.RUNNING)
except ValueError as e:
    print('ValueError', e)
print([s.name for s in State if not TRANSITIONS[s]], [s.value for s in State])

class Level(IntEnum):
    TRACE = 5
    DEBUG = 10
    INFO = 20
    WARN = 30

def log(level, msg, threshold=Level.INFO):
    if level >= threshold:
        print('%-5s %s' % (level.name, msg))
log(Level.DEBUG, 'hidden')
log(Level.WARN, 'shown')
log(Level.INFO, 'also shown')
print(Level(20), Level.WARN - Level.INFO, sorted(Level, reverse=True)[0], Level.DEBUG in [10], [l for l in Level if l > 15])
print(str(Level.INFO), repr(Level.INFO), format(Level.INFO, '>4'), '%s|%r' % (Level.TRACE, Level.TRACE))

class Perm(Flag):
    NONE = 0
    READ = auto()
    WRITE = auto()
    ADMIN = auto()
    ALL = READ | WRITE | ADMIN

def can(user_perm, needed):
    return needed in user_perm
user = Perm.READ | Perm.WRITE
print(can(user, Perm.READ), can(user, Perm.ADMIN), can(Perm.ALL, Perm.ADMIN), Perm.NONE, bool(Perm.NONE))
print(user, repr(user), [p.name for p in Perm], Perm.ALL.value, Perm(3) is user, user & ~Perm.WRITE)
print(list(user), len(Perm.ALL), Perm.ALL ^ Perm.READ)

class Shape(Enum):
    CIRCLE = 'circle'
    SQUARE = 'square'
    def area(self, size):
        return {Shape.CIRCLE: lambda s: round(3.14159 * s * s, 2), Shape.SQUARE: lambda s: s * s}[self](size)
print([(s.value, s.area(2)) for s in Shape], Shape('square').area(3))
print(State.IDLE == State.IDLE, State.IDLE == 1, State.IDLE != State.RUNNING, State.IDLE is State(1))
