# re: bytes patterns on bytes and bytearray subjects.
import re

data = b"GET /index.html HTTP/1.1\r\nHost: example.org\r\nX-Num: 42\r\n\r\n"
m = re.match(rb"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/(\d)\.(\d)", data)
print(m, m.groups(), m.groupdict(), m.span("path"))
print(re.findall(rb"^([\w-]+): (.*?)\r$", data, re.M))
print(re.sub(rb"\d+", b"#", data), re.split(rb"\r\n", data))
print(re.search(rb"\xff+", b"a\xff\xffb"), re.findall(rb"[\x80-\xff]", bytes(range(126, 131))))
print(re.match(rb"\w+", b"caf\xe9"), re.match(rb"(?i)CAF\xc9", b"caf\xe9"), re.match(rb"(?i)abc", b"ABC"))
print(re.findall(rb"\s+", b"a \x0b\x0c\x1cb"), re.findall(rb"\d", b"1\xb2"))
print(re.search(b"b+", bytearray(b"abbbc")), re.sub(b"b", b"x", bytearray(b"abc")))
print(re.compile(rb"a\.b").pattern, re.compile(b"x").flags, re.escape(b"a+b"))
print(re.sub(rb"(\w+)=(\w+)", rb"\2=\1", b"k=v a=b"), re.sub(b"a", lambda m: b"<" + m.group() + b">", b"banana"))
print(re.fullmatch(rb"[^\x00]*", b"abc"), re.split(rb"(,)", b"a,b"))
print(re.subn(b"n", bytearray(b"N"), bytearray(b"banana")), re.subn(b"n", b"N", bytearray(b"banana")))
try:
    re.sub(rb"(a)", bytearray(rb"<\1>"), b"banana")
except TypeError as e:
    print("TypeError", e)
