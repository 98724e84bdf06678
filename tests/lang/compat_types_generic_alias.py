# Builtin generics (PEP 585): list[int] and friends are types.GenericAlias objects.
import types
from collections import deque, defaultdict, OrderedDict, Counter

aliases = [list[int], dict[str, float], set[bytes], frozenset[int], tuple[int, str],
           tuple[int, ...], type[str], deque[int], defaultdict[str, list[int]],
           OrderedDict[str, int], Counter[str], list[dict[str, tuple[int, ...]]]]
for a in aliases:
    print(a, a.__origin__.__name__, a.__args__, isinstance(a, types.GenericAlias))
print(list[int]('abc'), dict[str, int](a=1), tuple[int, ...]([1, 2]), deque[int]([1, 2], maxlen=1))
print(list[int] == list[int], list[int] == list[str], list[int] != list, hash(list[int]) == hash(list[int]))
print({list[int]: 'a', list[int]: 'b'})
print(type(list[int]) is types.GenericAlias, list[int].__origin__ is list)
class MyList(list[int]):
    pass
ml = MyList([3, 1, 2])
ml.sort()
print(ml, MyList.__mro__, MyList.__orig_bases__)
for bad in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
try:
    int[str]
except TypeError as e:
    print('TypeError', e)
try:
    object()[1]
except TypeError as e:
    print('TypeError', e)
def scale(xs: list[float], by: float = 2.0) -> list[float]:
    return [x * by for x in xs]
print(scale([1.0, 2.5]), scale.__annotations__)
Matrix = list[list[float]]
def ident(n: int) -> Matrix:
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
print(ident(2), Matrix)
