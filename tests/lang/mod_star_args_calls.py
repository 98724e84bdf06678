def f(a, b, c=0, *rest, key=None, **kw):
    return (a, b, c, rest, key, sorted(kw.items()))
args = [1, 2]
kwargs = {"key": "k", "x": 9}
print(f(*args))
print(f(*args, 3, 4, 5))
print(f(*args, **kwargs))
print(f(0, *args, *args, y=1, **kwargs))
print(f(*"ab"))
print(f(*range(5), **{"z": 1}))
print(f(**{"a": 1, "b": 2}))
def g(*a, **k):
    return a, k
print(g(*(), **{}))
print(g(*[1], *(2,), **{"a": 1}, **{"b": 2}))
try:
    f(*5)
except TypeError as e:
    print(e)
try:
    f(**[1])
except TypeError as e:
    print(e)
try:
    f(1, **{"a": 2, "b": 3})
except TypeError as e:
    print(e)
