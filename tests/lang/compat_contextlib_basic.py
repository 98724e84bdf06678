# contextlib basics: @contextmanager (incl. exceptions thrown in), suppress, closing, nullcontext, ExitStack, redirect_stdout.
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout
class Buf:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): pass
    def getvalue(self): return ''.join(self.parts)

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    except KeyError as e:
        print("handled", repr(e))
    finally:
        print("</%s>" % name)

with tag("a") as t:
    print("inside", t)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)

@tag("deco")
def f(x):
    print("f", x)
    return x * 2
print(f(3))

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)

class Res:
    def __init__(self, n): self.n = n
    def close(self): print("close", self.n)
with closing(Res(1)) as r:
    print("using", r.n)
with nullcontext(5) as v:
    print("null", v)

class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self.n
    def __exit__(self, *a): print("exit", self.n, a[0].__name__ if a[0] else None); return False

with ExitStack() as st:
    xs = [st.enter_context(CM(i)) for i in range(3)]
    st.callback(print, "callback", xs)
    print("body", xs)
try:
    with ExitStack() as st:
        st.enter_context(CM(9))
        raise RuntimeError("boom")
except RuntimeError as e:
    print("caught", e)
st = ExitStack()
st.callback(lambda: print("closed later"))
st.close()
buf = Buf()
with redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
with ExitStack() as st:
    st.push(lambda *a: True)
    raise ValueError("swallowed by push")
print("end")
