# name/obj of caught errors; a case flip is the cheapest edit (cost 1).
try:
    lenn([1])
except NameError as e:
    print(e, e.name)
try:
    [].appendd(1)
except AttributeError as e:
    print(e, e.name, e.obj)
e2 = AttributeError("plain")
print(e2.name, e2.obj)
class P:
    pass
p = P()
p.Value = 1
print(p.value)
