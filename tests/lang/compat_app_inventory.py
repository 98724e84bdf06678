# A realistic program: a small inventory/order system written the way people
# write modern Python - dataclasses, enums, typing annotations, no tricks.
from __future__ import annotations

from dataclasses import dataclass, field, asdict, replace
from enum import Enum, IntEnum, auto
from typing import Dict, List, Optional, Iterable, Tuple
from collections import defaultdict


class Category(Enum):
    TOOLS = auto()
    GARDEN = auto()
    KITCHEN = auto()

    def __str__(self) -> str:
        return self.name.title()


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    URGENT = 3


class OrderState(Enum):
    NEW = 'new'
    PACKED = 'packed'
    SHIPPED = 'shipped'
    CANCELLED = 'cancelled'

    def can_move_to(self, other: 'OrderState') -> bool:
        allowed = {
            OrderState.NEW: {OrderState.PACKED, OrderState.CANCELLED},
            OrderState.PACKED: {OrderState.SHIPPED, OrderState.CANCELLED},
        }
        return other in allowed.get(self, set())


class InventoryError(Exception):
    pass


@dataclass(frozen=True, order=True)
class Sku:
    code: str

    def __str__(self) -> str:
        return self.code


@dataclass
class Item:
    sku: Sku
    name: str
    category: Category
    price_cents: int
    stock: int = 0
    tags: List[str] = field(default_factory=list)

    @property
    def price(self) -> str:
        return '%d.%02d' % divmod(self.price_cents, 100)


@dataclass
class OrderLine:
    sku: Sku
    qty: int

    def __post_init__(self) -> None:
        if self.qty <= 0:
            raise ValueError('quantity must be positive, got %d' % self.qty)


@dataclass
class Order:
    number: int
    lines: List[OrderLine]
    priority: Priority = Priority.NORMAL
    state: OrderState = OrderState.NEW
    note: Optional[str] = None
    history: List[Tuple[str, str]] = field(default_factory=list, repr=False)

    def move(self, new_state: OrderState) -> None:
        if not self.state.can_move_to(new_state):
            raise InventoryError('order %d: cannot go from %s to %s'
                                 % (self.number, self.state.value, new_state.value))
        self.history.append((self.state.value, new_state.value))
        self.state = new_state


class Inventory:
    def __init__(self, items: Iterable[Item]) -> None:
        self.items: Dict[Sku, Item] = {it.sku: it for it in items}
        self.orders: List[Order] = []

    def reserve(self, order: Order) -> None:
        for line in order.lines:
            item = self.items.get(line.sku)
            if item is None:
                raise InventoryError('unknown sku %s' % line.sku)
            if item.stock < line.qty:
                raise InventoryError('not enough %s: have %d, need %d'
                                     % (item.name, item.stock, line.qty))
        for line in order.lines:
            self.items[line.sku].stock -= line.qty
        self.orders.append(order)

    def total(self, order: Order) -> int:
        return sum(self.items[l.sku].price_cents * l.qty for l in order.lines)

    def by_category(self) -> Dict[Category, List[str]]:
        out: Dict[Category, List[str]] = defaultdict(list)
        for it in sorted(self.items.values(), key=lambda i: i.sku):
            out[it.category].append(it.name)
        return dict(out)

    def low_stock(self, threshold: int = 3) -> List[Item]:
        return [it for it in self.items.values() if it.stock <= threshold]


inv = Inventory([
    Item(Sku('T-100'), 'hammer', Category.TOOLS, 1299, stock=5, tags=['steel']),
    Item(Sku('G-200'), 'rake', Category.GARDEN, 2450, stock=2),
    Item(Sku('K-300'), 'whisk', Category.KITCHEN, 399, stock=10),
    Item(Sku('T-101'), 'saw', Category.TOOLS, 1875, stock=1),
])
print(inv.items[Sku('T-100')])
print({str(k): v for k, v in inv.by_category().items()})

orders = [
    Order(1, [OrderLine(Sku('T-100'), 2), OrderLine(Sku('K-300'), 3)]),
    Order(2, [OrderLine(Sku('G-200'), 5)], priority=Priority.URGENT),
    Order(3, [OrderLine(Sku('T-101'), 1)], priority=Priority.LOW, note='gift'),
    Order(4, [OrderLine(Sku('X-999'), 1)]),
]
for o in sorted(orders, key=lambda o: (-o.priority, o.number)):
    try:
        inv.reserve(o)
        print('reserved #%d (%s) total %d.%02d' % ((o.number, o.priority.name) + divmod(inv.total(o), 100)))
    except InventoryError as e:
        print('failed #%d: %s' % (o.number, e))

try:
    OrderLine(Sku('T-100'), 0)
except ValueError as e:
    print('ValueError:', e)

first = inv.orders[0]
first.move(OrderState.PACKED)
first.move(OrderState.SHIPPED)
try:
    first.move(OrderState.NEW)
except InventoryError as e:
    print(e)
print(first.state, first.history, repr(first.priority))
print(first)

print([(it.name, it.stock, it.price) for it in inv.low_stock()])
snapshot = asdict(inv.items[Sku('T-100')])
print(snapshot)
cheaper = replace(inv.items[Sku('K-300')], price_cents=349)
print(cheaper.price, inv.items[Sku('K-300')].price, cheaper == inv.items[Sku('K-300')])

by_state: Dict[OrderState, int] = {}
for o in inv.orders:
    by_state[o.state] = by_state.get(o.state, 0) + 1
print(sorted((s.value, n) for s, n in by_state.items()))
print([p for p in Priority if p >= Priority.NORMAL], Priority(3), Category.GARDEN, Category['KITCHEN'].value)
print(sorted(inv.items)[:2], Sku('A') < Sku('B'), len({Sku('A'), Sku('A')}))
