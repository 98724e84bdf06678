# !r, !s and !a conversions.
s = "caf\u00e9 'q'"
print(f"{s!s}")
print(f"{s!r}")
print(f"{s!a}")
print(f"{42!r} {4.5!s} {None!r} {[1, 'a']!s}")
print(f"{'x'!r:>8}|")
print(f"{chr(233)!a}")
