from itertools import groupby
print([(k, list(g)) for k, g in groupby('aaabbcaa')])
print([k for k, g in groupby([1, 1, 2, 2, 2, 1])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
groups = list(groupby('aabbb'))
print([(k, list(g)) for k, g in groups])
data = sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=lambda s: s[0])
for letter, words in groupby(data, key=lambda s: s[0]):
    print(letter, list(words))
it = groupby('xxyy'); k, g = next(it); print(k, next(g)); k2, g2 = next(it); print(k2, list(g), list(g2))
