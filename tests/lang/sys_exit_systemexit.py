# raise SystemExit(code), and SystemExit caught and inspected.
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", repr(e.code))
try:
    raise SystemExit("text")
except SystemExit as e:
    print("caught", e.code)
def deep(n):
    if n == 0:
        raise SystemExit(5)
    deep(n - 1)
try:
    deep(10)
finally:
    print("finally runs before exiting")
