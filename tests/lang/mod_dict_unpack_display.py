a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print({**a, **b})
print({**b, **a})
print({"w": 0, **a, "x": 100})
print({**{}, **a})
merged = dict(a, **b)
print(merged)
print([*a, *b], (*"ab", *[1]), {*a, *b} == {"x", "y", "z"})
try:
    {**a, **[1, 2]}
except TypeError as e:
    print(e)
class M:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
print({**M()})
print(dict(**M()))
