# Concatenating a str and an int.
count = 3
message = "count: " + count
print(message)
