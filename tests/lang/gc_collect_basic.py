import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.collect()

def make_cycles(n):
    for _ in range(n):
        l = []
        l.append(l)

make_cycles(10)
print(gc.collect())
print(gc.collect())

# Objects reachable from outside survive.
keep = []
keep.append(keep)
print(gc.collect())
print(keep[0] is keep)

# A dict cycle.
d = {}
d["self"] = d
del d
print(gc.collect())

# Two lists referencing each other.
a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())

print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("x"))
print(gc.garbage)
gc.enable()
print(gc.isenabled())
