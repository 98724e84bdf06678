class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, ev)
            return True
        return None
with Suppress(KeyError, IndexError):
    {}["k"]
    print("not reached")
print("after 1")
with Suppress(IndexError):
    [][0]
print("after 2")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("escaped", e)
def f():
    for i in range(3):
        with Suppress(ValueError):
            if i == 1:
                raise ValueError(i)
            print("i", i)
    return "done"
print(f())
class Truthy:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return 1
with Truthy():
    raise RuntimeError("gone")
print("truthy suppressed")
