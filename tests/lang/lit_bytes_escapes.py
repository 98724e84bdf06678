# Bytes literals and their repr.
b = b"\x00\x01\xff\n\t\\'\""
print(b, len(b), list(b))
print(b"\101\x42C", b"abc"[0], b"abc"[-1])
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""))
print(b"\x7f\x80", bytes([32, 126, 127, 128]))
print(b"caf\xc3\xa9".decode("utf-8"))
