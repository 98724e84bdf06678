from itertools import cycle, repeat, islice
print(list(islice(cycle('abc'), 8)), list(cycle([])))
g = (x * x for x in range(3)); print(list(islice(cycle(g), 7)))
print(list(repeat('a', 3)), list(repeat(1, 0)), list(repeat(1, -5)), list(islice(repeat(None), 2)))
r = repeat('x', 2); print(repr(r), next(r), repr(r)); print(repr(repeat(1)), repr(repeat([1], times=3)))
print(list(map(pow, range(5), repeat(2))))
