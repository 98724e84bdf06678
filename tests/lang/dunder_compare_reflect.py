class N:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, N) else o)
    def __gt__(self, o):
        return self.v > (o.v if isinstance(o, N) else o)
    def __repr__(self):
        return "N%d" % self.v
print(N(1) < N(2), N(3) > 2, 5 > N(3), 1 < N(0))
print(sorted([N(3), N(1), N(2)]))
print(max([N(3), N(9), N(2)]))
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly() == 1, 1 == EqOnly(), EqOnly() != 2, [EqOnly()] == [5])
print(EqOnly() in [1, 2], [1, 2].index(EqOnly()))
