# None, True, False, Ellipsis and literal containers.
print(None, True, False, ...)
print(repr(None), repr(True), repr(...))
print([], (), {}, [1], (1,), {1: 2}, {1})
print([1, 2, 3,], (1, 2,), {"a": 1, "b": 2,})
print(type(None).__name__, type(...).__name__, type(True).__name__)
print(... is Ellipsis)
print(((1, 2), [3, [4, (5,)]]))
