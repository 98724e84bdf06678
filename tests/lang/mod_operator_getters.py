import operator
from operator import itemgetter, attrgetter, methodcaller
print(itemgetter(1)([1, 2]), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 5}), itemgetter(slice(1, None))([1, 2, 3]))
print(attrgetter('real')(3), methodcaller('upper')('a'), methodcaller('split', ',')('a,b'), methodcaller('replace', 'a', count=1, new='b')('aa') if False else '')
class O: pass
o = O(); o.a = O(); o.a.b = 5; o.c = 'c'; print(attrgetter('a.b')(o), attrgetter('a.b', 'c')(o))
print(repr(itemgetter(1)), repr(itemgetter(1, 'a')), repr(attrgetter('x')), repr(attrgetter('x', 'y.z')), repr(methodcaller('f', 1, k=2)))
data = [('b', 2), ('a', 2), ('c', 1)]
print(sorted(data, key=itemgetter(1)), sorted(data, key=itemgetter(1, 0)), max(data, key=itemgetter(1)))
try:
    attrgetter(1)
except TypeError as e:
    print('TypeError', e)
try:
    attrgetter('zz')(o)
except AttributeError:
    print('AttributeError')
