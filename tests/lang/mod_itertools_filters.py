from itertools import starmap, takewhile, dropwhile, compress, filterfalse
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])), list(starmap(lambda *a: sum(a), [[1, 2], (3, 4, 5)])))
print(list(takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(takewhile(bool, [])), list(dropwhile(bool, [1, 1])))
print(list(compress('abcdef', [1, 0, 1, 0, 1])), list(compress('ab', [1, 1, 1, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', [], [0]])))
