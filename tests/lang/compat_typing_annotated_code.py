# Fully annotated code as written today: module-level aliases, Callable
# callbacks, Optional returns, generics in signatures, TypeVar-bound helpers.
from typing import (Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional,
                    Sequence, Set, Tuple, TypeVar, Union, Generator, DefaultDict, Deque,
                    Counter, Final, ClassVar, Literal, Hashable, Sized)
from collections import defaultdict, deque, Counter as CounterImpl

T = TypeVar('T')
K = TypeVar('K', bound=Hashable)
Number = Union[int, float]
Row = Tuple[str, int, float]
Callback = Callable[[str, int], Optional[str]]
MAX_ITEMS: Final = 3
Mode = Literal['fast', 'slow']

def chunks(xs: Sequence[T], n: int) -> Iterator[List[T]]:
    for i in range(0, len(xs), n):
        yield list(xs[i:i + n])

def group_by(items: Iterable[T], key: Callable[[T], K]) -> Dict[K, List[T]]:
    out: DefaultDict[K, List[T]] = defaultdict(list)
    for it in items:
        out[key(it)].append(it)
    return dict(out)

def mean(values: Iterable[Number]) -> Optional[float]:
    vals = list(values)
    return sum(vals) / len(vals) if vals else None

def fire(cbs: List[Callback], name: str) -> List[str]:
    results: List[str] = []
    for i, cb in enumerate(cbs):
        r = cb(name, i)
        if r is not None:
            results.append(r)
    return results

def countdown(n: int) -> Generator[int, None, str]:
    while n > 0:
        yield n
        n -= 1
    return 'done'

class Cache:
    hits: ClassVar[int] = 0
    def __init__(self, size: int = MAX_ITEMS, mode: Mode = 'fast') -> None:
        self.data: Dict[str, Any] = {}
        self.order: Deque[str] = deque()
        self.size = size
        self.mode = mode
    def get(self, key: str, default: Optional[T] = None) -> Union[Any, T]:
        if key in self.data:
            Cache.hits += 1
            return self.data[key]
        return default
    def put(self, key: str, value: Any) -> None:
        if key not in self.data and len(self.order) >= self.size:
            old = self.order.popleft()
            del self.data[old]
        if key not in self.data:
            self.order.append(key)
        self.data[key] = value

rows: List[Row] = [('a', 1, 0.5), ('b', 2, 1.5), ('a', 3, 2.5)]
print(list(chunks([1, 2, 3, 4, 5], 2)), list(chunks('abcde', 3)))
print(group_by(rows, lambda r: r[0]))
print(mean(r[2] for r in rows), mean([]))
print(fire([lambda n, i: '%s%d' % (n, i), lambda n, i: None], 'cb'))
gen = countdown(3)
print(list(gen))
c = Cache()
for k in 'abcd':
    c.put(k, ord(k))
print(c.get('a'), c.get('d'), c.get('zz', -1), Cache.hits, list(c.order), c.mode)
words: Counter[str] = CounterImpl('the cat and the hat'.split())
print(words.most_common(1))
seen: Set[Tuple[int, int]] = {(1, 2), (1, 2)}
print(len(seen), isinstance(seen, Sized), isinstance([], Hashable))
def apply(f: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return f(*args, **kwargs)
print(apply(max, 3, 9, 4), apply(sorted, [3, 1], reverse=True))
def lookup(m: Mapping[str, int], k: str) -> int:
    return m.get(k, 0)
print(lookup({'x': 1}, 'x'), lookup({}, 'y'))
print(Number, Row, Callback, Mode)
print(apply.__annotations__, mean.__annotations__['return'])
