# math domain and range errors.
import math
cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-1)", lambda: math.log(-1)),
    ("log10(0)", lambda: math.log10(0)),
    ("acos(2)", lambda: math.acos(2)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("pow(10, 400)", lambda: math.pow(10.0, 400)),
    ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial(2.5)", lambda: math.factorial(2.5)),
    ("isqrt(-4)", lambda: math.isqrt(-4)),
    ("floor(inf)", lambda: math.floor(math.inf)),
    ("floor(nan)", lambda: math.floor(math.nan)),
    ("sqrt('x')", lambda: math.sqrt("x")),
    ("comb(3, -1)", lambda: math.comb(3, -1)),
    ("fmod(1, 0)", lambda: math.fmod(1, 0)),
]
for name, fn in cases:
    try:
        print(name, fn())
    except (ValueError, OverflowError, TypeError) as e:
        print(name, "->", type(e).__name__ + ":", e)
