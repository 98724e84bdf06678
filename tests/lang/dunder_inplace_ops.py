class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __add__(self, o):
        print("plain add")
        r = Acc()
        r.items = self.items + [o]
        return r
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
a = Acc()
before = a
a += 1
a += 2
print(a.items, a is before)
b = a + 3
print(b.items, b is a)
o = OnlyAdd(1)
o2 = o
o += 5
print(o.v, o2.v, o is o2)
l = [1]
l2 = l
l += [2]
print(l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
class IMul:
    def __imul__(self, k):
        return "imul %d" % k
x = IMul()
x *= 4
print(x)
