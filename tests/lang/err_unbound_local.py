# Reading a local before assignment.
total = 10
def f():
    print(total)
    total = 5
f()
