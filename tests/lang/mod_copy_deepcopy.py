import copy
shared = [1, 2]
nested = {'a': shared, 'b': shared, 'c': (shared, 3), 'd': {'e': [shared]}}
dc = copy.deepcopy(nested); print(dc, dc['a'] is dc['b'], dc['c'][0] is dc['a'], dc['a'] is shared, dc['d']['e'][0] is dc['a'])
sc = copy.copy(nested); print(sc['a'] is shared, sc is nested, sc == nested)
t = (1, 'a', (2, 3)); print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.copy([1, [2]])[1] is not None)
s = {1, 2}; fs = frozenset([3]); print(copy.copy(s), copy.deepcopy(s) == s, copy.deepcopy(fs) is fs)
memo = {}; x = [1]; y = copy.deepcopy([x, x], memo); print(y, y[0] is y[1], id(x) in memo)
