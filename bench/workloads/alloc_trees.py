"""Allocation-heavy: build and drop binary trees of small objects (allocator and refcount traffic)."""


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def work(units):
    total = 0
    for _ in range(units):
        total += check(make(7))
    return total
