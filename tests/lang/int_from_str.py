# int() parsing: bases, signs, whitespace, underscores, errors.
print(int("42"), int("-42"), int("+7"), int("  13  "), int("\t-0\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("101", 2), int("z", 36), int("Zz", 36), int("10", 3))
print(int("1_000_000"), int("0x_ff", 0), int("0", 0), int("00", 0))
print(int("123456789012345678901234567890"), int("-" + "9" * 40))
print(int(3.99), int(-3.99), int(True), int(1e20))
for bad in ["abc", "", "1.5", "1__0", "_1", "0x", "12a"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for s, base in [("12", 2), ("g", 16), ("010", 0), ("9", 8)]:
    try:
        int(s, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 37)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError:", e)
