# abc basics: abstract methods/properties, the CPython instantiation error, __subclasshook__, register().
from abc import ABC, ABCMeta, abstractmethod, abstractproperty
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self):
        return "%s area=%.2f" % (self.name, self.area())
try:
    Shape()
except TypeError as e:
    print(e)
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Sq(2)
except TypeError as e:
    print(e)
class Sq2(Sq):
    def perimeter(self): return 4 * self.s
    @property
    def name(self): return "square"
print(Sq2(3).describe(), sorted(Shape.__abstractmethods__), Sq2.__abstractmethods__)
print(isinstance(Sq2(1), Shape), issubclass(Sq2, Shape), issubclass(int, Shape))
class Drawable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return any('draw' in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented
class Pic:
    def draw(self): pass
print(isinstance(Pic(), Drawable), issubclass(int, Drawable))
class Seq(ABC): pass
Seq.register(tuple)
print(isinstance((1,), Seq), isinstance([], Seq), issubclass(tuple, Seq))
@Seq.register
class My: pass
print(isinstance(My(), Seq), My.__name__)
class SubSeq(Seq): pass
print(issubclass(tuple, SubSeq), issubclass(SubSeq, Seq))
class WithCm(ABC):
    @classmethod
    @abstractmethod
    def make(cls): ...
    @staticmethod
    @abstractmethod
    def util(): ...
try: WithCm()
except TypeError as e: print(e)
print(type(Shape).__name__, type(ABC).__name__, isinstance(Shape, ABCMeta))
try: Seq.register(3)
except TypeError as e: print(e)
print(isinstance(3, (Seq, int)), isinstance("s", (Seq, int)))
