import itertools
for name in ['count', 'repeat', 'chain', 'islice', 'product', 'permutations', 'combinations', 'cycle', 'accumulate', 'zip_longest', 'groupby', 'starmap']:
    t = getattr(itertools, name)
    print(name, t.__name__, t.__module__)
print(iter(itertools.count()) is not None)
class C(itertools.chain):
    pass
print(list(C('ab', 'c')))
