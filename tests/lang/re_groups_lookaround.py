# re: named groups, backreferences, conditionals, lookaround, atomic groups.
import re

tests = [
    (r"(?P<word>\w+) (?P=word)", "the the cat"), (r"(\w)\1", "abccd"), (r"(a)(b)(c)\3\2\1", "abccba"),
    (r"(?i)(a)\1", "aA"), (r"(a)|\1b", "b"), (r"(?:(a)|b)\1", "bb"),
    (r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now"), (r"(<)?\w+(?(1)>)", "<abc>"), (r"(<)?\w+(?(1)>|!)", "abc!"),
    (r"(?P<o>\()?\d+(?(o)\))", "(12)"), (r"(?P<o>\()?\d+(?(o)\))", "12)"),
    (r"\w+(?=,)", "abc, def"), (r"\w+(?!,)", "abc, def"), (r"(?<=\$)\d+", "cost $42"),
    (r"(?<!\$)\b\d+", "$42 17"), (r"(?<=ab|cd)x", "cdx"), (r"(?<=(a))b", "ab"),
    (r"(?=(\w+))\w", "hello"), (r"(?!abc)\w{3}", "abcabd"), (r"a(?=b)b(?<=ab)c", "abc"),
    (r"(?>a+)b", "aaab"), (r"(?>a+)a", "aaaa"), (r"(?>ab|a)c", "abc"), (r"(?>a|ab)c", "abc"),
    (r"(?:(?=(a+))\1)+b", "aaab"), (r"(?<![a-z])\d", "a1 2"), (r"(?<=\b)x", "ab x"),
    (r"(a(b(c)))", "abc"), (r"(?:a(b)?)+", "aba"), (r"(?#comment)ab", "ab"),
]
for pat, s in tests:
    m = re.search(pat, s)
    print(repr(pat), repr(s), m and m.span(), m and m.groups(), m and m.lastindex)

m = re.match(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)", "2024-02-29T10:00")
print(m.groupdict(), m["month"], m.span("day"), m.lastgroup)
p = re.compile(r"(?P<a>x)(?P<b>y)?")
print(p.groupindex["a"], p.groupindex["b"], sorted(p.groupindex), p.match("x").groupdict())
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"(\w+)", r"[\g<1>]", "a bc"), re.sub(r"(\w)(\w)?", r"\2\1", "abc"))
print(re.findall(r"(?<=-)\w+|(?<=\+)\d+", "a-bc+12-d"))
print(re.match(r"(?i)(?P<x>ab)(?P=x)", "abAB"))
