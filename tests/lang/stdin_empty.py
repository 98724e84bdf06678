# With no .stdin file, stdin is empty: input() raises EOFError.
import sys
print(repr(sys.stdin.read()))
try:
    input()
except EOFError as e:
    print("EOFError:", repr(str(e)))
