# center, ljust, rjust, zfill, expandtabs.
print("[" + "abc".center(9) + "]", "[" + "abc".center(8, "*") + "]", "[" + "abc".center(2) + "]")
print("[" + "abc".ljust(6) + "]", "[" + "abc".ljust(6, ".") + "]", "[" + "abc".rjust(6) + "]", "[" + "abc".rjust(6, "0") + "]")
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "12345".zfill(3), "".zfill(2))
print(repr("a\tb\tc".expandtabs()), repr("a\tbb\tccc".expandtabs(4)), repr("\t".expandtabs(2)))
print("[" + "\u00e9".center(5, "\u00b7") + "]")
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
