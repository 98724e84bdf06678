# and/or return one of their operands and short-circuit.
def t(x):
    print("called", repr(x))
    return x
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or 0, [] and "no", "a" and "b" and "c")
print(t(0) and t(1))
print(t(1) and t(2))
print(t("x") or t("y"))
print(t("") or t("") or t("last"))
print(t(None) and t(1) or t(2))
print(not [] and not {}, [1] or [], None and None, 0.0 or -0.0)
name = ""
print(name or "anonymous", (name and name.upper()) or "none")
x = 5
r = x > 3 and "big" or "small"
print(r)
