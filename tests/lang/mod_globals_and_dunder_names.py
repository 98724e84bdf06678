import _c3_mod
print(__name__)
print("__builtins__" in globals())
print(_c3_mod.__name__, _c3_mod.__all__)
x = 5
def show():
    return globals()["x"]
print(show())
def f():
    """docstring of f"""
print(f.__doc__, f.__name__, f.__module__, f.__qualname__)
class C:
    def m(self):
        pass
print(C.__module__, C.m.__qualname__, C.__qualname__)
