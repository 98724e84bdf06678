# sorted() and reversed().
print(sorted([3, 1, 2]), sorted("cab"), sorted((9, -1)), sorted({3: 0, 1: 0}), sorted(range(5), reverse=True))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True), sorted([-3, 2, -1], key=lambda x: x * x))
orig = [5, 4, 6]
new = sorted(orig)
print(orig, new, orig is new)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})), list(reversed([])))
r = reversed([1, 2])
print(type(r).__name__, next(r), next(r), next(r, "end"))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
