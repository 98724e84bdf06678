# abc error paths and edge cases: abstract properties, partial overrides,
# instance checks through __instancecheck__/__subclasscheck__ hooks.
import abc

class Base(abc.ABC):
    @property
    @abc.abstractmethod
    def size(self): ...

    @abc.abstractmethod
    def run(self, x): ...

    def twice(self, x):
        return self.run(self.run(x))

class Half(Base):
    def run(self, x):
        return x + 1

for cls in (Base, Half):
    try:
        cls()
    except TypeError as e:
        print(e)

class Full(Half):
    size = 3

f = Full()
print(f.twice(1), f.size, Full.__abstractmethods__, isinstance(f, Base))

class OldStyle(metaclass=abc.ABCMeta):
    @abc.abstractproperty
    def p(self): ...
    @abc.abstractclassmethod
    def c(cls): ...
    @abc.abstractstaticmethod
    def s(): ...
try:
    OldStyle()
except TypeError as e:
    print(e)

class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, 'quack')
    def __subclasscheck__(cls, sub):
        return hasattr(sub, 'quack')

class Duck(metaclass=Meta):
    pass

class Mallard:
    def quack(self): pass

print(isinstance(Mallard(), Duck), isinstance(3, Duck), issubclass(Mallard, Duck), issubclass(int, Duck))
print(isinstance(Mallard(), (int, Duck)), issubclass(Mallard, (str, Duck)))

class Bad(metaclass=Meta):
    pass
Meta.__instancecheck__ = lambda cls, obj: 1 / 0
try:
    isinstance(1, Bad)
except ZeroDivisionError as e:
    print('hook raised:', e)

class Reg(abc.ABC):
    pass
try:
    Reg.register('nope')
except TypeError as e:
    print(e)
class Child(Reg):
    pass
try:
    Child.register(Reg)
except RuntimeError as e:
    print(e)
print(Reg.register(int) is int, isinstance(5, Reg), issubclass(bool, Reg), issubclass(Child, Reg))
try:
    issubclass(5, Reg)
except TypeError as e:
    print(e)
tok = abc.get_cache_token()
Reg.register(float)
print(abc.get_cache_token() != tok)

class Concrete(abc.ABC):
    def method(self):
        return 'fine'
print(Concrete().method(), Concrete.__abstractmethods__)

@abc.abstractmethod
def loose(): pass
print(loose.__isabstractmethod__)

class Later(abc.ABC):
    def go(self): pass
Later.go = abc.abstractmethod(lambda self: None)
abc.update_abstractmethods(Later)
try:
    Later()
except TypeError as e:
    print(e)
