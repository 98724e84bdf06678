# pass and del.
def nothing():
    pass
class Empty:
    pass
for _ in range(2):
    pass
if True:
    pass
print(nothing(), Empty.__name__)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(8))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print("NameError:", e)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
def local_del():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
