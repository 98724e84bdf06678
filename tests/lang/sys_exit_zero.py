# sys.exit(0) and sys.exit() both exit successfully.
import sys
print("exiting with 0")
sys.exit(0)
