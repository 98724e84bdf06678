# sys.exit(True) exits with status 1 and prints nothing extra.
import sys
print("exit(True)")
sys.exit(True)
