# Division by zero messages for ints and floats.
cases = [
    ("1 / 0", lambda: 1 / 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1 / 0.0", lambda: 1 / 0.0),
    ("1 // 0", lambda: 1 // 0),
    ("1.0 // 0.0", lambda: 1.0 // 0.0),
    ("1 % 0", lambda: 1 % 0),
    ("1.5 % 0", lambda: 1.5 % 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("divmod(1.0, 0)", lambda: divmod(1.0, 0)),
    ("2 ** 100 // 0", lambda: 2 ** 100 // 0),
    ("0.0 ** -1", lambda: 0.0 ** -1),
]
for text, fn in cases:
    try:
        fn()
        print(text, "no error")
    except ZeroDivisionError as e:
        print(text, "->", type(e).__name__ + ":", e)
print(0.0 / 1, -0.0 / 1, 0 * -1.0)
