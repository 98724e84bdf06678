# Dict views are live and support len, membership, iteration and set operations.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(len(k), "a" in k, 2 in v, ("c", 3) in it, ("c", 4) in it)
d["d"] = 4
print(list(k), list(v), list(it))
del d["a"]
print(list(k), len(v))
print(sorted(k & {"b", "x"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(list(reversed(d)), list(reversed(d.values())))
print(k == {"b", "c", "d"}, type(k).__name__, type(v).__name__, type(it).__name__)
print(d.keys(), d.values(), d.items())
