# re: greedy, lazy and possessive repeats, bounded repeats, empty iterations.
import re

tests = [
    (r"a*", "aaab"), (r"a+", "baaa"), (r"a?", "aab"), (r"a{2}", "aaaa"), (r"a{2,3}", "aaaa"),
    (r"a{2,}", "aaaaa"), (r"a{,2}", "aaaa"), (r"a{0}", "aaa"), (r"a{1,1}b", "aab"),
    (r"a*?", "aaa"), (r"a+?", "aaa"), (r"a??b", "ab"), (r"a{2,3}?", "aaaa"), (r"a{2,}?", "aaaa"),
    (r"<.*>", "<a><b>"), (r"<.*?>", "<a><b>"), (r"(ab)+", "abababx"), (r"(ab)+?", "ababab"),
    (r"(a|b)*c", "abbac"), (r"(?:a|bc)*d", "abcabcd"), (r"(a*)*b", "aaab"), (r"(a*)+b", "aab"),
    (r"(a?)*?b", "aab"), (r"(?:)*x", "x"), (r"(a|)+b", "aab"), (r"((a)|b)+", "abab"),
    (r"a{3}", "aa"), (r"x{2,4}y", "xxxxxy"), (r"(?:ab){2,3}", "abababab"),
    (r"a*+a", "aaa"), (r"a++b", "aab"), (r"a?+a", "a"), (r"(?:ab)*+ab", "ababab"),
    (r"(?:a|ab)*+c", "aababc"), (r"\d{1,3}(?:,\d{3})*", "1,234,567.89"),
    (r"a{,}", "a{,}"), (r"a{", "a{"), (r"a{1", "a{1"), (r"a{x}", "a{x}"), (r"{", "{"), (r"x{}", "x{}"),
    (r"(\w+)\s*=\s*(.*?)\s*$", "name = some value  "), (r".*foo", "xfooyfoo"), (r".*?foo", "xfooyfoo"),
    (r"(a+)(a+)", "aaaa"), (r"(a+?)(a+)", "aaaa"), (r"(a{2,3})*", "aaaaaaa"),
]
for pat, s in tests:
    m = re.match(pat, s)
    print(repr(pat), repr(s), m and m.span(), m and m.groups())

print(re.findall(r"a*", "baaac"), re.findall(r"a*?", "aa"), re.findall(r"(a|b)*?c", "abcbc"))
print(re.sub(r"a*", "-", "baac"), re.sub(r"(?:a|)", "-", "abc"))
big = "a" * 5000 + "b"
print(len(re.match(r"(?:a|c)*b", big).group()), re.match(r"(a)*b", big).span(1))
print(re.match(r"(?:a{2}){2,3}", "aaaaaaa").span(), re.match(r"(?:x?){3}y", "y").span())
