# The format() builtin on each type.
print(format(42), format(42, "5"), format(42, "<5") + "|", format(42, "x"), format(-42, "b"))
print(format(3.5), format(3.5, ".3f"), format(1e-9, "g"), format(12.0, "g"))
print(format("text"), format("text", ">8"), format("text", ".2"), format("text", "_^10"))
print(format(True), format(True, "d"), format(None), format([1, 2]), format((1,)))
print(format(10 ** 25, ","), format(-10 ** 25, "_x"))
for val, spec in [("s", "d"), (3.5, "d"), (1, "s"), ([], "x")]:
    try:
        format(val, spec)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
