# re: match/search/fullmatch and the Match object API.
import re

m = re.match(r"(\w+) (\w+)(?P<tail> \w+)?", "Isaac Newton, physicist")
print(m)
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2))
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict("none"))
print(m.start(), m.end(), m.span(), m.start(2), m.end(2), m.span("tail"), m.start(3))
print(m[0], m[1], m["tail"], m.lastindex, m.lastgroup)
print(m.pos, m.endpos, m.re, m.string, m.regs)
print(m.expand(r"\2, \1!"), repr(m.expand(r"[\g<tail>]")))

p = re.compile(r"(?P<key>\w+)=(?P<value>\d+)")
print(p.pattern, p.groups, p.groupindex == {"key": 1, "value": 2}, p.flags)
m = p.search("xx; alpha=12; beta=7")
print(m, m.lastgroup, m.lastindex, m.group("key", "value"))
print(p.search("alpha=12; beta=7", 5))
print(p.search("alpha=12; beta=7", 0, 7))
print(p.match("alpha=12", 1), p.match("alpha=12", 1).pos)
print(p.fullmatch("a=1"), p.fullmatch("a=1 "), p.fullmatch("a=1 ", 0, 3))
print(p.match("zz=3", 10), p.search("zz=3", -5))
print(re.search("", "abc"), re.match("x*", "abc"), re.fullmatch("a|ab", "ab"))
for bad in (5, "nope", -1):
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
print(bool(re.match("a", "a")), re.match("b", "a") is None)
print(type(m).__name__, type(p).__name__, isinstance(p, re.Pattern), isinstance(m, re.Match))
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)|(b)", "b").lastindex)
print(re.match(r"((a)b)", "ab").lastindex, re.match(r"(a)(b)?", "a").lastindex)
print(re.match(r"(?:(a)|b)*", "ab").group(1))
print(re.compile("abc") == re.compile("abc"), re.compile("abc") == re.compile("abc", re.I))
print(repr(re.compile("a'b\"c")), re.compile(r"\d+", re.M | re.S))
print(re.compile(b"x+", re.I), re.compile("x", re.A), re.compile("x", re.U))


def typed(p: re.Pattern[str]) -> "re.Match[str]":
    return p.match("a")


print(typed(re.compile("a")))
sc = re.compile(r"\d|(?=x)").scanner("a1b2x")
print(sc.search().span(), sc.search().span(), sc.search().span(), sc.search())
