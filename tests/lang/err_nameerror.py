# Using an undefined name.
y = 1
print(y)
print(x)
