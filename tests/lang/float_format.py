# Formatting floats with format specs, %-formatting and str.format.
x = 1234.56789
for spec in ["", ".0f", ".1f", ".2f", ".10f", "e", ".3e", "E", "g", ".3g", ".10g", "G",
             "%", ".1%", "10.2f", "<10.2f", "^12.1f", "+.2f", " .2f", ",.2f", "_.3f", "012.3f", "f"]:
    print(repr(spec), format(x, spec), format(-x, spec))
for v in [0.0, -0.0, 1e-10, 1e16, 123456789.0, 0.000123, 1.5, 2.5, 1e300]:
    print(format(v, "g"), format(v, ".2f"), format(v, "e"), format(v, ".3"), format(v, ""))
print("%.3f %10.2f %-10.2f| %e %g %G %5.1f%%" % (x, x, x, x, x, 1e-20, 99.44))
print("{:.2f} {:>10.3e} {:+} {}".format(x, x, x, x))
print(format(1e16, ".17g"), format(0.1, ".20f"), format(2 / 3, ".17f"))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), ".2f"), format(float("inf"), "10"))
