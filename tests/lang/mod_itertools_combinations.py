from itertools import combinations, combinations_with_replacement
print(list(combinations('abcd', 2)))
print(list(combinations(range(5), 3)))
print(list(combinations('ab', 3)), list(combinations('ab', 0)), list(combinations([], 0)))
print(list(combinations_with_replacement('abc', 2)))
print(list(combinations_with_replacement(range(3), 3)))
print(list(combinations_with_replacement('', 0)), list(combinations_with_replacement('', 2)))
print(sum(1 for _ in combinations(range(20), 4)))
for bad in [lambda: combinations('a', -1), lambda: combinations('a'), lambda: combinations_with_replacement('a', -2)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
