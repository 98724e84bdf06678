# collections.abc through abc's hooks: structural checks, registration, mixins.
from collections.abc import (Iterable, Iterator, Sized, Container, Hashable, Callable,
                             Sequence, MutableSequence, Mapping, MutableMapping, Set,
                             Generator, Collection, Reversible)

class Bag:
    def __init__(self, *items): self.items = list(items)
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
    def __contains__(self, x): return x in self.items

b = Bag(1, 2)
print(isinstance(b, Iterable), isinstance(b, Sized), isinstance(b, Container), isinstance(b, Collection))
print(isinstance(b, Iterator), isinstance(iter(b), Iterator), isinstance(b, Reversible))
print(isinstance([], Sequence), isinstance((), Sequence), isinstance('s', Sequence), isinstance({}, Sequence))
print(isinstance([], MutableSequence), isinstance((), MutableSequence), isinstance({}, MutableMapping))
print(isinstance({}, Mapping), isinstance(set(), Set), isinstance(frozenset(), Set), isinstance([], Set))
print(isinstance([], Hashable), isinstance((), Hashable), isinstance(3, Hashable))
print(isinstance(len, Callable), isinstance(Bag, Callable), isinstance(b, Callable))
print(isinstance((x for x in ()), Generator), isinstance(range(3), Sequence))
print(issubclass(list, Iterable), issubclass(int, Iterable), issubclass(dict, Collection))

class Registry(Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)

r = Registry(a=1, b=2)
print(r['a'], r.get('z', 0), 'b' in r, list(r.keys()), list(r.items()), list(r.values()))
print(r == {'a': 1, 'b': 2}, r == {'a': 1}, len(r))
try:
    class Partial(Mapping):
        def __getitem__(self, k): return 1
    Partial()
except TypeError as e:
    print(e)

class Stack(MutableSequence):
    def __init__(self): self._l = []
    def __getitem__(self, i): return self._l[i]
    def __setitem__(self, i, v): self._l[i] = v
    def __delitem__(self, i): del self._l[i]
    def __len__(self): return len(self._l)
    def insert(self, i, v): self._l.insert(i, v)

s = Stack()
s.append(1); s.extend([2, 3]); s += [4]
print(list(s), s.pop(), s.index(2), s.count(1), 3 in s, list(reversed(s)))
s.remove(2); s.reverse()
print(list(s))

class Evens(Set):
    def __init__(self, it): self._s = set(x for x in it if x % 2 == 0)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(sorted(self._s))
    def __len__(self): return len(self._s)

e = Evens(range(10))
print(sorted(e & Evens([2, 4, 11])), sorted(e | Evens([12])), e <= Evens(range(20)), e.isdisjoint([1, 3]))

class NoHash:
    __hash__ = None
print(isinstance(NoHash(), Hashable))
class Sized2:
    def __len__(self): return 0
Sized.register(Bag)
print(issubclass(Sized2, Sized), issubclass(Bag, Sized))
