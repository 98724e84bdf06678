# hex(), oct(), bin() and their negative and big forms.
for v in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 64, -(2 ** 64) + 1, 10 ** 30]:
    print(v, hex(v), oct(v), bin(v))
print(hex(True), bin(False))
print(int(hex(123456789), 16), int(oct(-99), 8), int(bin(2 ** 70), 2))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
