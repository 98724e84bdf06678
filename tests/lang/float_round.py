# round(): banker's rounding, ndigits, return types.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(5), round(5, 2), round(15, -1), round(25, -1), round(-15, -1), round(2 ** 70 + 5, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(round(0.0), round(-0.0, 1), round(1e300, 2), round(123.456, 10))
print(round(float("inf"), 2))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
