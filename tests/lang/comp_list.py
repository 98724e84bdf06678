# List comprehensions.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([x for x in range(30) if x % 2 if x % 3])
print([c.upper() for c in "hello" if c != "l"])
print([(i, c) for i, c in enumerate("abc")])
print([str(x) + "!" for x in [1, 2.5, None]])
print([x if x > 2 else 0 for x in range(5)])
print([[j for j in range(i)] for i in range(4)])
print([len(w) for w in "the quick brown fox".split()])
print([])
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]])
