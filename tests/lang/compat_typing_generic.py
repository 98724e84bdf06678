# typing: Generic classes, TypeVar substitution, Protocol, get_type_hints, error paths.
from typing import (TypeVar, Generic, Protocol, runtime_checkable, List, Dict, Optional,
                    Union, Callable, Iterator, get_type_hints, get_origin, get_args, Any,
                    ClassVar, Final, Literal, Tuple)

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item

class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v

class IntBox(Box[int]):
    pass

print(Box(3).get(), Box[int](4).get(), IntBox(5).get(), Box.__parameters__, IntBox.__parameters__)
print(Box[int], Pair[str, int], Pair[str, List[int]], IntBox.__orig_bases__, IntBox.__mro__)
print(Box[List[T]], Box[List[T]][int], Dict[K, V][str, int], Pair[K, V].__parameters__)
for bad in (lambda: Box[int, str], lambda: Generic[int], lambda: Box[int][str]):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
try:
    class Plain(Generic):
        pass
except TypeError as e:
    print('TypeError', e)

class Sized(Protocol):
    def size(self) -> int: ...

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...

class File:
    def close(self): print('closed')

def shutdown(c: Closer) -> None:
    c.close()

shutdown(File())
print(isinstance(File(), Closer), isinstance(3, Closer), issubclass(File, Closer))
try:
    issubclass(File, Sized)
except TypeError as e:
    print('TypeError', e)

class Node:
    children: List['Node']
    parent: Optional['Node'] = None
    label: ClassVar[str] = 'node'
    def walk(self, depth: int = 0) -> Iterator['Node']:
        yield self
hints = get_type_hints(Node)
print(hints['children'], hints['parent'], hints['label'])
print(get_type_hints(Node.walk))
def handler(cb: Callable[[int, str], bool], n: 'int' = 0) -> Dict[str, Any]:
    return {}
print(get_type_hints(handler))
print(get_origin(Dict[str, int]), get_args(Union[int, str]), get_origin(Literal['a']), get_args(Tuple[int, ...]))
print(get_origin(int), get_args(int), get_origin(list[int]), get_args(dict[str, int]))
print(Final[int], ClassVar[List[int]], Optional[Callable[..., None]])
try:
    Union[int, 3]
except TypeError as e:
    print('TypeError', e)
try:
    List[int, str]
except TypeError as e:
    print('TypeError', e)
try:
    Any()
except TypeError as e:
    print('TypeError', e)
try:
    isinstance(3, Union[int, List[int]])
except TypeError as e:
    print('TypeError', e)
print(isinstance(3, Union[int, str]), isinstance(3.0, Optional[int]))
