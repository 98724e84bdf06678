def worker():
    try:
        while True:
            try:
                yield "ready"
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")
w = worker()
print(next(w))
print(w.throw(ValueError("v1")))
print(next(w))
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("escaped", e)
print(next(w, "exhausted"))
def simple():
    yield 1
s = simple()
try:
    s.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted", e)
print(list(s))
g = (x for x in range(3))
try:
    g.throw(IndexError)
except IndexError as e:
    print("genexpr throw", repr(e))
