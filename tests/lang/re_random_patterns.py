# re: differential fuzzing with a fixed seed -- random patterns over a small
# alphabet, every API on each (random's Mersenne Twister gives conch and
# CPython the same patterns).
import random
import re

random.seed(20231)
ATOMS = ["a", "b", "c", ".", r"\w", r"\d", r"\s", r"\b", "[ab]", "[^a]", "[a-c]", "^", "$", "x",
         r"\W", "(?:ab)", "ab", r"\1", "(?<=a)", "(?<!b)", "(a|b)", "(a)*", "(?:(a)|b)+",
         "(?P<n>a)(?P=n)?", "A", r"\B", r"\Z", r"\A", "(?>a|ab)", "a*+", "[^\\W\\d]"]
QUANTS = ["*", "+", "?", "{2}", "{1,3}", "*?", "+?", "??", "{0,2}?", "{2,}"]  # no possessive groups: the oracle, 3.11.2, raises SystemError on some


def gen(depth):
    r = random.random()
    if depth > 3 or r < 0.3:
        return random.choice(ATOMS)
    if r < 0.5:
        return gen(depth + 1) + gen(depth + 1)
    if r < 0.6:
        return gen(depth + 1) + "|" + gen(depth + 1)
    if r < 0.75:
        return "(" + gen(depth + 1) + ")"
    if r < 0.8:
        return "(?=" + gen(depth + 1) + ")"
    if r < 0.83:
        return "(?!" + gen(depth + 1) + ")"
    return "(?:" + gen(depth + 1) + ")" + random.choice(QUANTS)


SUBJECTS = ["", "a", "ab", "abc", "aab b", "ba cab", "a1 b2", "xxabab", "abcabc ab", " a\nb ", "AbA"]
errors = 0
for i in range(300):
    p = gen(0)
    flags = random.choice([0, 0, re.I, re.M, re.S, re.A])
    try:
        c = re.compile(p, flags)
    except re.error as e:
        errors += 1
        print(i, "error", p, e)
        continue
    for s in SUBJECTS:
        m = c.search(s)
        print(i, p, repr(s), m and m.span(), m and m.groups(), m and m.lastindex,
              c.findall(s), c.sub("-", s), c.split(s), c.fullmatch(s) is not None)
print("errors", errors)
