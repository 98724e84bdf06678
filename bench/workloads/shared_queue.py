"""Shared writes: one deque used as a producer/consumer queue; each thread pushes a batch, then pops a batch."""
from collections import deque

QUEUE = deque()


def work(units):
    # Each thread pops only after pushing as many items, so the queue is never
    # empty when it pops, whatever the interleaving.
    consumed = 0
    for u in range(units):
        for i in range(30):
            QUEUE.append(i)
        for _ in range(30):
            QUEUE.popleft()
            consumed += 1
    return consumed
