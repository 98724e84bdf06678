import gc

gc.disable()
gc.collect()

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)

a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
gc.collect()
print("after collect")

# __del__ runs once, even when the object is resurrected.
saved = []

class Phoenix:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("phoenix del")
        saved.append(self)

Phoenix()
gc.collect()
print(len(saved), saved[0].me is saved[0])
saved[0].me = None
saved.clear()
gc.collect()
print("phoenix gone")

# A class whose methods use super() is a cycle; it goes too.
class Base:
    def f(self):
        return "base"

class Derived(Base):
    def f(self):
        return "derived+" + super().f()

print(Derived().f())
del Derived, Base
gc.collect()
print("done")
