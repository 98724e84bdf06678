# repr() and str() of built-in values.
vals = [0, -1, 2 ** 70, 1.5, -0.0, 1e100, "text", "it's", b"bytes", [1, "a"], (1,), (), {"k": [1]}, {3}, set(),
        frozenset([1]), None, True, range(3), range(1, 9, 2), slice(1, None), ..., [[], [()]], {1: {2: 3}}]
for v in vals:
    print(repr(v), str(v))
print(repr("\u00e9\t"), str("\u00e9\t"), ascii("\u00e9"), ascii([1, "\u00e9"]))
print(repr(repr("x")), str(str(5)), repr(str(5)))
