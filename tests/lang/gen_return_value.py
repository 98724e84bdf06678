def g():
    yield 1
    return "result"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def h():
    return
    yield
print(list(h()))
def early(n):
    for i in range(n):
        if i == 2:
            return i
        yield i
print(list(early(5)))
def tup():
    return (1, 2)
    yield
try:
    next(tup())
except StopIteration as e:
    print(e.value)
