import functools

def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, [a for a in args if not hasattr(a, "method")], kwargs)
        return fn(*args, **kwargs)
    return wrapper

def times(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

@trace
def add(a, b=2):
    """adds"""
    return a + b

@times(3)
def hi(x):
    return x * 2

print(add(1), add(1, b=5))
print(add.__name__, add.__doc__)
print(hi(4))

class C:
    @trace
    def method(self, x):
        return x + 1
print(C().method(1))
