# Caught arithmetic error messages.
cases = [
    "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "2 ** 10000 * 1.0", "10.0 ** 1000", "1 << -1",
    "int('x')", "float('y')", "int(float('inf'))", "int(float('nan'))", "divmod(5, 0)",
    "abs('a')", "-'a'", "1 + None", "None - 1", "[] * []", "'a' - 'b'", "2 ** 'x'", "1 < 'x'",
]
for src in cases:
    try:
        print(src, "=", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__ + ":", e)
