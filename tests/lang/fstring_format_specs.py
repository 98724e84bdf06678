# Format-spec mini language through f-strings.
n = 255
print(f"{n:d} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:#X} {n:#o} {n:#b}")
print(f"{n:+d} {-n:+d} {n: d} {-n: d}")
print(f"{1234567:,} {1234567:_} {0xdeadbeef:_x}")
print(f"{n:08d} {-n:08d} {n:+08d} {n:#010x}")
print(f"[{n:*<8}] [{n:*>8}] [{n:*^8}] [{-n:=8}] [{-n:0=8}]")
print(f"{3.14159:.0f} {2.5:.0f} {0.5:.0f} {1e6:.2e} {1234.5:g} {0.0001234:g}")
print(f"{0.25:%} {0.25:.1%} {1/3:.3}")
print(f"{'abc':5}| {'abc':>5}| {'abc':^6}| {'abcdef':.3}|")
print(f"{1e20:f} {1.5:10.4f}| {-1.5:+.1f}")
print(f"{True:d} {False:>5}")
