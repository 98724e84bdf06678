# Tuples: packing, indexing, slicing, methods, comparison.
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[0], t[-1], t[1:], t[::-1])
single = (5,)
print(single, (), (1, 2) + (3,), (0,) * 3, tuple("abc"), tuple([1, [2]]))
print(t.count(2), t.index(3), (1, 2, 1, 1).count(1))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, 2) == (1, 2), () == ())
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
a, b, c = t
print(a + b + c)
print(tuple(x * x for x in range(4)), 2 in t, 7 in t)
lt = ([1], [2])
lt[0].append(9)
print(lt)
try:
    t[0] = 10
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
