# types.SimpleNamespace as config objects, nested and recursive reprs, equality.
from types import SimpleNamespace

cfg = SimpleNamespace(host='localhost', port=8080, debug=False)
cfg.db = SimpleNamespace(name='app', pool=5)
print(cfg)
print(cfg.db.name, cfg.port + 1, sorted(vars(cfg)))
cfg.port = 9090
del cfg.debug
print(cfg, hasattr(cfg, 'debug'))
a = SimpleNamespace(x=1, y=[1, 2])
b = SimpleNamespace(y=[1, 2], x=1)
print(a == b, a != b, a == SimpleNamespace(x=1), a == {'x': 1, 'y': [1, 2]})
loop = SimpleNamespace(name='loop')
loop.self = loop
print(loop)
empty = SimpleNamespace()
print(empty, empty == SimpleNamespace(), len(vars(empty)))
settings = SimpleNamespace(**{'mode': 'fast', 'level': 3})
print(settings.mode, settings.level, getattr(settings, 'missing', None))
class Config(SimpleNamespace):
    def describe(self):
        return ', '.join('%s=%s' % kv for kv in sorted(vars(self).items()))
c = Config(b=2, a=1)
print(c, c.describe(), isinstance(c, SimpleNamespace), c == SimpleNamespace(a=1, b=2))
items = [SimpleNamespace(name=n, score=s) for n, s in [('x', 3), ('y', 1), ('z', 2)]]
print([i.name for i in sorted(items, key=lambda i: i.score)])
try:
    SimpleNamespace(1)
except TypeError as e:
    print('TypeError')
try:
    {a: 1}
except TypeError as e:
    print('TypeError unhashable')
