"""I/O-bound: short sleeps (the interpreter must let other threads run while one waits)."""
import time


def work(units):
    for _ in range(units):
        time.sleep(0.002)
    return units
