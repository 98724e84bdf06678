def g():
    yield 1
    yield 2
it = g()
print(it.__name__, it.gi_running, it.gi_frame is not None)
print(iter(it) is it)
next(it)
next(it)
next(it, None)
print(it.gi_frame)
print(type(it).__name__)
