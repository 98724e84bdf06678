# ExitStack: dynamic resource management, LIFO order, suppression by an inner
# exit, push() of exit methods, pop_all() transfer, nested stacks.
from contextlib import ExitStack, contextmanager, closing

log = []

class Resource:
    def __init__(self, name, fail_enter=False, swallow=False):
        self.name, self.fail_enter, self.swallow = name, fail_enter, swallow
    def __enter__(self):
        if self.fail_enter:
            raise OSError('cannot open ' + self.name)
        log.append('open ' + self.name)
        return self
    def __exit__(self, typ, val, tb):
        log.append('close %s %s' % (self.name, typ.__name__ if typ else '-'))
        return self.swallow

def open_all(names):
    with ExitStack() as stack:
        res = [stack.enter_context(Resource(n)) for n in names]
        log.append('using ' + ','.join(r.name for r in res))
        return len(res)
print(open_all(['a', 'b', 'c']), log)
log.clear()

try:
    with ExitStack() as stack:
        stack.enter_context(Resource('ok'))
        stack.enter_context(Resource('bad', fail_enter=True))
except OSError as e:
    print('OSError', e, log)
log.clear()

with ExitStack() as stack:
    stack.enter_context(Resource('swallower', swallow=True))
    stack.enter_context(Resource('inner'))
    raise KeyError('lost')
print('suppressed', log)
log.clear()

def exit_fn(typ, val, tb):
    log.append('exit_fn saw %s' % (typ.__name__ if typ else None))
    return False
with ExitStack() as stack:
    stack.push(exit_fn)
    stack.push(Resource('pushed'))
print(log)
log.clear()

def make_pair():
    with ExitStack() as stack:
        a = stack.enter_context(Resource('x'))
        b = stack.enter_context(Resource('y'))
        keep = stack.pop_all()
    log.append('after with')
    return keep
keep = make_pair()
keep.close()
print(log)
log.clear()

with ExitStack() as outer:
    outer.callback(log.append, 'outer cb')
    with ExitStack() as inner:
        inner.callback(log.append, 'inner cb')
        outer.enter_context(Resource('late'))
    log.append('between')
print(log)
log.clear()

@contextmanager
def step(n):
    log.append('enter %d' % n)
    yield n
    log.append('leave %d' % n)

with ExitStack() as stack:
    values = [stack.enter_context(step(i)) for i in range(3)]
    print(values)
print(log)

class Conn:
    def close(self):
        print('conn closed')
with ExitStack() as stack:
    c = stack.enter_context(closing(Conn()))
    print(type(c).__name__)
s = ExitStack()
print(s.__enter__() is s)
s.callback(print, 'manual close')
s.__exit__(None, None, None)
s.close()
