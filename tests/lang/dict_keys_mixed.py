# Equal keys of different types collide: 1, 1.0 and True are the same key.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d[0] = "zero"
d[-0.0] = "negzero"
d[False] = "false"
print(d)
t = {(1, 2): "tuple", (1, (2, 3)): "nested", None: "none", "": "empty", 2 ** 100: "big", -1: "neg"}
print(t[(1, 2)], t[1, (2, 3)], t[None], t[""], t[2 ** 100], t[-1], t[-1.0])
f = {frozenset([1, 2]): "fs"}
print(f[frozenset([2, 1])])
print({0.5: "half", 1.5: "x"}[0.5], {10 ** 20: 1}[10.0 ** 20])
