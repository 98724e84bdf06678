def g():
    it = iter([])
    yield next(it)
list(g())
