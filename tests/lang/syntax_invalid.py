# A program with a syntax error: nothing runs.
print("this line is never printed")
x = = 1
