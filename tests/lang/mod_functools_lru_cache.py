from functools import lru_cache, cache
@lru_cache(maxsize=2)
def sq(x):
    return x * x
print([sq(i) for i in [1, 2, 1, 3, 2, 1]], sq.cache_info())
sq.cache_clear(); print(sq.cache_info(), sq.cache_info().hits, sq.cache_parameters())
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), fib.__name__)
@cache
def f2(a, b=1):
    return a + b
print(f2(1), f2(1, b=2), f2(1), f2.cache_info())
@lru_cache(typed=True)
def t(x):
    return x
t(1); t(1.0); t(1); print(t.cache_info())
@lru_cache(maxsize=0)
def z(x):
    return x
z(1); z(1); print(z.cache_info())
@lru_cache(maxsize=None)
def u(*a, **k):
    return len(a) + len(k)
u(1, 2); u(1, 2); u(1, x=2); u(1, x=2); print(u.cache_info())
try:
    lru_cache('x')
except TypeError as e:
    print('TypeError', e)
