# Caught TypeError/AttributeError/NameError messages for common mistakes.
def f(a, b):
    return a + b
five, text, nothing = 5, "abc", None
tests = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: five(),
    lambda: text(),
    lambda: nothing[0],
    lambda: five[0],
    lambda: len(5),
    lambda: iter(5),
    lambda: [1, 2].nosuch,
    lambda: {}.nosuch(),
    lambda: undefined_name,
    lambda: int([]),
    lambda: list(1),
    lambda: {}[[]],
    lambda: "x" * 1.5,
    lambda: sorted([1, None]),
    lambda: [].sort(key=1),
    lambda: (1, 2).append(3),
    lambda: "a".join("b", "c"),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
