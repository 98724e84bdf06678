# int methods and attributes.
for v in [0, 1, -1, 255, 256, -256, 2 ** 100, -(2 ** 100)]:
    print(v, v.bit_length(), abs(v), bool(v))
print((37).bit_count(), (-1).bit_count(), (2 ** 100 - 1).bit_count())
print((10).real, (10).imag, (10).numerator, (10).denominator, (7).conjugate())
print(int.__name__, (5).__add__(3), (5).__mul__(2))
