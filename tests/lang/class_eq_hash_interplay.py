class OnlyEq:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, OnlyEq) and self.k == other.k

print(OnlyEq.__hash__)
try:
    {OnlyEq(1)}
except TypeError as e:
    print(e)

class Both:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Both) and self.k == other.k
    def __hash__(self):
        return hash(self.k)

s = {Both(1), Both(1), Both(2)}
print(len(s))
d = {Both("x"): 1}
print(d[Both("x")])

class Default:
    pass
x = Default()
print(x == x, x == Default(), hash(x) == hash(x))

class Sub(Both):
    def __eq__(self, other):
        return False
print(Sub.__hash__ is None)
class Sub2(Both):
    pass
print(Sub2.__hash__ is Both.__hash__)
