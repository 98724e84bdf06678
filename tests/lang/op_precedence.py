# Operator precedence and associativity.
print(-2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -2, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 2 + 7 // 2 * 3)
print(1 + 2 << 3, 1 + (2 << 3), 6 & 3 | 8, 6 & (3 | 8), 1 | 2 ^ 3 & 4, 5 ^ 1 << 2)
print(not 1 == 2, not (1 == 2), (not 1) == 2, -3 % 5, -(3 % 5), ~1 + 1, ~(1 + 1))
print(1 < 2 == 2, 3 & 1 == 1, (3 & 1) == 1, 2 * 3 > 5 and 1 or 0)
print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(1 if 0 else 2 if 0 else 3, (1 if 1 else 2) + 10, 1 + (2 if False else 20))
f = lambda x: x + 1 if x > 0 else x - 1
print(f(5), f(-5))
print(-1 ** 0.5 if False else -(1 ** 0.5), 2 ** 2 * 3, 2 * 2 ** 3, -2 * -3, - - 4, + - + 4)
print("a" + "b" * 3, ("a" + "b") * 3, [1] + [2] * 2, 3 in [1, 2] + [3], not 3 in [3])
x = 5
print(x > 3 and x < 10, x > 3 & x < 10 if False else "skip", 0 < x <= 5 != 6)
