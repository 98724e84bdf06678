# Dict and set comprehensions.
print({x: x * x for x in range(6)})
print({w: len(w) for w in "one two three two".split()})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({k: v for k, v in zip("abc", range(3)) if v})
print({x % 5 for x in range(20)})
print({x * x for x in range(-4, 5)})
print(sorted({c for c in "comprehension"}))
d = {i: [j for j in range(i)] for i in range(4)}
print(d)
print({(x, x + 1) for x in range(3)} == {(0, 1), (1, 2), (2, 3)})
