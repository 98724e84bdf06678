# divmod on ints, big ints and floats.
for a in (17, -17):
    for b in (5, -5):
        print(a, b, divmod(a, b))
print(divmod(2 ** 100, 3 ** 20))
print(divmod(-(2 ** 100), 3 ** 20))
print(divmod(0, 7), divmod(1, 1))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.5))
q, r = divmod(12345678901234567890, 1000000)
print(q, r)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
