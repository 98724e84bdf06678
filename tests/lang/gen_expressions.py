squares = (x * x for x in range(6))
print(type(squares).__name__, next(squares), list(squares), list(squares))
print(sum(x for x in range(10) if x % 2), max((len(w), w) for w in "a bb ccc".split()))
pairs = list((a, b) for a in range(3) for b in range(a))
print(pairs)
def lazy():
    print("computing")
    return [1, 2]
g = (x for x in lazy())
print("created")
print(list(g))
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
print(any(c == "z" for c in "abcz"), all(n > 0 for n in [1, 2, -1]))
print(dict((k, v) for k, v in zip("ab", [1, 2])), sorted(set(c for c in "hello")))
