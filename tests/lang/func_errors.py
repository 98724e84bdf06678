# Argument-binding error messages.
def f(x):
    return x
def g(a, b, c=3):
    return a
def h(*, k):
    return k
def p(a, /):
    return a
def outer():
    def inner(q):
        return q
    return inner
cases = [
    lambda: f(),
    lambda: f(1, 2),
    lambda: f(y=1),
    lambda: f(1, x=2),
    lambda: g(),
    lambda: g(1),
    lambda: g(1, 2, 3, 4),
    lambda: h(),
    lambda: h(1),
    lambda: p(a=1),
    lambda: outer()(),
    lambda: f(**{"x": 1, "z": 2}),
    lambda: f(*[1, 2, 3]),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs(),
]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
