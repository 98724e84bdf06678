# Builtins consuming generator expressions.
data = [3, -1, 4, -1, 5, -9, 2, 6]
print(any(x > 5 for x in data), all(x > -10 for x in data), any(x > 100 for x in data))
print(max(x * x for x in data), min(abs(x) for x in data))
print(sorted((x for x in data if x > 0), reverse=True))
print(", ".join(str(x) for x in data))
print(list(x for x in data if x < 0), tuple(x + 1 for x in range(3)), set(x % 3 for x in data))
print(dict((str(k), k) for k in range(3)))
print(max((len(w), w) for w in "a quick brown fox".split()))
print(sum(1 for x in data if x < 0), len([x for x in data if x == -1]))
