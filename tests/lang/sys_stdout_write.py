# sys.stdout.write returns the number of characters written.
import sys
n = sys.stdout.write("hello\n")
print(n)
print(sys.stdout.write("\u00e9\U0001F600\n"))
sys.stdout.write("no newline")
sys.stdout.write(" then newline\n")
sys.stdout.write("")
sys.stdout.flush()
print("after flush")
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
