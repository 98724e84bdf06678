# int() of a non-numeric string.
print(int("12"))
value = int("abc")
