# Values around the machine-word boundary: the fast path must hand over to big ints.
M = 2 ** 63 - 1
print(M, M + 1, M * 2, -M - 1, -M - 2)
print(M + 1 - 1 == M, (M + 1) - (M + 1))
print(2 ** 62 + 2 ** 62, 2 ** 31 * 2 ** 31 * 4)
print(-(-2 ** 63), abs(-2 ** 63), (-2 ** 63) // -1, (-2 ** 63) * -1)
print((-2 ** 63) % -1, divmod(-2 ** 63, -1))
print(4611686018427387904 * 2, 3037000500 * 3037000500)
print(-4611686018427387904 * 2, 9223372036854775807 + 9223372036854775807)
print((2 ** 64) // (2 ** 32), (2 ** 64) >> 32, 1 << 63, 1 << 64, -1 << 63)
big = 2 ** 100
small = big - (big - 5)
print(small, type(small).__name__, small * 3)
print(2 ** 63 == 9223372036854775808, hex(2 ** 63), hex(-2 ** 63))
print(sum([M] * 4), max(M, M + 1), min(-M, -M - 2))
