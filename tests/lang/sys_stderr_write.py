# Writing to stderr: only its last line is compared.
import sys
sys.stderr.write("first stderr line\n")
print("stdout line")
n = sys.stderr.write("warning: last line on stderr\n")
print(n)
sys.stderr.flush()
