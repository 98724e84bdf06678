# bytes: indexing, slicing, methods, constructors.
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:5], b[::-1], b[::2])
print(b.upper(), b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"wor"), b.count(b"l"))
print(b.startswith(b"he"), b.endswith(b"x"), b" pad ".strip(), b"-".join([b"a", b"b"]), b"ab" * 2, b"a" + b"b")
print(bytes(3), bytes([65, 66, 67]), bytes(range(48, 58)), bytes("caf\u00e9", "utf-8"), bytes())
print(list(b"abc"), b"x" in b"xyz", 120 in b"xyz", b"abc" < b"abd", b"abc" == b"abc")
print(b"\x00\xff".hex(), bytes.fromhex("de ad be ef"), b"abc".decode(), b"A".isupper(), b"12".isdigit())
print(b"a,b,,c".split(b","), b"  x  ".lstrip(), b"xyz".index(b"z"), b.title(), b.capitalize())
print(repr(b"\t\n\r\x00'"), str(b"q"), hash(b"") == hash(b""))
