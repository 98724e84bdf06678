from collections import ChainMap
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), sorted(cm), cm, 'b' in cm, cm.get('z', 0))
child = cm.new_child({'c': 4}); child['a'] = 9; print(child['a'], cm['a'], child.parents, dict(child.maps[0]))
try:
    cm['zz']
except KeyError as e:
    print('KeyError', e)
