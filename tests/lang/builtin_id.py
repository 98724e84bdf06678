# id(): stable for one object, distinct for distinct live objects.
a = [1]
b = [1]
print(id(a) == id(a), id(a) != id(b), type(id(a)).__name__, id(a) > 0 or id(a) <= 0)
c = a
print(id(c) == id(a), id(None) == id(None))
objs = [[i] for i in range(10)]
print(len(set(id(o) for o in objs)))
