# Floor division and modulo take the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, a == (a // b) * b + a % b)
big = 10 ** 25 + 7
for a, b in [(big, 3), (-big, 3), (big, -3), (-big, -3), (3, big), (-3, big), (big, big), (-big, 10 ** 20)]:
    print(a // b, a % b)
print(-1 // 3, -1 % 3, 5 // -10, 5 % -10)
print(-(7 // 2), (-7) // 2, -7 // 2)
