import functools

class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __le__(self, other):
        return self == other or self < other
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
    __hash__ = None

a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != b, a < b, b > a, a <= c, b >= a)
print(sorted([b, a, Version(0, 9)]))
print(max(a, b), min(a, b))
print(a == 3, a != "x")
try:
    a < 3
except TypeError as e:
    print(e)
try:
    hash(a)
except TypeError as e:
    print(e)
