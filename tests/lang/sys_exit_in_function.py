# sys.exit deep inside calls exits the whole program with its code.
import sys
def check(v):
    if v > 2:
        print("too big:", v)
        sys.exit(2)
    return v
for i in range(10):
    print("ok", check(i))
