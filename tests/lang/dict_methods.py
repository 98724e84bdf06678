# dict methods.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 99), d)
print(list(d.keys()), list(d.values()), list(d.items()))
d.update({"d": 4})
d.update([("e", 5), ("f", 6)])
d.update(g=7, a=10)
print(d)
print(d.pop("g"), d.pop("zz", "default"), d.popitem(), d)
c = d.copy()
c["new"] = 1
print(len(d), len(c), "new" in d, "new" in c)
print(dict.fromkeys(["x", "y"], 0), dict.fromkeys(range(3)))
c.clear()
print(c, len(c), bool(c), bool(d))
print(dict(a=1, b=2), dict([("k", "v"), (1, 2)]), dict({"z": 0}, y=1), dict(zip("abc", range(3))))
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 2} != {1: 3})
print(d | {"z": 26}, {"a": 0} | d)
d |= {"w": 23}
print(d)
for k, v in d.items():
    print(k, v, end="; ")
print()
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
