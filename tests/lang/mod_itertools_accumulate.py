from itertools import accumulate
import operator
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=10)), list(accumulate([], initial=5)))
print(list(accumulate([])), list(accumulate('abc')), list(accumulate([1.5, 2.5], func=None)))
print(list(accumulate(range(5), lambda a, b: a - b, initial=100)))
