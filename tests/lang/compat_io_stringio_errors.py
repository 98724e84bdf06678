# io.StringIO error paths, newline modes and an exception escaping at the end.
import io

s = io.StringIO("abc")
for bad in [b"bytes", 3, None, ["x"]]:
    try:
        s.write(bad)
    except TypeError as e:
        print("TypeError:", e)
for args in [(-3,), (2, 1), (1, 2), (0, 7)]:
    try:
        s.seek(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__ + ":", e)
try:
    s.truncate(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO(5)
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO("", newline="x")
except ValueError as e:
    print("ValueError:", e)
print(repr(io.StringIO("a\r\nb\rc\n", newline=None).getvalue()))
print(io.StringIO("a\r\nb\rc\n", newline="").readlines())
t = io.StringIO(newline="\r\n")
t.write("x\ny\n")
print(repr(t.getvalue()))
s.close()
s.close()
print(s.closed)
for op in (s.getvalue, s.read, s.readline, s.tell, lambda: s.write("x"), lambda: iter(s)):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
print(isinstance(io.UnsupportedOperation("x"), OSError))
s.read()
