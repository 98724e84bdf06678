# Float arithmetic: floor division, modulo signs, conversions, mixing with ints.
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.3, 0.1), (1e10, 3.3)]:
    print(a, b, a // b, a % b, a / b)
print(-0.0 % 5, 0.0 % -5, -1e-20 % 1.0, 5 % -0.7)
print(1 + 1.0, 3 * 0.5, 2 - 0.5, 10 / 4, 2 ** 0.5, 2.0 ** 10, (-8.0) ** 2, 9 ** -0.5)
print(int(3.9), int(-3.9), int(1e18), int(-0.5), float(7), float(-2 ** 70), float(10 ** 20))
print(float("1e500"), float("-1e500"), float("1e-500"))
print(0.1 * 3, 0.7 + 0.1, 1.1 * 1.1, 1e16 + 1, 2 ** 0.5 * 2 ** 0.5)
print(abs(-2.5), abs(-0.0), -(0.0), +(-0.0))
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
print(1.5.is_integer(), 2.0.is_integer(), (0.5).as_integer_ratio(), (-0.75).as_integer_ratio())
