# Integer literals: underscores, hex/octal/binary prefixes, big literals.
print(10_000_000)
print(1_0)
print(0x_ff, 0xFF, 0XfF, 0x0)
print(0o17, 0O777, 0o_7)
print(0b1010, 0B1111_0000, 0b0)
print(0, 00, 0_0)
print(123456789012345678901234567890)
print(0xdead_beef_cafe_babe_1234_5678)
print(-0b1, -0o10, -0x10)
print(1_000 + 2_000)
print(type(10_000_000).__name__)
big = 1_000_000_000_000_000_000_000
print(big, big * big)
