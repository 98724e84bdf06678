# A realistic program: a typed event bus with abstract handlers, context
# managers for transactions/subscriptions, and Protocol-typed sinks.
import abc
import contextlib
from dataclasses import dataclass, field
from enum import Enum
from typing import (Any, Callable, ClassVar, Dict, Generic, Iterator, List, Optional,
                    Protocol, Type, TypeVar, runtime_checkable)


class Level(Enum):
    DEBUG = 10
    INFO = 20
    ERROR = 40

    def __ge__(self, other: 'Level') -> bool:
        return self.value >= other.value


@dataclass(frozen=True)
class Event:
    topic: ClassVar[str] = 'event'
    source: str


@dataclass(frozen=True)
class UserCreated(Event):
    topic: ClassVar[str] = 'user.created'
    user: str = ''


@dataclass(frozen=True)
class PaymentFailed(Event):
    topic: ClassVar[str] = 'payment.failed'
    amount: int = 0
    reason: str = 'unknown'


E = TypeVar('E', bound=Event)


class Handler(abc.ABC, Generic[E]):
    handled: int = 0

    @abc.abstractmethod
    def handle(self, event: E) -> Optional[str]:
        ...

    @property
    @abc.abstractmethod
    def level(self) -> Level:
        ...

    def __call__(self, event: E) -> Optional[str]:
        self.handled += 1
        return self.handle(event)


@runtime_checkable
class Sink(Protocol):
    def write(self, line: str) -> None: ...


class ListSink:
    def __init__(self) -> None:
        self.lines: List[str] = []

    def write(self, line: str) -> None:
        self.lines.append(line)


class Welcome(Handler[UserCreated]):
    level = Level.INFO

    def handle(self, event: UserCreated) -> Optional[str]:
        return 'welcome %s (from %s)' % (event.user, event.source)


class Alert(Handler[PaymentFailed]):
    @property
    def level(self) -> Level:
        return Level.ERROR

    def handle(self, event: PaymentFailed) -> Optional[str]:
        if event.amount > 100:
            raise RuntimeError('large payment failed: %d' % event.amount)
        return 'payment of %d failed: %s' % (event.amount, event.reason)


class Bus:
    def __init__(self, sink: Sink) -> None:
        if not isinstance(sink, Sink):
            raise TypeError('sink must have a write() method, got %s' % type(sink).__name__)
        self.sink = sink
        self.handlers: Dict[str, List[Handler[Any]]] = {}
        self.min_level = Level.DEBUG

    def subscribe(self, kind: Type[Event], handler: Handler[Any]) -> Callable[[], None]:
        self.handlers.setdefault(kind.topic, []).append(handler)
        return lambda: self.handlers[kind.topic].remove(handler)

    @contextlib.contextmanager
    def subscribed(self, kind: Type[Event], handler: Handler[Any]) -> Iterator[Handler[Any]]:
        undo = self.subscribe(kind, handler)
        try:
            yield handler
        finally:
            undo()
            self.sink.write('unsubscribed %s' % type(handler).__name__)

    def publish(self, event: Event) -> int:
        delivered = 0
        for h in list(self.handlers.get(event.topic, [])):
            if not h.level >= self.min_level:
                continue
            try:
                msg = h(event)
            except RuntimeError as e:
                self.sink.write('[%s] handler %s failed: %s' % (h.level.name, type(h).__name__, e))
                continue
            if msg is not None:
                self.sink.write('[%s] %s' % (h.level.name, msg))
                delivered += 1
        return delivered


@contextlib.contextmanager
def transaction(sink: Sink, name: str) -> Iterator[List[Event]]:
    pending: List[Event] = []
    sink.write('begin %s' % name)
    try:
        yield pending
    except ValueError as e:
        sink.write('rollback %s: %s' % (name, e))
    else:
        sink.write('commit %s (%d events)' % (name, len(pending)))


sink = ListSink()
bus = Bus(sink)
try:
    Bus(object())
except TypeError as e:
    print(e)
try:
    Handler()
except TypeError as e:
    print(e)

welcome = Welcome()
bus.subscribe(UserCreated, welcome)
with bus.subscribed(PaymentFailed, Alert()) as alert:
    print(bus.publish(UserCreated('web', user='ann')))
    print(bus.publish(PaymentFailed('api', amount=50, reason='card expired')))
    print(bus.publish(PaymentFailed('api', amount=500)))
    print(alert.handled, isinstance(alert, Handler), issubclass(Alert, abc.ABC))
print(bus.publish(PaymentFailed('api', amount=5)))

with transaction(sink, 'batch-1') as tx:
    tx.append(UserCreated('cli', user='bob'))
    tx.append(UserCreated('cli', user='cy'))
    for ev in tx:
        bus.publish(ev)
with transaction(sink, 'batch-2') as tx:
    tx.append(UserCreated('cli', user='dee'))
    raise ValueError('validation failed')

bus.min_level = Level.ERROR
print(bus.publish(UserCreated('web', user='eve')), welcome.handled)

with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.callback(sink.write, 'cleanup %d' % i)
    stack.enter_context(contextlib.suppress(KeyError))
    {}['missing']

with contextlib.suppress(AttributeError):
    UserCreated('x').user = 'mutated'
print(UserCreated('x', 'y') == UserCreated('x', 'y'), UserCreated.topic, PaymentFailed('s'))
for line in sink.lines:
    print(line)
