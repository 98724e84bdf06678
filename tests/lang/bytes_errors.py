# bytes error messages.
cases = [
    lambda: bytes([256]),
    lambda: bytes([-1]),
    lambda: b"a" + "a",
    lambda: b"abc"[3],
    lambda: b"abc".index(b"z"),
    lambda: bytes("x"),
    lambda: b"\xff".decode("utf-8"),
    lambda: bytes.fromhex("zz"),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)
b = b"abc"
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
