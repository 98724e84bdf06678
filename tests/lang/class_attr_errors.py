class A:
    x = 1
    def __init__(self):
        self.y = 2

a = A()
for expr in ["a.z", "A.z", "A.y", "a.x.real.nope"]:
    try:
        eval(expr)
    except AttributeError as e:
        print(e)
try:
    del a.x
except AttributeError as e:
    print(e)
try:
    (1).foo = 2
except AttributeError as e:
    print(e)
try:
    object().attr = 1
except AttributeError as e:
    print(e)
try:
    "s".upper = 1
except AttributeError as e:
    print(e)
try:
    None.thing
except AttributeError as e:
    print(e)
print(getattr(a, "y"), getattr(A, "x"), hasattr(a, "q"))
