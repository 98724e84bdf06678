# A small class: __init__, methods, attributes, class attributes, __repr__, __eq__.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
q = p.moved(1, -1)
print(p, q, p.norm2(), q.norm2(), Point.dims, p.dims)
print(p == Point(3, 4), p == q, p != q, p is Point(3, 4))
print(sorted([Point(2, 1), Point(1, 2), Point(0, 0)], key=Point.norm2))
print(len({Point(1, 1), Point(1, 1), Point(2, 2)}))
p.label = "origin-ish"
print(p.label, type(p).__name__, isinstance(p, Point))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
class Counter:
    def __init__(self):
        self.n = 0
    def tick(self):
        self.n += 1
        return self
c = Counter()
c.tick().tick().tick()
print(c.n)
