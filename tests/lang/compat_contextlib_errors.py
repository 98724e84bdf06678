# contextlib error paths: exceptions thrown into @contextmanager generators,
# generators that re-raise or convert, ExitStack unwinding with failing exits.
from contextlib import contextmanager, ExitStack, suppress, nullcontext

@contextmanager
def convert():
    try:
        yield
    except KeyError as e:
        raise ValueError('converted %s' % e) from e

try:
    with convert():
        raise KeyError('k')
except ValueError as e:
    print(e, type(e.__cause__).__name__)

@contextmanager
def reraise():
    try:
        yield 1
    except Exception:
        print('cleanup then re-raise')
        raise

try:
    with reraise() as v:
        raise IndexError('idx %d' % v)
except IndexError as e:
    print('IndexError', e)

@contextmanager
def swallow_stop():
    yield

try:
    with swallow_stop():
        raise StopIteration('stop')
except StopIteration as e:
    print('StopIteration passes through:', e)

@contextmanager
def ignores_exit():
    try:
        yield
    except GeneratorExit:
        print('never')
    finally:
        print('finally ran')

with ignores_exit():
    pass

class Boom:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print('exit', self.name, exc[0].__name__ if exc[0] else None)
        raise RuntimeError('from ' + self.name)

try:
    with ExitStack() as stack:
        stack.enter_context(Boom('outer'))
        stack.enter_context(Boom('inner'))
        raise KeyError('body')
except RuntimeError as e:
    print('final', e, '| context:', repr(e.__context__), '| its context:', repr(e.__context__.__context__))

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print(e)

with ExitStack() as stack:
    stack.callback(print, 'cb', 1, sep='-')
    inner = stack.pop_all()
print('after pop_all')
inner.close()

def count():
    with suppress(ValueError):
        int('x')
        return 'not reached'
    return 'suppressed'
print(count())

with suppress():
    pass
try:
    with suppress():
        raise OSError('not listed')
except OSError as e:
    print('OSError', e)

with nullcontext() as nothing:
    print(nothing)

@contextmanager
def counter(log):
    log.append('enter')
    yield len(log)
    log.append('exit')

log = []
@counter(log)
def work():
    log.append('work')
work(); work()
print(log)
