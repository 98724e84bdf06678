# match statements: captures are ordinary bindings in the enclosing scope,
# the subject is evaluated once, guards run after binding, control flow works.
calls = []


def subject():
    calls.append("subject")
    return [1, [2, 3], {"k": (4, 5)}]


def guard(v):
    calls.append(f"guard {v}")
    return v > 1


def scan():
    match subject():
        case [a, [b, c], {"k": (d, e)}] if guard(a):
            return "first"
        case [a, [b, c], {"k": (d, e)}] if guard(b):
            return f"second {a} {b} {c} {d} {e}"
    return "none"


print(scan(), calls)

# Names bound by a successful pattern whose guard fails stay bound.
match (10, 20):
    case (x, y) if x > y:
        print("no")
    case _:
        print("fallthrough", x, y)

total = 0
for item in [("add", 3), ("skip",), ("add", 4), ("stop",), ("add", 100)]:
    match item:
        case ("add", n):
            total += n
        case ("skip",):
            continue
        case ("stop",):
            break
print("total", total)


def closure():
    match {"name": "conch", "tags": ["a", "b"]}:
        case {"name": str(name), "tags": [*tags]}:
            return lambda: f"{name}:{'+'.join(tags)}"


print(closure()())


class Color:
    RED = "red"
    GREEN = "green"


def paint(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case other:
            return f"unknown {other}"


print([paint(c) for c in ["red", "green", "blue"]])

# Nested or-patterns with captures in different orders.
for v in [(1, "a"), ("a", 1), (2, 2)]:
    match v:
        case (int(n), str(s)) | (str(s), int(n)):
            print("pair", n, s)
        case (p, q):
            print("other", p, q)

# Mapping patterns use get(): __missing__ is not consulted; extra keys allowed.
class D(dict):
    def __missing__(self, key):
        return "missing"


match D(a=1, b=2):
    case {"c": _}:
        print("has c")
    case {"a": 1, **kw}:
        print("kw", kw)

# Strings and bytes are not sequences for patterns.
for s in ["ab", b"ab", bytearray(b"ab"), ["a", "b"]]:
    match s:
        case [x, y]:
            print("seq", x, y)
        case _:
            print("not a sequence", type(s).__name__)

# Star in the middle, star capture empty, literal floats and negative numbers.
for v in [[1, 2], [1, 9, 9, 2], [0.5, -1.5]]:
    match v:
        case [1, *mid, 2]:
            print("mid", mid)
        case [0.5, -1.5]:
            print("floats")

# Self-matching builtins.
for v in [3, 3.0, "3", [3], True]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(t) | list(t):
            print("str-or-list", t)
