class Shape:
    sides = 0
    registry = []

    def __init__(self, name):
        self.name = name

    @classmethod
    def create(cls, name):
        obj = cls(name)
        Shape.registry.append(cls.__name__)
        return obj

    @staticmethod
    def describe(n):
        return "shape with %d sides" % n

    @classmethod
    def kind(cls):
        return cls.sides

class Square(Shape):
    sides = 4

s = Square.create("sq")
print(type(s).__name__, s.name)
print(Shape.describe(3), s.describe(4))
print(Square.kind(), s.kind(), Shape.kind())
t = Shape.create("generic")
print(Shape.registry)
print(isinstance(Shape.__dict__["describe"], staticmethod))
print(isinstance(Shape.__dict__["create"], classmethod))
sm = Shape.__dict__["describe"]
print(sm.__func__(5))
