"""Shared writes: one queue.Queue between producers and consumers (each thread puts a batch, then gets a batch, often another thread's items): Lock and Condition hand-offs."""
import queue

QUEUE = queue.Queue()


def work(units):
    # A thread gets only after putting as many items, so whatever the
    # interleaving the queue holds an item for every get that is waiting:
    # get() may block briefly (waking on another thread's put), never forever.
    got = 0
    for u in range(units):
        for i in range(10):
            QUEUE.put(i)
        for _ in range(10):
            QUEUE.get()
            got += 1
    return got
