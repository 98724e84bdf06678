def gen():
    try:
        yield 1
        raise IndexError("in gen")
    except IndexError:
        raise TypeError("converted")
for x in gen():
    print(x)
