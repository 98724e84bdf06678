# Dicts keep insertion order, also after deletions and re-insertions.
d = {}
for k in ["one", "two", "three", "four", "five"]:
    d[k] = len(k)
print(d)
del d["two"]
d["six"] = 3
print(d, list(d))
d["two"] = 2
print(list(d.keys()))
d["one"] = 100
print(list(d.items())[:2])
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
n = {}
for i in range(100):
    n[i] = i
for i in range(0, 100, 3):
    del n[i]
n[0] = "back"
print(list(n)[:5], list(n)[-3:], len(n))
e = dict.fromkeys("hello")
print(e)
p = {"b": 1, "a": 2}
p.pop("b")
p["b"] = 3
print(p)
print({**{"x": 1, "y": 2}, "x": 9, "z": 0})
m = {"k1": 1, "k2": 2}
m.update({"k0": 0, "k1": 11})
print(m)
