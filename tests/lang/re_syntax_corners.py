# re: syntax corners -- odd but legal patterns and what they match.
import re
cases = [
    (r"(?x)[ #]x", " x"), (r"[\w-.]+", "a-b.c"), (r"[.-z]+", "x.y"), (r"a{1,2}{3}", "aaa"), (r"(?i)[^a]", "A"),
    (r"(?u)\w", "é"), (r"\x41", "A"), (r"[\101]", "A"), (r"\01", "\x01"), (r"(a)\g<1>", "aa"),
    (r"(?P<a>x)|(?P<b>y)", "y"), (r"((?P<inner>a)|b)+", "ab"), (r"(?i)\u00df", "SS"), (r"(?s).", "\n"),
    (r"(?-s:.)", "\n"), (r"a(?#x)*", "aaa"), (r"(?m)$\n", "a\n"), (r"^*", ""), (r"\d{2,}?\d", "12345"),
    (r"(?:(?:(?:a)))", "a"), (r"[^\W_]+", "ab_cd"), (r"[\W\d]+", "!!12a"), (r"(?a)[^\W]", "é1"),
    (r"(?i)[k]", "\u212a"), (r"(?i)[^k]", "\u212a"), (r"\Z", ""), (r"$", "\n"), (r"(?<=^)a", "a"),
    (r"(?<=\n)a", "b\na"), (r"(?<!^)a", "aa"), (r"\b\B", "ab"), (r"(a)(?(1)|b)", "a"), (r"(?(1)a|b)(x)", "bx"),
    (r"x(?=)", "x"), (r"(?!)", "x"), (r"(?=a)*", "a"), (r"(|a)*b", "aab"), (r"(a|)*?b", "aab"),
    (r"[a-a]", "a"), (r"[\x00-\U0010ffff]", "\U0010ffff"), (r"(?i)[Σ]+", "σςΣ"), (r"(?i)ς", "Σ"),
]
for p, s in cases:
    try:
        m = re.search(p, s)
        print(repr(p), m and (m.span(), m.groups()))
    except re.error as e:
        print(repr(p), "error", e)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
