from collections import deque
import copy
class D(deque):
    def total(self):
        return sum(self)
d = D([1, 2, 3]); print(d, d.total(), isinstance(d, deque), type(d.copy()).__name__)
q = deque([[1], [2]], maxlen=5); q2 = copy.deepcopy(q); q2[0].append(9); print(q, q2, copy.copy(q))
print(deque.__name__, deque.__module__, type(iter(deque())).__name__)
it = iter(deque('abc')); print(next(it), list(it))
