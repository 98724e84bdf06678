from collections import OrderedDict
od = OrderedDict(); od['a'] = 1; od['b'] = 2; od['c'] = 3
od.move_to_end('a'); print(od); od.move_to_end('c', last=False); print(od, list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), repr(OrderedDict()))
o = OrderedDict.fromkeys('xyz', 0); print(o, o.pop('y'), o.setdefault('w', 5), o)
o.update([('q', 1)], r=2); print(o, list(o.keys()), list(o.values()), list(reversed(o)))
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    o.move_to_end('missing')
except KeyError as e:
    print('KeyError', e)
c = o.copy(); print(c == o, c is o, type(c).__name__, isinstance(o, dict))
