# Adding an int and a str.
a = 1
b = "2"
print(a, b)
print(a + b)
