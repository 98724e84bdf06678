# Iterating over an int.
n = 42
for i in n:
    print(i)
