# Reading stdin through sys.stdin (stdin_sys_read.stdin).
import sys
first = sys.stdin.readline()
print(repr(first))
lines = []
for line in sys.stdin:
    lines.append(line.rstrip("\n"))
print(len(lines))
for i, l in enumerate(lines):
    print(i, repr(l))
print(repr(sys.stdin.read()))
words = sum(len(l.split()) for l in lines)
print("words", words)
