# Metaclasses: __init__ on the metaclass, classes made in a function, __init_subclass__.
class Meta(type):
    count = 0
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Meta.count += 1
def make():
    class X(metaclass=Meta):
        pass
    return X
for i in range(100):
    X = make()
    x = X()
print(Meta.count, type(X).__name__, isinstance(X, Meta), X.__class__.__name__)
class Plugin(metaclass=Meta):
    plugins = []
    def __init_subclass__(cls): Plugin.plugins.append(cls.__name__)
class P1(Plugin): pass
class P2(Plugin): pass
print(Plugin.plugins, Meta.count)
