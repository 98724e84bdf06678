# Generator expressions are lazy, single-pass iterators.
def noisy(x):
    print("computing", x)
    return x * 10
g = (noisy(i) for i in range(3))
print("created")
print(next(g))
print("between")
print(list(g))
print(list(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
g2 = (c for c in "ab")
print(next(g2), next(g2), next(g2, "default"))
g3 = (x for x in range(5))
print(3 in g3, list(g3))
print(type(g3).__name__)
gen = (i for i in [1, 2, 3])
print(sum(gen), sum(gen))
