"""Shared writes: every thread appends to and pops from one module-level list (checksum: items this thread moved)."""

SHARED = []


def work(units):
    moved = 0
    for u in range(units):
        for i in range(40):
            SHARED.append(i)
        for _ in range(40):
            SHARED.pop()
            moved += 1
    return moved
