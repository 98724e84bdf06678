def bad():
    yield 1
    raise ValueError("from generator")
    yield 2
g = bad()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "done after error"))
def stop_inside():
    yield 1
    raise StopIteration("oops")
try:
    list(stop_inside())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def div(xs):
    for x in xs:
        yield 10 / x
try:
    print(sum(div([1, 2, 0])))
except ZeroDivisionError as e:
    print(e)
def running():
    yield next(me)
me = running()
try:
    next(me)
except ValueError as e:
    print(e)
