# re: flags as arguments, inline global flags, scoped flags, flag objects.
import re

print(re.I, re.M | re.S, re.IGNORECASE | re.VERBOSE | re.ASCII, int(re.I | re.M))
print(re.I == 2, re.X == 64, re.A == 256, re.U == 32, re.NOFLAG == 0, re.DOTALL == 16)
print(re.findall("abc", "ABC abc aBc", re.I), re.findall("(?i)abc", "ABC abc"))
print(re.findall("a(?i:b)c", "abc aBc aBC"), re.findall("(?i)a(?-i:b)c", "abc AbC aBc"))
print(re.findall("^x", "x\nx", re.M), re.findall("(?m)^x", "x\nx"), re.findall("(?m:^x)", "x\nx"))
print(re.findall("a.b", "a\nb", re.S), re.findall("(?s)a.b", "a\nb"), re.findall("a(?s:.)b", "a\nb"))
print(re.findall(r"(?a)\w+", "héllo"), re.findall(r"\w+", "héllo"), re.findall(r"(?a:\w)+", "héllo"))
verbose = re.compile(r"""
    (?P<num> \d+ )     # digits
    \s* [+] \s*        # a plus sign (escaped in a class)
    (?P<other>\d+) \# x  # literal hash
""", re.VERBOSE)
print(verbose.match("12 + 34#x").groupdict(), verbose.groups)
print(re.match(r"(?x) a b c  # spaced", "abc"), re.match(r"(?x)[ ]a", " a"), re.match(r"(?x)a\ b", "a b"))
for f in (0, re.I, re.M, re.S, re.X, re.A, re.I | re.M, re.A | re.I):
    p = re.compile("x", f)
    print(repr(p), p.flags)
print(re.compile("(?i)x").flags, re.compile("(?ms)x").flags, re.compile(b"(?i)x").flags, re.compile("(?a)x").flags)
print(re.compile(r"(?x)  a").pattern, re.compile("(?i:a)b").flags)
print(re.match("K", "\u212a", re.I), re.match("s", "\u017f", re.I), re.match("s", "\u017f", re.I | re.A))
print(re.match("[k]", "\u212a", re.I), re.match("ǆ", "Ǆ", re.I), re.match("ω", "Ω", re.I))
print(re.search("é", "CAFÉ", re.I), re.search("É", "café", re.I), re.search("[à-ÿ]+", "ÀÉÎ", re.I))
print(re.M | re.I | re.U | re.S | re.X | re.A, re.I | 512, ~re.I, re.I & re.M, re.I ^ re.I)
print(str(re.I), format(re.S), f"{re.M}", re.I + 1, re.A.value, re.I.name, (re.I | re.M).name)
