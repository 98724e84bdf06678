# struct float codes e/f/d: rounding to nearest even, subnormals, signed
# zeros, infinities and NaN, compared bit for bit with CPython.
import math
import struct

values = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, math.pi, math.e,
          1e-3, 65504.0, 65505.0, 65519.99, 2.0 ** -14, 2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -26,
          1.5e-45, 1.17549435e-38, 3.4028234e38, 16777217.0, 1e-310, 5e-324,
          1.7976931348623157e308, 123.456, -98765.4321, float("inf"), -float("inf")]
for v in values:
    row = [struct.pack("<d", v).hex(), struct.pack(">f", v).hex() if abs(v) < 3.41e38 or math.isinf(v) else "--"]
    try:
        row.append(struct.pack("<e", v).hex())
    except OverflowError as e:
        row.append("OverflowError")
    back_f = struct.unpack(">f", bytes.fromhex(row[1]))[0] if row[1] != "--" else None
    back_e = struct.unpack("<e", bytes.fromhex(row[2]))[0] if row[2] != "OverflowError" else None
    print(repr(v), " ".join(row), back_f, back_e)
nan_d = struct.unpack("<d", struct.pack("<d", float("nan")))[0]
print(math.isnan(nan_d), struct.pack("<d", float("nan")).hex(), struct.pack("<e", float("nan")).hex())
for bits in [0x0001, 0x03FF, 0x0400, 0x3C00, 0x7BFF, 0x7C00, 0xFC00, 0x8000, 0x7E00]:
    print(hex(bits), struct.unpack("<e", bits.to_bytes(2, "little")))
for bits in [0x00000001, 0x007FFFFF, 0x00800000, 0x3F800000, 0x7F7FFFFF, 0xFF800000, 0x80000000]:
    print(hex(bits), struct.unpack(">f", bits.to_bytes(4, "big")))
print(struct.pack("<d", 7), struct.pack("<f", True), struct.unpack("<2d", struct.pack("<2d", 1.5, -2.25)))
