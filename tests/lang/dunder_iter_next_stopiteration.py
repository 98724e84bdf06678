class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        self.a, self.b = 0, 1
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Fib(50)))
print(sum(Fib(100)), 21 in Fib(30), 22 in Fib(30))
it = iter(Fib(3))
print(next(it), next(it), next(it), next(it), next(it, "end"))
class BadNext:
    def __iter__(self):
        return self
try:
    for x in BadNext():
        pass
except TypeError as e:
    print(e)
