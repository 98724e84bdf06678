# hex/oct/bin and format() builtins side by side.
for v in [0, 10, 255, -255, 2 ** 40]:
    print(hex(v), oct(v), bin(v), format(v, "x"), format(v, "#o"), format(v, "b"), format(v, "08b"), format(v, ","))
print(format(0.5, ".1%"), format(1e6, ",.0f"), format("s", "^5") + "|", format(12, "+05d"))
