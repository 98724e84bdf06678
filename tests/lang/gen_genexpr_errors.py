g = (1 / x for x in [1, 0, 2])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print(e)
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print(e)
g2 = (y for y in range(3))
print(list(g2), list(g2))
try:
    sum(x for x in ["a"])
except TypeError as e:
    print(e)
