from _c3_mod import *
print(public, Shape(3))
for name in ("extra", "_hidden", "make"):
    print(name, name in globals())
