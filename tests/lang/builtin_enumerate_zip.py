# enumerate() and zip().
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate(["x"], start=-2)))
for i, (a, b) in enumerate(zip("xy", [10, 20])):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(range(3), range(3), range(3))))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)])
keys = ["a", "b"]
vals = [1, 2]
print(dict(zip(keys, vals)))
z = zip("ab", "cd")
print(next(z), list(z), list(z))
e = enumerate("q")
print(type(e).__name__, type(z).__name__, next(e))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    zip(1)
except TypeError as e:
    print("TypeError:", e)
