# Chained assignment binds every target to the same object, left to right.
a = b = c = []
a.append(1)
print(a, b, c, a is b is c)
x = y = 5
x += 1
print(x, y)
d = {}
d["k"] = d2 = 7
print(d, d2)
i = lst = None
lst = [0, 1, 2]
i = lst[i] = 1
print(i, lst)
p, q = r = 1, 2
print(p, q, r)
