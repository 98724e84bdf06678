# Accessing a missing attribute on an int.
n = 5
print(n.real)
n.foo
