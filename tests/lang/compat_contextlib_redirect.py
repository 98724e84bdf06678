# redirect_stdout/redirect_stderr, chdir-free helpers, AbstractContextManager,
# ContextDecorator, and contextmanager objects used as decorators.
import sys
from contextlib import (redirect_stdout, redirect_stderr, AbstractContextManager,
                        ContextDecorator, contextmanager, nullcontext)

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
    def text(self):
        return ''.join(self.parts)

cap = Capture()
with redirect_stdout(cap) as target:
    print('hidden', 1, 2)
    print('second line', end='!')
print(target is cap, repr(cap.text()))

err = Capture()
with redirect_stderr(err):
    print('to stderr', file=sys.stderr)
print(repr(err.text()))

outer, inner = Capture(), Capture()
with redirect_stdout(outer):
    print('o1')
    with redirect_stdout(inner):
        print('i1')
    print('o2')
print(repr(outer.text()), repr(inner.text()))

class Timer(AbstractContextManager):
    def __init__(self):
        self.entered = 0
    def __exit__(self, *exc):
        self.entered += 1
        return None
t = Timer()
with t as same:
    print(same is t)
print(t.entered, isinstance(t, AbstractContextManager), issubclass(Capture, AbstractContextManager))

class Duck:
    def __enter__(self): return self
    def __exit__(self, *a): return None
print(isinstance(Duck(), AbstractContextManager))
try:
    class Incomplete(AbstractContextManager):
        pass
    Incomplete()
    print('instantiated')
except TypeError as e:
    print('TypeError', e)

class logged(ContextDecorator):
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        print('start', self.label)
        return self
    def __exit__(self, typ, val, tb):
        print('end', self.label, typ.__name__ if typ else None)
        return False

@logged('job')
def job(x):
    print('job body', x)
    return x + 1
print(job(1))
try:
    @logged('failing')
    def failing():
        raise ValueError('nope')
    failing()
except ValueError as e:
    print('ValueError', e)

@contextmanager
def indent(level):
    print('>' * level)
    yield
    print('<' * level)

@indent(2)
def greet(name):
    print('hi', name)
greet('a')
greet('b')
print(greet.__name__)
with nullcontext(cap) as c:
    print(c is cap)
