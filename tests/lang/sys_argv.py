# args: one "two words" 3 --flag
# sys.argv holds the script name and the arguments.
import sys
print(len(sys.argv))
print(sys.argv[0])
print(sys.argv[1:])
for i, a in enumerate(sys.argv):
    print(i, repr(a))
print(type(sys.argv).__name__)
