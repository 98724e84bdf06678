# types: the names of built-in types, SimpleNamespace, GenericAlias, UnionType.
import types
import sys

def f(): pass
def g(): yield 1
class C:
    def m(self): pass
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(isinstance(C().m, types.MethodType), isinstance(g(), types.GeneratorType))
print(isinstance(sys, types.ModuleType), isinstance(len, types.BuiltinFunctionType))
print(isinstance([].append, types.BuiltinMethodType), isinstance(f.__code__, types.CodeType))
print(types.NoneType is type(None), types.FunctionType.__name__, types.ModuleType.__name__)
print(isinstance(C.__dict__, types.MappingProxyType))
ns = types.SimpleNamespace(a=1, b='two')
print(ns, ns.a, ns.b)
ns.c = [3]
print(ns, ns == types.SimpleNamespace(a=1, b='two', c=[3]), ns != types.SimpleNamespace())
del ns.a
print(ns, vars(ns))
class Sub(types.SimpleNamespace):
    pass
print(Sub(x=1), Sub(x=1) == types.SimpleNamespace(x=1))
try:
    hash(ns)
except TypeError as e:
    print('TypeError')
print(getattr(ns, 'missing', 'default'))
ga = list[int]
print(ga, type(ga), ga.__origin__, ga.__args__, ga([1, 2]), ga == list[int], ga == list[str])
print(dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[frozenset[str]])
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
u = int | str
print(u, type(u), u.__args__, isinstance(3, u), isinstance('s', u), isinstance(2.0, u))
print(int | None, None | int, list[int] | None, int | str == str | int, int | int)
print(issubclass(bool, int | str), issubclass(float, int | str))
try:
    int | 3
except TypeError as e:
    print(e)
def annotated(x: int | None = None, y: list[str] | None = None) -> dict[str, int]:
    return {'x': x or 0}
print(annotated(), annotated.__annotations__['x'], annotated.__annotations__['return'])
M = types.new_class('M', (C,), {}, lambda ns: ns.update({'z': 5}))
print(M.__name__, M.z, M.__mro__[1] is C)
