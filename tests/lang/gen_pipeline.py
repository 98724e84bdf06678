def read(lines):
    for line in lines:
        yield line
def strip(src):
    for s in src:
        yield s.strip()
def nonempty(src):
    for s in src:
        if s:
            yield s
def numbered(src):
    n = 0
    for s in src:
        n += 1
        yield f"{n}: {s}"
data = ["  alpha ", "", " beta", "   ", "gamma  "]
for line in numbered(nonempty(strip(read(data)))):
    print(line)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
print(list(zip(fib(), "abc")))
