# list operators: +, *, comparisons, membership, nesting, identity.
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
c = a + [5]
print(c, a, c is a)
print([0] * 5, [1, 2] * 3, [] * 10, 3 * ["x"])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [[1]] == [[1]])
print(2 in a, 9 not in a, [1] in [[1], 2], len([[], []]))
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
x = list(range(5))
x *= 2
print(x)
print(list(), list("ab"), list((1, 2)), list({"k": 1}), list(range(3, 0, -1)))
print(a[0], a[-1], a[len(a) - 1])
a[1] = "two"
print(a)
