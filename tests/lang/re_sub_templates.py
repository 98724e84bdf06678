# re: sub and subn with string templates and functions.
import re

print(re.sub(r"\d+", "#", "a1b22c333"), re.subn(r"\d+", "#", "a1b22c333"))
print(re.sub(r"\d+", "#", "a1b22c333", count=2), re.sub(r"\d+", "#", "a1b22", 1))
print(re.sub(r"(\w+)@(\w+)\.com", r"\2:\1", "joe@site.com, ann@host.com"))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "a ab"), re.sub(r"x", r"\n\t\\", "axb") == "a\n\t\\b")
print(re.sub(r"x", r"\0\01\101", "x") == "\0\1A", re.sub("x", r"\-\.", "x"))
print(re.sub(r"(?P<n>\d)", r"<\g<n>\g<0>\g<1>>", "a1b2"))
print(re.sub(r"\w+", lambda m: m.group().upper(), "hello big world"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "1 2 3 9"))
print(re.sub(r"(\d)", lambda m: "" if m.group(1) == "2" else "<" + m.group(1) + ">", "123"))
print(re.subn("", "-", "abc"), re.subn("x*", "-", "abxd"), re.sub("a|", "-", "bab"))
print(re.sub(r"(?m)^", "> ", "line one\nline two\n"), re.sub(r"\s+$", "", "text   "))
print(re.sub("a", "b", ""), re.subn("z", "y", "abc"), re.sub("a", "b", "aaa", -1))
p = re.compile(r"(\w+) (\w+)")
print(p.sub(r"\2 \1", "one two three four five"), p.subn(r"\2 \1", "one two three four five", 1))
print(re.sub(r"(.)\1", r"\1", "aabbcdd"), re.sub(r"(?i)HELLO", "bye", "Hello hello HELLO"))
counter = []
def repl(m):
    counter.append(m.start())
    return "<%s>" % m.group()
print(re.sub(r"[aeiou]", repl, "education"), counter)
print(re.sub(r"\b(\w)(\w*)\b", lambda m: m.group(1).upper() + m.group(2), "title case this text"))
print(re.compile(r"(?P<w>\w+)").match("abc").expand(r"<\g<w>>\1"))
print(re.escape("1.5*[x]+(y)?^$|\\ {a} #&~-"), re.escape("plain_text123"), re.escape(b"a.b"))
print(re.sub(re.escape("a.b*c"), "X", "a.b*c and axbbc"))
for bad in (r"\9", r"\g<9>", r"\g<x>", r"\g<1", r"\g", r"\q", r"\g<-1>", "\\"):
    try:
        print(re.sub(r"(a)", bad, "a"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
