class Calc:
    def __init__(self):
        self.ops = {"+": self.add, "*": self.mul}
    def add(self, a, b):
        return a + b
    def mul(self, a, b):
        return a * b
    def run(self, expr):
        a, op, b = expr.split()
        return self.ops[op](int(a), int(b))
c = Calc()
print(c.run("2 + 3"), c.run("4 * 5"))
unbound = Calc.add
print(unbound(c, 1, 1))
print(list(map(c.mul, [1, 2, 3], [4, 5, 6])))
print(sorted(["bb", "a", "ccc"], key=str.__len__))
