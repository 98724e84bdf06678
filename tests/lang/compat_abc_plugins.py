# abc in a plugin registry: abstract base with template methods, class-level
# registration through __init_subclass__, virtual subclasses, abstract
# properties with setters, and super() calls into abstract implementations.
from abc import ABC, ABCMeta, abstractmethod

class Plugin(ABC):
    registry = {}

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        if name:
            Plugin.registry[name] = cls

    @abstractmethod
    def run(self, data):
        """Process data."""

    @abstractmethod
    def describe(self):
        return 'plugin'

    def __call__(self, data):
        return '%s -> %s' % (self.describe(), self.run(data))

class Upper(Plugin, name='upper'):
    def run(self, data):
        return data.upper()
    def describe(self):
        return 'upper(' + super().describe() + ')'

class Reverse(Plugin, name='reverse'):
    def run(self, data):
        return data[::-1]
    def describe(self):
        return 'reverse'

class Broken(Plugin, name='broken'):
    def run(self, data):
        return data

print(sorted(Plugin.registry))
for key in sorted(Plugin.registry):
    try:
        print(key, Plugin.registry[key]()('abc'))
    except TypeError as e:
        print(key, 'TypeError', e)

class Account(ABC):
    @property
    @abstractmethod
    def balance(self): ...

    @balance.setter
    @abstractmethod
    def balance(self, v): ...

class Savings(Account):
    def __init__(self):
        self._b = 0
    @property
    def balance(self):
        return self._b
    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError('negative balance')
        self._b = v

s = Savings()
s.balance = 10
print(s.balance, Account.__abstractmethods__, Savings.__abstractmethods__)
try:
    s.balance = -1
except ValueError as e:
    print('ValueError', e)
try:
    Account()
except TypeError as e:
    print('TypeError', e)

class Serializer(metaclass=ABCMeta):
    @abstractmethod
    def dumps(self, obj): ...

class JsonLike:
    def dumps(self, obj):
        return repr(obj)

Serializer.register(JsonLike)
print(isinstance(JsonLike(), Serializer), issubclass(JsonLike, Serializer), JsonLike in Serializer.__subclasses__())
print(Serializer.__abstractmethods__, JsonLike().dumps({'a': 1}))

class Node(ABC):
    @classmethod
    @abstractmethod
    def kind(cls): ...
    @staticmethod
    def helper():
        return 'static ok'
class Leaf(Node):
    @classmethod
    def kind(cls):
        return 'leaf:' + cls.__name__
print(Leaf.kind(), Leaf().kind(), Node.helper(), type(Leaf).__name__)
mixed = [Upper(), Reverse(), 'text', 3, Savings()]
print([type(m).__name__ for m in mixed if isinstance(m, Plugin)], [isinstance(m, Account) for m in mixed])
