# PEP 604 unions: int | None in annotations, isinstance with unions, errors.
import types
from typing import Optional, Union

def parse(v: str | bytes | None = None) -> int | float:
    if v is None:
        return 0
    s = v.decode() if isinstance(v, bytes) else v
    return float(s) if '.' in s else int(s)
print(parse(), parse('3'), parse(b'2.5'), parse.__annotations__['v'], parse.__annotations__['return'])
Num = int | float
print(Num, type(Num) is types.UnionType, Num.__args__)
for v in (1, 2.5, 'x', True, None):
    print(repr(v), isinstance(v, Num), isinstance(v, int | None), isinstance(v, (str, int | float)))
print(issubclass(bool, Num), issubclass(str, Num), issubclass(type(None), int | None))
print(int | str | int, (int | str) | (float | None), int | (str | bytes))
print((int | str) == (str | int), (int | None) == (None | int), int | str == int | float, hash(int | str) == hash(str | int))
print(list[int] | dict[str, int], int | list[str] | None)
print((int | str) == Union[int, str], Optional[int] == (int | None))
print(int | Optional[str], Union[int, str] | None)
for bad in (lambda: int | 'str', lambda: int | 3, lambda: 3 | int):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
try:
    isinstance(1, int | list[int])
except TypeError as e:
    print('TypeError', e)
class Meta(type):
    pass
class A(metaclass=Meta):
    pass
print(A | None, isinstance(A(), A | int))
