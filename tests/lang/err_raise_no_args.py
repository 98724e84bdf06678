# Raising an exception class with no arguments.
print("raising")
raise RuntimeError
