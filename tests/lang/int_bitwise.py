# Bitwise operators on small, negative and big integers (two's complement semantics).
vals = [0, 1, -1, 5, -6, 255, -256, 2 ** 70 + 12345, -(2 ** 70) - 777, 2 ** 64 - 1]
for a in vals:
    print(a, ~a)
for a in vals:
    for b in vals[3:7]:
        print(a & b, a | b, a ^ b)
big = 2 ** 100 - 1
print(big & -(2 ** 50), big | -(2 ** 80), big ^ -1, -big & 0xFFFF)
print(-(2 ** 65) & (2 ** 65 - 1), -(2 ** 65) | 1, -(2 ** 65) ^ -(2 ** 64))
print(0xF0F0 & 0x0FF0, 0xF0F0 | 0x0FF0, 0xF0F0 ^ 0x0FF0)
print(True & False, True | False, True ^ True, type(True & True).__name__)
