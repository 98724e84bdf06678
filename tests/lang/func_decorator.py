# Decorators are functions applied at definition time.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@trace
def add(a, b=1):
    return a + b
add(2, b=5)
add(1)
def repeat(times):
    def deco(fn):
        def wrapper(x):
            for _ in range(times):
                x = fn(x)
            return x
        return wrapper
    return deco
@repeat(3)
def double(x):
    return x * 2
print(double(1))
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def a():
    pass
@register
@trace
def b():
    return "b"
print(registry, b())
