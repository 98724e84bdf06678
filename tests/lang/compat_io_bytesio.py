# io.BytesIO: writing, reading, seeking past the end, truncation, errors.
import io

b = io.BytesIO(b"header\nbody line 1\nbody line 2\n")
print(b.readline(), b.tell())
print(b.read(4), b.read1(3))
print(b.readlines())
print(b.read(), b.read(10))
b.seek(0)
print(list(b))
print(b.seek(-5, 2), b.read())
print(b.seek(2, 0), b.seek(3, 1), b.tell())
b.write(b"XY")
print(b.getvalue())
b.seek(40)
print(b.write(bytearray(b"!")), b.getvalue()[-5:], len(b.getvalue()))
print(b.truncate(6), b.getvalue(), b.tell())
b.seek(0)
buf = bytearray(4)
print(b.readinto(buf), buf)
w = io.BytesIO()
w.writelines([b"a", b"bc", bytearray(b"d")])
print(w.getvalue(), w.tell(), w.write(b""))
for bad in ["text", 5, None]:
    try:
        w.write(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    w.seek(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    w.truncate(-2)
except ValueError as e:
    print("ValueError:", e)
try:
    w.seek(0, 3)
except ValueError as e:
    print("ValueError:", e)
with io.BytesIO(b"ctx") as c:
    print(c.read(), c.closed, c.readable(), c.writable(), c.seekable())
print(c.closed)
for op in (c.getvalue, c.read, c.tell, lambda: c.write(b"x")):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
