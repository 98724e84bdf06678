def g():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except KeyError:
        print("keyerror inside")
    yield 3
it = g()
print(next(it))
print(it.send("hello"))
print(it.throw(KeyError))
it.close()
try:
    it.send(1)
except StopIteration:
    print("closed generator raises StopIteration")
try:
    it.throw(ValueError("after close"))
except ValueError as e:
    print("throw after close re-raises", e)
