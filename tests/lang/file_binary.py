# args: {tmpdir}
# Binary files: bytes in, bytes out.
import sys
path = sys.argv[1] + "/data.bin"
f = open(path, "wb")
print(f.write(bytes(range(256))))
print(f.write(b"\x00tail\xff"))
f.close()
f = open(path, "rb")
data = f.read()
f.close()
print(type(data).__name__, len(data), data[:5], data[250:262], data[-1])
f = open(path, "rb")
print(f.read(3), f.read(2), len(f.read()), f.read())
f.close()
f = open(path, "wb")
f.write("caf\u00e9\n".encode("utf-8"))
f.close()
f = open(path, "rb")
raw = f.read()
f.close()
print(raw, raw.decode("utf-8"))
f = open(path, "r", encoding="utf-8")
print(repr(f.read()))
f.close()
try:
    f = open(path, "wb")
    f.write("text")
except TypeError as e:
    print("TypeError:", e)
finally:
    f.close()
