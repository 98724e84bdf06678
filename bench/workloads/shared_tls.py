"""Shared reads: attributes of one module-level threading.local object (each thread its own values)."""
import threading

LOCAL = threading.local()


def work(units):
    LOCAL.count = 0
    LOCAL.step = 3
    for _ in range(units):
        for _ in range(50):
            LOCAL.count += LOCAL.step
        LOCAL.count %= 1000003
    return LOCAL.count
