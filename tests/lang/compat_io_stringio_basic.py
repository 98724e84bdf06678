import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"))
print("line3", file=s)
print(repr(s.getvalue()))
print(s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), s.tell())
print(s.readlines())
s.seek(0)
for line in s:
    print("it:", repr(line))
s.seek(2)
s.write("XY")
print(repr(s.getvalue()))
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10)
s.write("z")
print(repr(s.getvalue()))
with io.StringIO("a\nb\nc") as f:
    print(f.read())
    print(f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
t = io.StringIO("abc")
try:
    t.write(5)
except TypeError as e:
    print("TypeError:", e)
try:
    t.seek(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    t.seek(1, 1)
except OSError as e:
    print("OSError:", e)
print(t.seek(0, 2), t.read(), repr(t.read()))
u = io.StringIO("x\r\ny", newline=None)
print(repr(u.getvalue()))
print(io.StringIO("a\nb\n").readlines(1))
print(t.readable(), t.writable(), t.seekable(), t.isatty())
w = io.StringIO()
w.writelines(["a", "b", "c"])
print(w.getvalue(), w.tell())
