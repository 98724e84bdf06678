from functools import wraps, update_wrapper
def deco(f):
    @wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w
@deco
def hello(name):
    "Say hello."
    return 'hello ' + name
print(hello('bob'), hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__)
def other():
    pass
def wrapper():
    pass
update_wrapper(wrapper, other); print(wrapper.__name__, wrapper.__wrapped__ is other)
