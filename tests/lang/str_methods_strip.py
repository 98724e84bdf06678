# strip, lstrip, rstrip with and without arguments; removeprefix/removesuffix.
s = " \t\n hello world \r\n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip("x"), "xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("xy"))
print(repr("   ".strip()), repr("".strip("abc")), "abcba".strip("ab"))
print("www.example.com".strip("cmowz."))
print("\u00a0unicode space\u2003".strip())
print("prefix_body".removeprefix("prefix_"), "prefix_body".removesuffix("_body"), "abc".removeprefix("x"))
