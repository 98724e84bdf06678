# Caught IndexError/KeyError/ValueError messages from containers.
lst = [1, 2, 3]
tup = (1, 2)
d = {"a": 1}
s = {1}
tests = [
    lambda: lst[10],
    lambda: tup[5],
    lambda: "s"[1],
    lambda: range(3)[3],
    lambda: b"b"[1],
    lambda: d["b"],
    lambda: d[2],
    lambda: d[None],
    lambda: s.remove(9),
    lambda: lst.index(42),
    lambda: lst.remove(42),
    lambda: tup.index(9),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: "abc".index("d"),
    lambda: lst[1.5],
    lambda: d.pop("zz"),
]
for t in tests:
    try:
        t()
    except (IndexError, KeyError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", str(e), "|", repr(e))
