# re: character classes, categories and zero-width assertions.
import re

tests = [
    (r"[abc]+", "xxbcaay"), (r"[^abc]+", "abcxyzab"), (r"[a-f0-9]+", "zz3fa9q"),
    (r"[]a]+", "a]]b"), (r"[^]a]+", "a]xyz"), (r"[a-]+", "--a-b"), (r"[-a]+", "a--b"),
    (r"[\d.]+", "v1.2.3x"), (r"[\w-]+", "foo-bar baz"), (r"[\s]+", "a \t\nb"),
    (r"[\]\\]+", "x]\\]y"), (r"[\x41-\x43]+", "zABCD"), (r"[\u00e0-\u00e5]+", "xàáâz"),
    (r"\d+", "ab 42 cd"), (r"\D+", "42ab 7"), (r"\w+", "  héllo wörld"), (r"\W+", "ab, cd"),
    (r"\s+", "a \t\n\r\fb"), (r"\S+", "  ab  "), (r"[\D]+", "12ab3"), (r"[^\d\s]+", "1 ab2"),
    (r"\bfoo\b", "a foo b"), (r"\bfoo\b", "afoo b"), (r"\Bfoo", "afoo"), (r"foo\B", "foo bar"),
    (r"^abc", "abc"), (r"^abc", "xabc"), (r"abc$", "xabc"), (r"abc$", "xabc\n"), (r"abc\Z", "xabc\n"),
    (r"\Aabc", "abc"), (r"a.c", "a\nc abc"), (r"a.c", "a c"), (r".", "\n"), (r"\.", "a.b"),
    (r"\b", ""), (r"\B", ""), (r"^$", ""), (r"$", "ab\n"), (r"[\b]", "a\bb"),
    (r"\t\n\x41\101\0", "\t\nAA\0"), (r"[\x00-\x1f]+", "ab\x01\x02c"),
]
for pat, s in tests:
    m = re.search(pat, s)
    print(repr(pat), repr(s), m and m.span(), m and m.group())

print(re.findall(r"^\w+", "one two\nthree four\nfive", re.M))
print(re.findall(r"\w+$", "one two\nthree four\nfive", re.M))
print(re.findall(r"^", "a\nb\n", re.M), re.findall(r"$", "a\nb\n", re.M), re.findall(r"$", "a\nb\n"))
print(re.findall(r"\b\w", "hello, big world"), re.sub(r"\b", "|", "ab cd"))
print(re.findall(r".", "a\nb", re.S), re.findall(r"(?s:.)", "a\nb"))
print(re.findall(r"[A-Z]", "aBcDé", re.I), re.findall(r"[^a-z]", "aB1", re.I))
print(re.findall(r"\w+", "naïve café 42", re.A), re.findall(r"\d", "1٢3"), re.findall(r"\d", "1٢3", re.A))
print(re.findall(r"\s", "a\u2003b\x1cc"), re.findall(r"\s", "a\u2003b\x1cc", re.A))
