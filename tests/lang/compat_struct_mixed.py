# struct: every code in native and standard modes, range errors as CPython words them, floats bit-exact.
import struct
import math
tests = [("i", ()), ("i", (1,2)), ("b", (200,)), ("B", (-1,)), ("h", (1<<15,)), ("i", ("x",)), ("q", (1.5,)), ("c", (b"ab",)), ("c", (1,)), ("?", ([],)), ("e", (1e6,)), ("zz", (1,)), ("3", (1,)), ("<n", (1,)), ("s", (1,)), ("I", (-1,)), ("Q", (-1,)), ("L", (2**64,)), ("f", ("a",)), ("P", (1,))]
for fmt, args in tests:
    try: print(fmt, struct.pack(fmt, *args))
    except Exception as e: print(fmt, type(e).__name__, e)
for p in "@<>":
  for c, v in [("h", 40000), ("H", -1), ("H", 70000), ("i", 2**40), ("i", 2**70), ("I", 2**40), ("I", -1), ("l", 2**70), ("l", 2**40), ("L", -1), ("q", 2**64), ("Q", 2**64), ("Q", -1), ("q", -2**64), ("n", 2**64), ("N", -1), ("b", 2**70), ("e", 1e6), ("f", 1e300), ("d", "x"), ("?", 2), ("i", 1.0), ("i", True), ("i", -5), ("q", -2), ("H", 513), ("d", 3)]:
    if p != "@" and c in "nN": continue
    try: print(p+c, v, struct.pack(p+c, v))
    except Exception as e: print(p+c, v, type(e).__name__, e)
for fmt, data in [("i", b"\x01"), ("<h", b"\x01\x02\x03"), ("2i", b"")]:
    try: print(struct.unpack(fmt, data))
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: struct.unpack_from("<i", b"\x01\x02", 1), lambda: list(struct.iter_unpack("<i", b"\x01\x02\x03")),
          lambda: struct.pack_into("<i", bytearray(2), 0, 1), lambda: struct.pack_into("<i", bytearray(8), 6, 1),
          lambda: struct.unpack_from("<i", b"\x01\x02\x03\x04", -10), lambda: struct.unpack("<i", "abcd"),
          lambda: struct.pack("<s", "str"), lambda: struct.iter_unpack("<0i", b"")]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("@bq"), struct.calcsize("bi0q"), struct.calcsize("@hb?"), struct.calcsize("3s2p"), struct.calcsize("<qh5xd"))
print(struct.pack("5p", b"abcdefg"), struct.pack("3s", b"a"), struct.unpack("5p", b"\x09abcd"))
print(struct.pack(">e", 1.5), struct.unpack("<e", b"\x00\x3c"), struct.pack("<f", 0.1), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.pack("< i  h ", 1, 2), struct.calcsize("<"), struct.pack("<"), struct.unpack("<2h3x?", b"\x01\x00\x02\x00\x00\x00\x00\x05"))
print(struct.pack("!d", 1.5), struct.unpack(">q", b"\xff"*8), struct.unpack("<Q", b"\xff"*8), struct.pack("<10s", b"hi"), struct.pack("<0s", b"x"))
print(struct.pack("<e", float("inf")), struct.pack("<e", 65504.0), struct.pack("<e", 1e-8), struct.unpack("<e", b"\x01\x00"), struct.pack("<e", -0.0), struct.pack("<e", 0.1))
print(struct.unpack("<f", b"\x00\x00\xc0\x7f"), struct.unpack("<d", b"\x00"*7+b"\x80"), struct.pack("<e", 65519.0), struct.pack("<d", float("nan")), struct.pack("<f", -1e-45), struct.pack("<d", 5e-324), struct.unpack("<d", struct.pack("<d", 5e-324)))
for x in [0.1, 1/3, 1e-40, 3.4028235e38, 6.1e-5, 2.0**-24, 1.0000001, 123456.789, -2.5e-310]:
    print(x, struct.pack("<d", x), struct.pack(">f", x), struct.unpack("<f", struct.pack("<f", x)), struct.pack("<e", x) if abs(x) < 65000 else "-", struct.unpack("<e", struct.pack("<e", x)) if abs(x) < 65000 else "-")
s = struct.Struct(">HHI")
print(s.size, s.format, s.pack(1, 2, 3), s.unpack(b"\x00\x01\x00\x02\x00\x00\x00\x03"), s.unpack_from(b"XX\x00\x01\x00\x02\x00\x00\x00\x03", 2))
buf = bytearray(10)
s.pack_into(buf, 1, 7, 8, 9)
print(buf, list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")))
struct.pack_into("<h", buf, -2, -1)
print(buf)
print(struct.pack("<3c?", b"a", b"b", b"c", 0), struct.unpack("<3c?", b"abc\x07"), struct.pack("@c i", b"z", 9))
try:
    struct.pack("<H", -3)
except struct.error as e:
    print("struct.error", e, isinstance(e, Exception))
