# typing basics: reprs of aliases and special forms, builtin generics, unions, NamedTuple, TypedDict, Protocol.
import typing as t
from typing import *
print(repr(t.List['X']), t.Literal[1], t.Annotated[int, 'm'], t.Final[int], t.Type, t.Callable, t.Tuple, t.Dict, t.Union, t.Optional)
print(t.List[int], t.Dict[str, int], t.Optional[int], t.Union[int, str], t.Union[int, str, None], t.Optional[t.Union[int,str]])
print(t.Callable[[int, str], bool], t.Callable[..., int], t.Tuple[int, ...], t.Tuple[()], t.List, t.Any, t.Type[int], t.Iterable[int], t.Literal['a', 1], t.ClassVar[int])
T=t.TypeVar('T'); print(T, t.List[T], t.Dict[str, T][int])
class C(t.Generic[T]): pass
print(C[int], C.__orig_bases__, C.__mro__, C.__parameters__)
print(t.Union[int], t.Union[int, int], t.Optional[None])
print(t.Sequence[int].__origin__, t.get_args(t.Dict[str, int]), t.get_origin(t.List[int]))
print(list[int].__origin__, list[int].__args__, list[int]([1,2]), type(list[int]))
print(t.Union[int, str].__args__, t.Optional[int] == t.Union[None, int])
print(list[int], dict[str, int], tuple[int, ...], tuple[()], list[list[int]], list['X'], type[int])
print(int | None, int | str | None, list[int] | None, (int|str) == (str|int), int|int)
print(isinstance(3, int|str), issubclass(bool, int|None), type(int|None))
S=TypeVar('S', covariant=True); B=TypeVar('B', bound=int); print(S, B.__bound__, B.__name__)
class P(NamedTuple):
    x: int
    y: int = 0
    def total(self): return self.x + self.y
print(P(1), P(1,2).total(), P._fields, P.__annotations__, type(P).__name__, P.__mro__)
try:
    class Q(NamedTuple):
        x: int = 0
        y: int
except TypeError as e: print(e)
N = NewType('N', int); print(N, N(3))
try: List[int]()
except TypeError as e: print(e)
try: isinstance([], List[int])
except TypeError as e: print(e)
print(isinstance([], List), isinstance({}, Mapping), isinstance([], Iterable), isinstance(3, Hashable))
try: Optional[int, str]
except TypeError as e: print(e)
try: Union[()]
except TypeError as e: print(e)
print(get_type_hints(P))
def f(a: 'int', b: Optional[str] = None) -> None: pass
print(get_type_hints(f))
print(Union[int, Union[str, float]], Union[int, str] | None, Optional[int] | str)
class Pr(Protocol):
    def m(self) -> int: ...
try: isinstance(3, Pr)
except TypeError as e: print(e)
@runtime_checkable
class Pr2(Protocol):
    def m(self) -> int: ...
class Im:
    def m(self): return 1
print(isinstance(Im(), Pr2), isinstance(3, Pr2))
try: Pr()
except TypeError as e: print(e)
print(Pr2.__mro__, type(Pr2))
print(cast(int, 'x'), TYPE_CHECKING)
print(t.Any, repr(t.AnyStr), t.Text, t.NoReturn)
print(Callable[[int], str].__args__, get_args(Callable[[int], str]), get_origin(Optional[int]))
C2 = Dict[str, List[int]]; print(C2)
print(t.Sequence, t.Iterable[str], t.Mapping[str, int].__origin__)
class TD(TypedDict, total=False):
    a: int
print(TD.__total__, TD.__optional_keys__, type(TD), TD(a=1), type(TD(a=1)))
try: isinstance({}, TD)
except TypeError as e: print(e)
print(t.Tuple[int, str], t.FrozenSet[int], t.Set[int], t.DefaultDict[str,int], t.Deque[int], t.Counter[str], t.Generator[int, None, None], t.Iterator[int])
class G(Generic[T]): pass
print(type(G[int]()).__name__, G[int], G.__parameters__)
try: G[int, str]
except TypeError as e: print(e)
print(t.ClassVar, t.Literal, t.Final)
print(isinstance(print, Callable), isinstance(3, Callable))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(2))
@final
class Fin: pass
print(Fin.__final__)
