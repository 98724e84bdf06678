# re: long and deeply nested inputs run without overflowing any stack, and
# give CPython's answers.
import re

n = 200000
s = "a" * n
print(len(re.match(r"(?:a|b)*", s).group()), re.match(r"(a|b)*c", s + "c").span(1))
print(re.match(r"(?:a|b)*c", s), re.search(r"a*c", "a" * 3000))
print(re.fullmatch(r"(?:ab|a)*", "ab" * 50000) is not None, len(re.findall(r"a", s)))
print(re.match(r".*x", s + "x").end(), re.match(r".*?x", s + "x").end(), re.match(r"(.)*", s).span(1))
print(len(re.sub(r"a", "bb", s)), len(re.split(r"(a)", "a" * 1000)))
nested = "(" * 90 + "a" + ")" * 90
m = re.match(nested, "a")
print(m.span(), m.lastindex, len(m.groups()))
deep = "(?:" * 90 + "a" + ")*" * 90
print(re.match(deep, "aaaa").span())
print(re.match(r"(?:(?:a+)+)+b", "a" * 20 + "b").span())
print(re.search(r"(\w+)\s+\1", "word " * 2000 + "x x").group())
lines = "\n".join("line %d" % i for i in range(20000))
print(len(re.findall(r"^line (\d+)$", lines, re.M)), re.search(r"^line 19999$", lines, re.M).start())
print(re.match(r"(?:a(?=a))*a", s).end(), re.match(r"(?:(?!b).)*", s).end())
for depth in (300, 2000):
    try:
        print(depth, re.compile("(" * depth + "a" + ")" * depth).groups)
    except RecursionError as e:
        print(depth, "RecursionError", e)
