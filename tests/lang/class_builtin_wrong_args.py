tests = [
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: abs("x"),
    lambda: int("1", "2", "3"),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: "x".join(1),
    lambda: {}.get(),
    lambda: divmod(1),
    lambda: isinstance(1),
    lambda: max(),
    lambda: sorted([1], foo=1),
    lambda: "abc".split(1),
    lambda: range(),
    lambda: chr("a"),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
