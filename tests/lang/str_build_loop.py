# Building strings incrementally and via join.
s = ""
for i in range(200):
    s += str(i % 10)
print(len(s), s[:25], s[-5:])
parts = []
for word in ["alpha", "beta", "gamma"]:
    parts.append(word.upper())
    parts.append("-")
print("".join(parts[:-1]))
t = "ab"
for _ in range(10):
    t = t + t
print(len(t), t.count("ab"))
u = "\u00e9"
u = u * 3 + "x"
u += "\U0001F600"
print(u, len(u))
