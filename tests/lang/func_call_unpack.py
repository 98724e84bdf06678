# Calls mixing positional, starred, keyword and double-starred arguments.
def f(a, b, c=0, *rest, d=1, **kw):
    return (a, b, c, rest, d, sorted(kw.items()))
print(f(1, 2))
print(f(*[1, 2, 3, 4, 5]))
print(f(1, *(2, 3), 4, d=5, e=6))
print(f(**{"a": 1, "b": 2, "d": 3, "z": 4}))
print(f(1, *[2], *[3, 4], x=1, **{"y": 2}, **{"w": 3}))
args = (10, 20)
kwargs = {"c": 30, "d": 40}
print(f(*args, **kwargs))
print(max(*[3, 8, 1]), min(4, *(2, 9)), "{}-{}".format(*"ab"), dict(**{"k": 1}, j=2))
try:
    f(1, 2, **{"a": 5})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, **[2])
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, **{1: 2})
except TypeError as e:
    print("TypeError:", e)
