class Bag:
    pass
b = Bag()
for i, name in enumerate("abc"):
    setattr(b, name, i)
print(b.a, b.b, b.c, sorted(vars(b).items()))
delattr(b, "b")
print(hasattr(b, "b"), getattr(b, "b", "gone"))
b.__dict__["z"] = 26
print(b.z)
try:
    getattr(b, 3)
except TypeError as e:
    print(e)
try:
    delattr(b, "nope")
except AttributeError as e:
    print(e)
