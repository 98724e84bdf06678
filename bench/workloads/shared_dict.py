"""Shared writes: every thread stores into and reads from one module-level dict (checksum: final size, fixed by the key set)."""

SHARED = {}


def work(units):
    for u in range(units):
        for i in range(50):
            SHARED[i] = u
            SHARED.get(i + 25)
    return len(SHARED)
