# count: int fast path, overflow into big ints, floats, repr.
from itertools import count, islice
print(list(islice(count(), 5)), list(islice(count(5, 2), 3)), list(islice(count(10, -3), 4)))
print(list(islice(count(1.5, 0.5), 4)), list(islice(count(0.1, 0.1), 3)))
c = count(2**63 - 2, 1)
print(next(c), next(c), next(c), next(c))
c = count(2**100, 2**99)
print(next(c), next(c))
c = count(5); print(repr(c), next(c), repr(c))
print(repr(count(2, 3)), repr(count(1.0)), repr(count(0, 1.0)), repr(count(-1, -1)), repr(count(start=3, step=1)))
try:
    count('a')
except TypeError as e:
    print('TypeError', e)
