def inner():
    yield 1
    raise ValueError("inner failed")
def outer():
    try:
        yield from inner()
    except ValueError as e:
        yield "outer caught: %s" % e
    yield "outer continues"
print(list(outer()))
def ret_inner():
    return "early"
    yield
def uses():
    v = yield from ret_inner()
    yield v
print(list(uses()))
