# isinstance(), type(), issubclass().
vals = [1, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), None, True, range(1), len]
for v in vals:
    print(type(v).__name__, type(v), isinstance(v, int), isinstance(v, (list, tuple)))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (str, float, int)), isinstance([], object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(list, (dict, list)))
print(type(1) is int, type(1) == int, type(type(1)), type(type), type(1)("42"), type("x")(5))
print(int, str, list, dict, type(None), type(print), type(lambda: 0))
print(type(1).__name__, int.__name__, type([]).__qualname__)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
