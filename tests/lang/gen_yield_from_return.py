def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print("inner got", got)
    return n * 10
def outer():
    a = yield from inner(2)
    print("a =", a)
    b = yield from inner(3)
    print("b =", b)
    return a + b
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("total", e.value)
def flat(x):
    if isinstance(x, list):
        for y in x:
            yield from flat(y)
    else:
        yield x
print(list(flat([1, [2, [3, [4]], 5], [[6]]])))
def from_iterables():
    yield from "ab"
    yield from range(2)
    yield from (c for c in "xy")
    r = yield from []
    print("empty returns", r)
print(list(from_iterables()))
