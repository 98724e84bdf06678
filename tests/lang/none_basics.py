# None: a singleton, falsy, only equal to itself.
x = None
print(x, repr(x), str(x), x is None, x is not None, x == None, x == 0, x == "", bool(x))
def f():
    pass
def g():
    return
print(f(), g(), f() is None, type(None).__name__)
print([None] * 3, {None: None}, (None,))
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    None < 1
except TypeError as e:
    print("TypeError:", e)
n = None
try:
    n()
except TypeError as e:
    print("TypeError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
