# re: re.error messages and positions for malformed patterns, and API misuse.
import re

bad = [
    "a(", "(a", "a)", "())", "*a", "a**", "a*+*", "+", "?", "{1}", "a{3,1}", "^*", r"\b+", "a|*",
    "(*)", "[a", "[", "[]", "[^]", "[z-a]", r"[\d-z]", r"[a-\w]", r"\q", r"\8", "\\", r"[\q]",
    r"\x1", r"\x", r"\u12", r"\U0011ffff", r"\400", r"[\400]", r"(a)\2", r"\1(a)", r"(a\1)",
    "(?P<1x>a)", "(?P<>a)", "(?P<a", "(?P<a>x)(?P<a>y)", "(?P=nope)", "(?P=a)(?P<a>x)", "(?Px)",
    "(?<x)", "(?z)", "(?", "(?i", "(?i-", "(?-i)", "(?i-i:a)", "(?L)a", "a(?i)", "(?#unterminated",
    "(?(1)a|b|c)", "(?(x)a)", "(?(0)a)", "(?(-1)a)", r"(?<=a+)b", r"(?<=a|bc)d", r"(?<!a*)b",
    "a\n(\nb", "x{2,1}y", "(?P<n>a)(?(n)b", "a{99999999999}",
]
for p in bad:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except (ValueError, OverflowError) as e:
        print(repr(p), type(e).__name__, e)

for flags in (re.A | re.U, re.L):
    try:
        re.compile("x", flags)
    except ValueError as e:
        print("ValueError", e)
for p, f in ((b"x", re.U), (b"(?u)x", 0), ("(?L)x", 0), ("(?au)x", 0)):
    try:
        re.compile(p, f)
    except (ValueError, re.error) as e:
        print(type(e).__name__, e)
for call in (lambda: re.match("a", b"a"), lambda: re.match(b"a", "a"), lambda: re.compile(5),
             lambda: re.match("a", 5), lambda: re.compile(re.compile("a"), re.I),
             lambda: re.sub("a", 5, "a"), lambda: re.sub(b"a", "x", b"a")):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(re.error, Exception), re.error.__name__, re.error("m").msg, str(re.error("m", "ab", 1)))
print(re.compile(re.compile("a")).pattern, re.compile("x") is re.compile("x"))
