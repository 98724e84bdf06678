# Backslash escapes in ordinary string literals.
print("tab:[\t] newline-escaped:[\\n]")
print('single \'quote\' and "double"')
print("double \"quote\" and 'single'")
print("\x41\x42\x43 \101\102\103 \u00e9\u4e2d \U0001F600")
print(len("\x00\x01\x7f"), [ord(c) for c in "\0\a\b\f\v\r"])
print("back\\slash", len("\\"))
print("line one\nline two")
print("unknown escape keeps backslash: \d \q")
print("continued \
string")
print(repr("\t\n\r\x0b\x0c"))
print(ord("\77"), ord("\0"), "\1010")
