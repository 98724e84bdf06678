class JsonMixin:
    def to_json(self):
        return "{" + ", ".join('"%s": %r' % kv for kv in sorted(vars(self).items())) + "}"
class EqMixin:
    def __eq__(self, o):
        return type(self) is type(o) and vars(self) == vars(o)
    __hash__ = None
class Point(JsonMixin, EqMixin):
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print(p.to_json(), p == Point(1, 2), p == Point(2, 1))
print(isinstance(p, JsonMixin), isinstance(p, EqMixin), Point.__hash__)
print([c.__name__ for c in Point.__mro__])
