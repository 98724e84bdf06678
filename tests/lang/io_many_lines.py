# Lots of output: buffering must not lose or reorder anything.
import sys
for i in range(5000):
    print(i, i * i, "x" * (i % 7))
sys.stdout.write("via write\n")
print("done", end="")
