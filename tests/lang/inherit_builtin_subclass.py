class MyList(list):
    def sum(self):
        return sum(self)
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
class Name(str):
    def shout(self):
        return self.upper() + "!"
class Num(int):
    def double(self):
        return Num(self * 2)

l = MyList([1, 2, 3])
l.append(4)
print(l, l.sum(), len(l), type(l).__name__, isinstance(l, list))
d = MyDict(a=1)
print(d["a"], d["zz"], d.get("q"))
n = Name("bob")
print(n.shout(), n + "x", n == "bob", len(n))
x = Num(21)
print(x.double(), type(x.double()).__name__, x + 1, type(x + 1).__name__)
class Err(ValueError):
    pass
try:
    raise Err("bad")
except ValueError as e:
    print(type(e).__name__, e)
