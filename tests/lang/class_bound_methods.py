class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n, m=0):
        return self.v + n + m

a = A(3)
m = a.get
print(m())
print(m.__self__ is a, m.__func__ is A.get)
print(A.get(a))
f = a.add
print(f(1), f(1, m=2), f(n=5))
print(a.get == a.get, a.get is a.get)
print(type(m).__name__)
funcs = [A(i).get for i in range(4)]
print([g() for g in funcs])
print(A.add.__name__, A.add.__qualname__)
