# min() and max() with iterables, several arguments, key and default.
print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max(3, 1, 2), min("hello"), max("hello"))
print(min([], default="empty"), max([], default=None), min([5], default=0))
print(max(["aa", "b", "cccc"], key=len), min(["aa", "b", "cccc"], key=len), max(-5, 3, key=abs))
print(max([(1, "b"), (1, "a"), (0, "z")]), min({"x": 2, "y": 1}), max({"x": 2, "y": 1}, key=lambda k: -ord(k)))
print(max([1, 3, 3.0]), max([3.0, 3, 1]), min([2 ** 70, 2 ** 69]), max(1.5, 2))
print(max([[1, 2], [1, 3]]), min("b", "a", "c"), max(range(10), key=lambda v: v % 4))
for bad in [lambda: max([]), lambda: min([]), lambda: max(1), lambda: min(1, "a"), lambda: max()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
