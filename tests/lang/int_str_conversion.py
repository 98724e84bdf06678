# str() and repr() of ints, big and small.
for v in [0, -0, 7, -7, 10 ** 18, 10 ** 19, -(10 ** 19), 2 ** 200]:
    print(str(v), repr(v), len(str(v)))
n = 3 ** 2000
s = str(n)
print(len(s), s[:20], s[-20:], int(s) == n)
print(str(-n)[:5])
print(" ".join(str(i) for i in range(-3, 4)))
