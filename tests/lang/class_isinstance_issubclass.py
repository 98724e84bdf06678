class A: pass
class B(A): pass
class C(B): pass
class D: pass
class E(C, D): pass

objs = [A(), B(), C(), D(), E()]
for o in objs:
    print(type(o).__name__, [isinstance(o, k) for k in (A, B, C, D, E)])
print(issubclass(E, A), issubclass(A, E), issubclass(E, (D, int)))
print(isinstance(3, (A, int)), issubclass(bool, int), issubclass(C, object))
try:
    issubclass(3, A)
except TypeError as e:
    print(e)
try:
    isinstance(3, 4)
except TypeError as e:
    print(e)
print(E.__bases__ == (C, D), B.__base__ is A)
print([k.__name__ for k in E.__mro__])
