# RecursionError can be caught and the program continues normally.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
for _ in range(3):
    try:
        mutual_a(0)
    except RecursionError:
        print("caught again")
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(200))
