# Strings are sequences of code points, whatever their encoding size.
s = "h\u00e9llo w\u00f6rld \u4e2d\u6587 \U0001F600!"
print(s)
print(len(s), len(s.encode("utf-8")))
for i in [0, 1, 2, -1, -2, -3, 12, 13]:
    print(i, s[i], ord(s[i]))
print(s[1:5], s[-4:], s[12:14])
print(s.find("\u4e2d"), s.index("\U0001F600"), s.count("l"), "\u00f6" in s)
print([c for c in "a\u00e9\U0001F600"])
print(s.upper())
mixed = "abc" + "\u00e9" + "\U0001F600"
print(len(mixed), mixed[3], mixed[4], mixed[::-1])
print("\u00e9" == "\xe9", "\u00e9" < "\u00ea", "z" < "\u00e9", sorted("\u00e9a\U0001F600z"))
print(chr(0x10FFFF) != chr(0x10FFFE), len(chr(0x10FFFF)))
