from functools import reduce
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1), reduce(max, [], 7))
print(reduce(operator.add, ['a', 'b', 'c']), reduce(operator.add, [[1], [2]], []), reduce(lambda a, b: a + b, (x for x in range(100))))
for bad in [lambda: reduce(operator.add, []), lambda: reduce(1), lambda: reduce(operator.add, 5), lambda: reduce(operator.add, [1], 2, 3)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
