# struct: a binary record file built with pack_into and read back with
# Struct objects, unpack_from and iter_unpack.
import struct

HEADER = struct.Struct("<4sHHI")
RECORD = struct.Struct("<i d 8s ?")
print(HEADER.size, RECORD.size, HEADER.format, RECORD.format)

records = [(1, 3.25, b"alpha", True), (-2, -0.5, b"beta-long-name", False), (300000, 1e10, b"", True)]
buf = bytearray(HEADER.size + RECORD.size * len(records))
HEADER.pack_into(buf, 0, b"RECS", 1, len(records), 0xDEADBEEF)
for k, rec in enumerate(records):
    RECORD.pack_into(buf, HEADER.size + k * RECORD.size, *rec)
blob = bytes(buf)
print(blob[:12].hex(), len(blob))

magic, version, count, check = HEADER.unpack_from(blob)
print(magic, version, count, hex(check))
for k in range(count):
    n, x, name, flag = RECORD.unpack_from(blob, HEADER.size + k * RECORD.size)
    print(n, x, name.rstrip(b"\0"), flag)
body = blob[HEADER.size:]
print([r[0] for r in RECORD.iter_unpack(body)])
print(list(struct.iter_unpack(">H", b"\x00\x01\x00\x02\xff\xff")))
it = struct.iter_unpack("<b", b"\x01\xff")
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("done")
print(struct.unpack("<4B", struct.pack("<I", 0x01020304)), struct.unpack(">4B", struct.pack(">I", 0x01020304)))
print(struct.pack("!HI", 80, 3232235777), struct.pack("=q", -1), struct.pack(">Q", 2 ** 64 - 1))
print(struct.calcsize("<4sHHI"), struct.calcsize("4sHHI"), struct.calcsize("@cd"), struct.calcsize("@dc"), struct.calcsize("@ihq"))
print(struct.pack("@b h i q", 1, 2, 3, 4))
print(struct.unpack("@b h i q", struct.pack("@b h i q", -1, -2, -3, -4)))
print(struct.pack("<5p", b"hi"), struct.unpack("<5p", struct.pack("<5p", b"hello world")), struct.pack("<1p", b"xyz"))
