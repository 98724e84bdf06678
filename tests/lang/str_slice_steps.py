# Slicing strings with positive and negative steps and out-of-range bounds.
s = "0123456789"
for sl in [(None, None, -1), (None, None, 2), (None, None, -2), (1, 8, 3), (8, 1, -3), (-1, -8, -2),
           (100, None, -1), (None, -100, -1), (-100, 100, None), (5, 5, None), (7, 2, None), (2, 7, -1)]:
    print(sl, repr(s[slice(*sl)]))
print(s[::-1], s[-3:], s[:-3], s[-3:-1], s[3:-3], s[::3], s[1::-1])
u = "\u03b1\u03b2\u03b3\u03b4\u03b5"
print(u[::-1], u[::2], u[-2::-2], u[1:4][::-1])
print("abc"[5:], "abc"[-5:1], ""[::-1], "x"[::-1])
