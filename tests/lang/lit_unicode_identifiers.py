# Non-ASCII identifiers.
café = "coffee"
π = 3.14159
名前 = "name"
def été(x):
    return x * 2
print(café, π, 名前, été(21))
print(été.__name__, "café".isidentifier())
