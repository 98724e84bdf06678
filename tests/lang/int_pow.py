# Powers, including modular and negative exponents.
print(2 ** 10, (-2) ** 3, -2 ** 2, 2 ** 0, 0 ** 0, 1 ** 1000)
print(3 ** 50, (-3) ** 51)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(pow(2, 10), pow(2, 100, 1000), pow(3, 1000, 7), pow(-3, 3, 5), pow(3, 3, -5))
print(pow(7, -1, 13), pow(2, -3, 11), (7 * pow(7, -1, 13)) % 13)
print(pow(12345678901234567890, 65537, 2 ** 127 - 1))
print(pow(2.0, 10), pow(2, 0.5), 4 ** 0.5, 8 ** (1 / 3))
print(2 ** 3 ** 2, (2 ** 3) ** 2)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
