# The attribute caches of LOAD_ATTR / STORE_ATTR / LOAD_METHOD: every way a
# warmed-up cache entry can go stale must be seen (conch's speed work).


class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def read_x(objs):
    return [o.x for o in objs]


def read_kind(objs):
    return [o.kind for o in objs]


def call_norm(objs):
    return [o.norm1() for o in objs]


pts = [Point(i, -i) for i in range(5)]
for _ in range(3):  # warm up every site
    print(read_x(pts), read_kind(pts), call_norm(pts))

# Class attribute changed after warm-up.
Point.kind = "pt"
print(read_kind(pts))

# Class attribute shadowed by an instance attribute later.
pts[2].kind = "special"
print(read_kind(pts))
del pts[2].kind
print(read_kind(pts))

# Method replaced on the class, then shadowed on one instance.
Point.norm1 = lambda self: self.x * 10
print(call_norm(pts))
pts[1].norm1 = lambda: "instance"
print(call_norm(pts))
del Point.norm1
try:
    call_norm(pts[:1])
except AttributeError as e:
    print("AttributeError:", e)


# A data descriptor (property) added on the class overrides the instance dict.
def get_x(self):
    return "prop"


Point.x = property(get_x)
print(read_x(pts))
del Point.x
print(read_x(pts))

# Instance attribute deleted: the hint misses, AttributeError as usual.
p = Point(1, 2)
print(read_x([p]))
del p.x
try:
    read_x([p])
except AttributeError as e:
    print("AttributeError:", e)
p.x = 7
print(read_x([p]))


# Attributes set in a different order: a different dict entry, same site.
class Loose:
    pass


a = Loose()
a.x = 1
a.y = 2
b = Loose()
b.y = 3
b.x = 4
for _ in range(3):
    print(read_x([a, b, a, b]))


# A base class changed: subclasses see it.
class Base:
    def who(self):
        return "base"


class Derived(Base):
    pass


d = Derived()
for _ in range(3):
    print(d.who())
Base.who = lambda self: "base2"
print(d.who())
Derived.who = lambda self: "derived"
print(d.who())


# __slots__: reads and writes through the slot, unset slots raise.
class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


def read_ab(o):
    return (o.a, getattr(o, "b", "unset"))


def bump(o):
    o.a = o.a + 1
    return o.a


s = Slotted(5)
for _ in range(3):
    print(read_ab(s), bump(s))
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
s.b = "now"
print(read_ab(s))
del s.a
try:
    bump(s)
except AttributeError as e:
    print("AttributeError:", e)


# Stores: __setattr__ added on the class after warm-up is honoured.
def store(o, v):
    o.val = v


class Store:
    pass


st = Store()
for i in range(3):
    store(st, i)
print(st.val)


def noisy(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value + 100)


Store.__setattr__ = noisy
store(st, 9)
print(st.val)
del Store.__setattr__
store(st, 10)
print(st.val)

# Polymorphic site: several types through one instruction.
class A:
    v = 1


class B:
    def __init__(self):
        self.v = 2


class C:
    __slots__ = ("v",)

    def __init__(self):
        self.v = 3


objs = [A(), B(), C(), A()]
for _ in range(3):
    print([o.v for o in objs])

# Builtin methods through LOAD_METHOD (static types).
lst = []
for i in range(4):
    lst.append(i)
print(lst, "abc".upper(), (1, 2, 1).count(1))


class MyList(list):
    pass


ml = MyList()
for i in range(3):
    ml.append(i)
ml.append = lambda v: print("shadowed append", v)
ml.append(99)
print(list(ml))
