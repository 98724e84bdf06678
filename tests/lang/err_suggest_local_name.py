# NameError in a function: CPython 3.11 suggests the closest local name.
def area(width, height):
    return widht * height
print(area(2, 3))
