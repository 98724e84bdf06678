import os
path = "with_file_and_nested.py"
with open(path) as f:
    first = f.readline()
print(first.strip())
print(f.closed)
class Trace:
    depth = 0
    def __enter__(self):
        Trace.depth += 1
        print("  " * Trace.depth + "enter")
        return Trace.depth
    def __exit__(self, *a):
        print("  " * Trace.depth + "exit")
        Trace.depth -= 1
with Trace() as a:
    with Trace() as b:
        with Trace() as c:
            print(a, b, c)
