# float() parsing from strings.
for s in ["1.5", " 2.5 ", "-3", "+4.", ".5", "1e3", "1E-3", "1_000.5", "-0", "inf", "-Infinity", "nan",
          "0.1", "123456789012345678901234567890", "1e400", "4.9e-324", "  -1.25e+2\n"]:
    print(repr(s), float(s))
for bad in ["abc", "", "1.5.5", "1e", "--1", "1_", "0x10", "in f"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print(float(), float(3), float(True), float(-0.0))
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
