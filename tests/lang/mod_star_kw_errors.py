def f(a, b):
    return a, b
try:
    f(*[1, 2, 3])
except TypeError as e:
    print(e)
try:
    f(**{"a": 1, "c": 2})
except TypeError as e:
    print(e)
try:
    f(1, *[], **{})
except TypeError as e:
    print(e)
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
print(f(*(1,), **{"b": 2}))
