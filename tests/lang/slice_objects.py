# slice objects.
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, repr(slice(3)), slice(None, None, -1))
data = list(range(10))
print(data[s], data[slice(3)], data[slice(-3, None)], "abcdefgh"[s])
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(10), slice(2, -2, 3).indices(20))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
t = tuple(data)
print(t[slice(None, None, -3)])
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print("ValueError:", e)
try:
    data[::0]
except ValueError as e:
    print("ValueError:", e)
