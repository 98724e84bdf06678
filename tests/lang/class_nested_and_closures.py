class Outer:
    class Inner:
        def hello(self):
            return "inner"
    def make(self):
        return self.Inner()
    def counter(self):
        count = 0
        def inc():
            nonlocal count
            count += 1
            return count
        return inc
o = Outer()
print(o.make().hello(), Outer.Inner.__qualname__)
c = o.counter()
print(c(), c(), c())
try:
    class UsesClassVar:
        factor = 3
        values = [factor * i for i in range(3)]
except NameError as e:
    print("class scope is not visible in comprehensions:", e)
class UsesFirstIter:
    n = 3
    values = [i * 2 for i in range(n)]
print(UsesFirstIter.values)
