from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2); print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
x, y = p; print(x + y, p == (1, 2), len(p), isinstance(p, tuple), hash(p) == hash((1, 2)), p[-1], p[:1])
P3 = namedtuple('P3', 'a b c', defaults=[0, 9]); print(P3(1), P3(1, 2), P3._field_defaults)
print(namedtuple('R', 'a, def, _x, a', rename=True)._fields, Point.__name__, Point.__doc__)
class V(namedtuple('V', 'x y')):
    __slots__ = ()
    def norm(self):
        return abs(self.x) + abs(self.y)
print(V(3, -4).norm(), V(1, 2), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(Point(*range(2)), Point(**{'x': 'a', 'y': 'b'}), max(Point(5, 9)))
