# re: split, findall (group semantics) and finditer.
import re

print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1), re.split(r"\W+", "Words, words, words.", maxsplit=2))
print(re.split(r"[a-f]+", "0a3B9", flags=re.I), re.split(r"(a)|(b)", "xaybz"))
print(re.split(r"x*", "axbc"), re.split(r"", "abc"), re.split(r"\b", "a b"), re.split("a", ""))
print(re.split(r"(?m)^$", "a\n\nb"), re.split(",", "a,b,,c,"), re.split(",", "a,b", -1))
print(re.findall(r"\w+", "ab cd ef"), re.findall(r"(\w)(\w)", "ab cd e"), re.findall(r"(\w)\w", "ab cd"))
print(re.findall(r"(a)|(b)", "ab"), re.findall(r"(a)?b", "b ab"), re.findall(r"", "ab"))
print(re.findall(r"\d*", "1a22"), re.findall(r"(?:ab)+", "ababxab"), re.findall(r"((a)b)", "abab"))
p = re.compile(r"\d+")
print(p.findall("12 ab 345 6", 3), p.findall("12 ab 345 6", 0, 8), p.findall("12 34", 10))
for m in re.finditer(r"(?P<k>\w+)=(?P<v>\w*)", "a=1 b= c=33"):
    print(m.span(), m.group("k"), repr(m.group("v")), m.start("v"))
it = re.finditer(r"x", "axbx")
print(next(it).start(), next(it).start(), list(it))
print([m.span() for m in re.finditer(r"a*", "baac")], [m.group() for m in p.finditer("1 22 333", 2)])
text = "He was carefully disguised but captured quickly by police."
print(re.findall(r"\w+ly\b", text), [(m.start(), m.end()) for m in re.finditer(r"\w+ly\b", text)])
