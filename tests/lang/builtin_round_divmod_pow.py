# round(), divmod() and pow() as builtins.
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(7.0), round(1234, -2), round(0.1 + 0.2, 15))
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(7.5, 2), divmod(2 ** 80, 10 ** 10))
print(pow(2, 8), pow(2, -1), pow(2.5, 2), pow(5, 3, 13), pow(-1, 5), pow(0, 0), pow(9, 0.5))
print(type(round(1.5)).__name__, type(divmod(1.5, 1)[0]).__name__, type(pow(2, 2)).__name__)
try:
    divmod("a", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    round("x")
except TypeError as e:
    print("TypeError:", e)
