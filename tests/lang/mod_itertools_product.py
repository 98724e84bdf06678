from itertools import product
print(list(product('ab', range(2))))
print(list(product([0, 1], repeat=3)))
print(list(product()), list(product('ab', [])), list(product('a', repeat=0)))
print(len(list(product(range(3), range(4), range(5)))), list(product('xy', 'z', repeat=2))[:5])
try:
    product('a', repeat=-1)
except ValueError as e:
    print('ValueError', e)
