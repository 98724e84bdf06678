from itertools import chain, islice, count
print(list(chain([1, 2], (3,), 'ab', range(2))), list(chain()), list(chain.from_iterable([[1], [], [2, 3]])))
print(list(chain.from_iterable(['ab', 'cd'])))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, 6, 2)))
print(list(islice(range(10), None)), list(islice(range(10), 3, 8, 3)), list(islice(count(), 100, 103)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
for bad in [lambda: islice('a', -1), lambda: islice('a', 0, 1, 0), lambda: islice('a', 'x'), lambda: islice('a'),
            lambda: list(chain([1], 2)), lambda: islice('a', 1, 2, 3, 4)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
