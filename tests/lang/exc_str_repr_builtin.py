for e in [ValueError(), ValueError("x"), ValueError("x", 1), KeyError("k"), KeyError(), IndexError(3),
          OSError(2, "No such file"), StopIteration(1), SystemExit(2), Exception(None)]:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
