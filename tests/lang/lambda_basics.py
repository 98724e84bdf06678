# lambda expressions.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")())
print(list(map(lambda s: s[::-1], ["abc", "xy"])))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
fns = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in fns])
late = [lambda: n for n in range(3)]
print([f() for f in late])
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda x: (lambda y: x + y))(1)(2))
print(sq.__name__, type(sq).__name__)
print((lambda a, *, b: a - b)(5, b=2))
