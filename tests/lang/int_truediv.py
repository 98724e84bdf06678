# True division of ints is correctly rounded and always gives a float.
print(1 / 2, 7 / 2, -7 / 2, 6 / 3, 0 / 5, -0 / 5)
print(1 / 3, 2 / 3, 10 / 7, 22 / 7)
print(10 ** 30 / 3, 2 ** 100 / 2 ** 50, (10 ** 50 + 1) / 10 ** 25)
print(123456789012345678901234567890 / 987654321)
print(1 / 2 ** 100, 1 / 2 ** 1070)
print(type(4 / 2).__name__)
try:
    10 ** 400 / 1
except OverflowError as e:
    print("OverflowError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(10 ** 400 / 10 ** 399)
