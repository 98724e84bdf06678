class A:
    """doc of A"""
    x = 1
    def f(self):
        pass
a = A()
print(type(a) is A, type(A) is type, a.__class__ is A)
print(A.__name__, A.__qualname__, A.__doc__, A.__module__)
print(type(A.f).__name__, type(a.f).__name__)
print(isinstance(A, type), isinstance(a, object))
print(sorted(k for k in A.__dict__ if not k.startswith("__")))
print(type(3).__name__, type("s").__name__, type(None).__name__, type(len).__name__)
