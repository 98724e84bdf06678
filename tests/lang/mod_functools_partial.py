from functools import partial
p = partial(int, base=2); print(p('101'), repr(p), p.func, p.args, p.keywords)
q = partial(partial(max, 1), 5); print(q(3), q.args, repr(q), q.func is max)
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
g = partial(f, 1, d=4); print(g(2), g(2, 3, d=5), g(b=7))
h = partial(g, 2); print(h(), h.args, h.keywords)
class K:
    m = partial(f, 'x')
print(K.m(1), K().m(2))
try:
    partial(5)
except TypeError as e:
    print('TypeError', e)
