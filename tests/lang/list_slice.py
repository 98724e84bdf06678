# Reading list slices.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::2], a[::-1], a[::-3], a[8:2:-2])
print(a[100:], a[-100:2], a[5:1], a[3:3], a[:], a[:] is a, a[:] == a)
print(a[slice(1, 4)], a[slice(None, None, -4)], a[-1:-5:-1])
for step in (1, 2, 3, -1, -2, -3):
    print(step, a[::step], a[7:1:step] if step < 0 else a[1:7:step])
t = tuple(a)
print(t[1:3], t[::-2], t[5:])
