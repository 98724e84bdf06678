from itertools import permutations
print(list(permutations('abc')))
print(list(permutations('abcd', 2)))
print(list(permutations(range(3), 0)), list(permutations([])), list(permutations('ab', 3)))
print(len(list(permutations(range(6)))), list(permutations(range(5)))[57])
try:
    permutations('a', -1)
except ValueError as e:
    print('ValueError', e)
