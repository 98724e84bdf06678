import types
class Fut:
    def __init__(self): self.v = None
    def __await__(self):
        r = yield self
        return r
async def leaf(x):
    v = await Fut()
    return x + v
async def mid():
    a = await leaf(1)
    b = await leaf(10)
    return a * b
class ACM:
    async def __aenter__(self):
        print('enter'); return 'res'
    async def __aexit__(self, t, v, tb):
        print('exit', t.__name__ if t else None); return True
class AIt:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    r = await mid()
    async with ACM() as x:
        print('body', x)
        raise ValueError('suppressed')
    total = 0
    async for i in AIt(4):
        if i == 3: continue
        total += i
    else:
        print('loop else')
    print('total', total)
    return r
c = main()
print(type(c).__name__, repr(c).startswith('<coroutine object main at'))
fut = c.send(None)
print(type(fut).__name__)
fut2 = c.send(5)
try:
    c.send(7)
except StopIteration as e:
    print('result', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
async def f(): return 1
co = f()
try:
    next(co)
except TypeError as e: print(e)
try:
    iter(co)
except TypeError as e: print(e)
co.close()
async def bad(): await 5
try: bad().send(None)
except TypeError as e: print(e)
w = f().__await__()
try: next(w)
except StopIteration as e: print('wrapper', e.value)
print(f.__code__.co_flags & 0x80 != 0, type(f()).__name__ == 'coroutine')
