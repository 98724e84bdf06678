def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", e)
        yield "after-catch"
    finally:
        print("inner finally")
def outer():
    try:
        r = yield from inner()
        print("inner returned", r)
    finally:
        print("outer finally")
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
g.close()
print("--")
g = outer()
next(g)
try:
    g.throw(ValueError("v"))
except ValueError as e:
    print("propagated", e)
