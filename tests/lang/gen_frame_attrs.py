# gi_frame, gi_code, gi_running, gi_suspended: the frame of a generator while
# it is created, suspended, running and finished.  A finished generator's
# frame object keeps its last line and locals, as CPython's does.
def g(a):
    x = a + 1
    yield x
    y = yield x * 2
    return y

it = g(1)
f = it.gi_frame
print(f.f_lineno, f.f_locals, f.f_back, f.f_code is it.gi_code, type(f).__name__)
print(it.gi_suspended, it.gi_running, it.gi_frame is f, f.f_globals is globals())
print(repr(f).startswith("<frame at 0x"), repr(f).endswith("line 4, code g>"))
next(it)
print(f.f_lineno, sorted(f.f_locals.items()), it.gi_suspended, it.gi_running)
print(it.send(None), f.f_lineno)

def h():
    yield me.gi_running, me.gi_suspended, me.gi_frame is not None

me = h()
print(next(me))
try:
    it.send(7)
except StopIteration as e:
    print("returned", e.value)
print(it.gi_frame, it.gi_code.co_name, it.gi_suspended, it.gi_running)
print(f.f_lineno, f.f_locals)

# A generator that is never started and then closed.
def k():
    yield 1
c = k()
fc = c.gi_frame
c.close()
print(c.gi_frame, fc.f_lineno, fc.f_locals, c.gi_code.co_name)

# A frame object outliving its generator.
def m(n):
    total = n * 2
    yield total
gen = m(5)
next(gen)
fm = gen.gi_frame
del gen
print(fm.f_lineno, fm.f_locals, fm.f_code.co_name)

# Generator expressions have frames too.
ge = (i * i for i in range(3))
print(ge.gi_frame is not None, ge.gi_code.co_name, list(ge), ge.gi_frame)
