# ord() and chr().
for c in ["a", "Z", "0", " ", "\n", "\u00e9", "\u20ac", "\u4e2d", "\U0001F600", "\x00", "\U0010FFFF"]:
    print(repr(c), ord(c), chr(ord(c)) == c)
print(chr(65), chr(97), chr(0x263A), chr(128512), repr(chr(0)), repr(chr(127)))
print("".join(chr(ord("a") + i) for i in range(26)))
for bad in [lambda: chr(0x110000), lambda: chr(-1), lambda: ord("ab"), lambda: ord(""), lambda: ord(5), lambda: chr("a")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
