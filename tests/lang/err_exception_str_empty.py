# An exception with an empty message prints just its type name.
print("raising")
raise KeyError()
