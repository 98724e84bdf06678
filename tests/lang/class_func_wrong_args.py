def f(a, b, c=3):
    pass
def g(*, key):
    pass
def h(a, /, b):
    pass
def v(*args, x):
    pass
def none():
    pass

tests = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=5),
    lambda: f(1, 2, a=1),
    lambda: g(),
    lambda: g(1),
    lambda: h(a=1, b=2),
    lambda: v(1, 2),
    lambda: none(1),
    lambda: none(x=1),
    lambda: f(*[1], **{"b": 2, "c": 3, "e": 4}),
    lambda: f(1, **{"b": 2}, **{"b": 3}),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
