# Starred unpacking in targets, displays and calls.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = 1, 2
print(a, b, c)
*a, = ()
print(a)
(a, *b), c = (1, 2, 3), 4
print(a, b, c)
for first, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(first, rest)
print([*range(3), *"ab", 9], (*[1, 2],), {*[1, 1, 2]}, [*[], *()])
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
print({**d1, **d2}, {**d2, **d1, "z": 0})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), **d1, **{"q": 9}))
print(*[1, 2, 3], sep="-")
head, *tail = "hello world".split()
print(head, tail)
