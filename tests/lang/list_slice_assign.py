# Assigning to and deleting slices.
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[1:3] = []
print(a)
a[::2] = "ABCDE"
print(a)
b = list(range(10))
b[::-3] = [0, 0, 0, 0]
print(b)
del b[::2]
print(b)
del b[1:3]
print(b)
c = [1, 2, 3]
c[1:2] = range(5)
print(c)
c[:] = (9, 8)
print(c)
c[5:10] = [7]
print(c)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    c[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
d = [1, 2, 3, 4]
d[-1] = "last"
d[0] += 10
del d[1]
print(d)
