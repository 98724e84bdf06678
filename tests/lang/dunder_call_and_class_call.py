class Multiplier:
    instances = 0
    def __init__(self, k):
        Multiplier.instances += 1
        self.k = k
    def __call__(self, v):
        return v * self.k
ms = [Multiplier(i) for i in range(4)]
print([m(10) for m in ms], Multiplier.instances)
print(sorted([3, 1, 2], key=Multiplier(-1)))
f = Multiplier(2).__call__
print(f(21))
