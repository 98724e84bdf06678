from itertools import tee, pairwise, islice, count
a, b = tee(range(5)); print(list(a), list(b))
a, b, c = tee(iter(range(200)), 3); print(sum(a), next(b), list(islice(c, 3)), sum(b))
x, = tee('abc', 1); print(list(x), tee('a', 0))
a, b = tee(count()); print([next(a) for _ in range(100)][-1], next(b))
a, b = tee('xyz'); c, d = tee(a); print(list(c), list(d), list(b))
print(list(pairwise('abcd')), list(pairwise('a')), list(pairwise([])), list(pairwise(range(4))))
try:
    tee('a', -1)
except ValueError as e:
    print('ValueError', e)
