# encode/decode between str and bytes.
s = "h\u00e9llo \u4e16\u754c \U0001F600"
b = s.encode("utf-8")
print(b, len(b), b.decode("utf-8") == s, s.encode() == b)
print("abc".encode("ascii"), b"abc".decode("ascii"), "\u00e9".encode("latin-1"), b"\xe9".decode("latin-1"))
try:
    "\u00e9".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xffab".decode("utf-8", "replace"), b"\xffab".decode("utf-8", "ignore"), "\u00e9x".encode("ascii", "replace"))
