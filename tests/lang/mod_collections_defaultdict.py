from collections import defaultdict
dd = defaultdict(list); dd['a'].append(1); dd['b']; print(dd, dd['a'], len(dd), 'c' in dd)
di = defaultdict(int)
for w in 'the cat the dog the end'.split():
    di[w] += 1
print(sorted(di.items()), repr(defaultdict()), defaultdict(None, {1: 2}), di.default_factory)
try:
    defaultdict()['x']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
nested = defaultdict(lambda: defaultdict(int)); nested['x']['y'] += 2; print(dict(nested['x']), isinstance(nested, dict))
s = defaultdict(set, a={1}); s['b'].add(2); print(sorted(s.items()), s.get('zz'), 'zz' in s, dd.copy())
