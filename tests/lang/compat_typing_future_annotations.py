# PEP 563: from __future__ import annotations keeps annotations as strings, so
# forward references work unquoted; get_type_hints evaluates them.
"""Doc."""
from __future__ import annotations
from dataclasses import dataclass, fields
from typing import get_type_hints, Optional

@dataclass
class Node:
    value: int
    next: Node | None = None
    children: list[Node] = None

def walk(n: Node, depth: int=0) -> list[
        int]:
    out = []
    while n is not None:
        out.append(n.value)
        n = n.next
    return out

class Tree:
    root: Optional[Node]
    size: int = 0
    def insert(self, v: int) -> Tree:
        return self

n = Node(1, Node(2))
print(n, walk(n), walk.__annotations__, Node.__annotations__)
print([f.type for f in fields(Node)], Tree.__annotations__)
print(get_type_hints(Tree.insert), get_type_hints(walk))
x: UndefinedName = 3
print(__annotations__)
