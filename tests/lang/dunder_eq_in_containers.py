class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, K) and self.v == o.v
    def __hash__(self):
        return hash(self.v) % 2
d = {K(1): "one", K(3): "three"}
print(d[K(3)])
print(K(5) in d)
print([K(1), K(2)].count(K(2)))
x = K(7)
print(x in [x], [x] == [x])
