# args: {tmpdir}
# Files as context managers close themselves, even on error.
import sys
path = sys.argv[1] + "/with.txt"
with open(path, "w") as f:
    for i in range(5):
        f.write(f"row {i}\n")
print(f.closed)
with open(path) as f:
    rows = [line.strip() for line in f]
print(rows, f.closed)
try:
    with open(path) as g:
        first = g.readline()
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e, repr(first), g.closed)
with open(path, "a") as a:
    a.write("row 5\n")
with open(path) as r1, open(path) as r2:
    print(r1.readline() == r2.readline(), len(r2.readlines()))
with open(path) as f:
    print(len(f.read().splitlines()))
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
