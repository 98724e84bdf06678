def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("finally")
x = g()
print(next(x))
x.close()
x.close()
print(list(x))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
def ret_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"
r = ret_on_close()
next(r)
print(r.close())
y = g()
y.close()
print("never started closed")
