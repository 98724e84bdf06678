# iter() and next(), with and without a default.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e.args))
s = iter("ab")
print(next(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
r = iter(range(3))
print(iter(r) is r, list(r))
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 4)))
t = iter((10, 20))
for v in t:
    print("got", v)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
