# struct.error messages for bad formats, counts, ranges and buffer sizes,
# and an uncaught struct.error at the end.
import struct

print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
cases = [
    lambda: struct.pack("<h", 1, 2),
    lambda: struct.pack("<hh", 1),
    lambda: struct.pack("<y", 1),
    lambda: struct.pack("<12", 1),
    lambda: struct.pack("<P", 1),
    lambda: struct.pack("<H", 65536),
    lambda: struct.pack(">H", -1),
    lambda: struct.pack("<i", 2 ** 31),
    lambda: struct.pack("<I", -5),
    lambda: struct.pack(">q", 2 ** 63),
    lambda: struct.pack("<c", b""),
    lambda: struct.pack("<c", "a"),
    lambda: struct.pack("<s", 12),
    lambda: struct.pack("<i", "12"),
    lambda: struct.pack("<d", "1.5"),
    lambda: struct.pack("<e", 70000.0),
    lambda: struct.pack("<f", 3.5e38),
    lambda: struct.unpack("<i", b"abc"),
    lambda: struct.unpack("<i", "abcd"),
    lambda: struct.unpack_from("<q", b"\0" * 10, 4),
    lambda: struct.unpack_from("<h", b"\0\0", -3),
    lambda: struct.pack_into("<q", bytearray(4), 0, 1),
    lambda: struct.iter_unpack("<i", b"\0" * 6),
    lambda: struct.iter_unpack("<", b""),
    lambda: struct.Struct(3),
    lambda: struct.calcsize("<q?z"),
]
for k, f in enumerate(cases):
    try:
        print(k, f())
    except (struct.error, TypeError, OverflowError) as e:
        print(k, type(e).__name__, e)
print(struct.pack("<f", 3.4e38), struct.pack("@f", 1e39), struct.pack("<d", 1e308))
struct.unpack(">I", b"\x00\x01")
