from itertools import zip_longest
print(list(zip_longest('abc', [1])), list(zip_longest('ab', 'xyz', fillvalue='-')))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest('a', 'bc', 'def', fillvalue=0)))
