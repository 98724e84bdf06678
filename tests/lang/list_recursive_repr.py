# Containers that contain themselves print with ... (cycle broken at the end).
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"k": 1}
d["self"] = d
print(d)
b = [a, a]
print(b)
a.pop()
del d["self"]
print(a, d, b)
