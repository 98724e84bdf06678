# Left and right shifts, including negatives and big shift counts.
print(1 << 0, 1 << 1, 1 << 62, 1 << 63, 1 << 64, 1 << 200)
print(-1 << 10, -5 << 70, 3 << 100 >> 100)
print(1024 >> 3, 1023 >> 3, -1024 >> 3, -1023 >> 3, -1 >> 100, 1 >> 100)
print((2 ** 200) >> 199, (-(2 ** 200)) >> 199, (-(2 ** 200) - 1) >> 199)
print(12345678901234567890123 >> 7, -12345678901234567890123 >> 7)
print(5 >> 0, 0 << 1000, 0 >> 1000)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -5
except ValueError as e:
    print("ValueError:", e)
