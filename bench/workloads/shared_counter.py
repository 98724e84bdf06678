"""Shared writes: a lock-protected global counter (lock acquire/release under contention)."""
import threading

LOCK = threading.Lock()
STATE = [0]


def work(units):
    mine = 0
    for _ in range(units):
        for _ in range(50):
            with LOCK:
                STATE[0] += 1
            mine += 1
    return mine
