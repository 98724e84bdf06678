class Frac:
    def __init__(self, n, d):
        self.n, self.d = n, d
    def __str__(self):
        return f"{self.n}/{self.d}"
    def __repr__(self):
        return f"Frac({self.n}, {self.d})"
    def __float__(self):
        return self.n / self.d
    def __eq__(self, o):
        return self.n * o.d == o.n * self.d
    def __hash__(self):
        return hash(self.n / self.d)
f = Frac(1, 2)
print(f, repr(f), float(f), "%s|%r" % (f, f), "{}|{!r}".format(f, f))
print(Frac(2, 4) == f, len({Frac(1, 2), Frac(2, 4), Frac(1, 3)}))
print(str([f]), str((f,)))
