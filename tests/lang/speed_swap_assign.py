# `a, b = b, a` compiles to SWAP (no tuple): order of evaluation and of
# stores, lists as targets, attribute and subscript targets, errors
# (conch's speed work).
order = []


def val(name, v):
    order.append("eval " + name)
    return v


class Rec:
    def __setattr__(self, name, v):
        order.append("store " + name)
        object.__setattr__(self, name, v)


a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
[a, b] = b, a
print(a, b)
r = Rec()
r.x, r.y, r.z = val("1", 1), val("2", 2), val("3", 3)
print(order, r.x, r.y, r.z)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
d = {}
d["k"], lst[1] = lst, "mid"
print(d, lst)
try:
    lst[0], lst[9] = 1, 2
except IndexError as e:
    print("IndexError:", e, lst)
i = 0
i, lst[i] = 2, "set at 2"
print(i, lst)
x, (y, z) = 1, (2, 3)
print(x, y, z)
