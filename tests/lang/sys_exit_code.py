# sys.exit(n) exits with status n; code after it never runs.
import sys
print("before exit")
sys.exit(3)
print("after exit")
