# Every string prefix spelling.
print(r"raw \n stays", R"RAW \t stays")
print(u"unicode prefix", U"upper U")
print(b"bytes", B"BYTES", rb"raw\nbytes", bR"x\y", Rb"\d", BR"\\")
print(br"\x41", len(br"\x41"), len(b"\x41"))
x = 7
print(f"f {x}", F"F {x}", rf"rf \n {x}", fr"fr \t {x}", Rf"{x}\d", fR"{x}\q", FR"{x}")
print(r"\\", len(r"\\"), r"a\"b", len(r"a\"b"))
print(r'''raw triple \n''', b'''bytes triple''')
print(type(b"").__name__, type(r"").__name__, type(f"").__name__)
