# Unpacking mismatch messages.
def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)
def two(v):
    a, b = v
def three(v):
    a, b, c = v
def star(v):
    a, b, *c = v
attempt("too many", lambda: two([1, 2, 3]))
attempt("too few", lambda: three([1, 2]))
attempt("empty", lambda: two([]))
attempt("one", lambda: two("x"))
attempt("star short", lambda: star([1]))
attempt("non-iterable", lambda: two(5))
attempt("none", lambda: two(None))
attempt("ok", lambda: star([1, 2]))
attempt("dict", lambda: three({"a": 1, "b": 2}))
