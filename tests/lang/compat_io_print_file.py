# print(file=StringIO) and other writers, sys.stdout swapped for a StringIO,
# and a StringIO used as a log sink by ordinary code.
import io
import sys

out = io.StringIO()
print("a", 1, 2.5, None, file=out)
print("x", "y", sep="-", end="!\n", file=out)
print(file=out)
print(*range(5), sep=",", file=out)
print(repr(out.getvalue()))

saved = sys.stdout
sys.stdout = cap = io.StringIO()
print("captured", [1, 2])
sys.stdout.write("raw write\n")
sys.stdout = saved
print("got:", repr(cap.getvalue()))


class Logger:
    def __init__(self, stream):
        self.stream = stream
        self.count = 0

    def log(self, level, msg):
        self.count += 1
        print("[%-5s] %03d %s" % (level, self.count, msg), file=self.stream)


sink = io.StringIO()
log = Logger(sink)
for i in range(4):
    log.log("INFO" if i % 2 else "WARN", "step %d" % i)
sink.seek(0)
for line in sink:
    print(line.rstrip("\n").upper())
print(len(sink.getvalue().splitlines()), sink.tell())
sink.seek(0)
print(sink.readline(3), sink.readline(), end="")
print(io.StringIO("one\ntwo\nthree").readlines(5))
