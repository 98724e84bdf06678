class A:
    x = "A.x"
    y = "A.y"
class B(A):
    x = "B.x"
class C(B):
    pass
c = C()
print(c.x, c.y, C.x)
A.y = "changed"
print(c.y)
B.y = "B.y"
print(c.y)
del B.y
print(c.y)
c.x = "inst"
print(c.x, C.x)
print(C.__dict__.get("x"), "x" in B.__dict__)
