# range with big integers.
r = range(10 ** 20, 10 ** 20 + 50, 7)
print(r, len(r), r[3], list(r)[-1], 10 ** 20 + 14 in r)
huge = range(0, 10 ** 30, 3)
print(huge[10 ** 25], huge[-1], 10 ** 29 + 1 in huge, 10 ** 29 + 2 in huge)
print(len(range(-(10 ** 18), 10 ** 18)))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError:", e)
