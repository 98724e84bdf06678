# One module-level instance read by every thread through its attributes and
# methods, while one thread rebinds its attributes and replaces its whole
# __dict__, and another runs the cycle collector.
#
# In the free-threaded build a global instance read by other threads is
# counted deferred (gc/deferred_rc.h), and so is its __dict__ once another
# thread reads an attribute (vm/instance_slots.h): the reads touch no shared
# counter, and a replaced dict or value dies at the next collection.  The
# invariants: every value read is intact and belongs to its attribute (no
# dict or value freed under a reader), and once the threads are done and a
# collection has run, exactly the payloads still bound are alive (nothing
# leaked by the deferral, nothing freed early).
import gc
import threading

from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(4000)
live_lock = threading.Lock()
live = [0]


class Payload:
    def __init__(self, name, n):
        self.name = name
        self.n = n
        self.text = "%s:%d" % (name, n)
        with live_lock:
            live[0] += 1

    def __del__(self, lock=live_lock, live=live):
        with lock:
            live[0] -= 1

    def intact(self, name):
        return self.name == name and self.text == "%s:%d" % (name, self.n)


class Shared:
    def __init__(self):
        self.left = Payload("left", 0)
        self.right = Payload("right", 0)

    def read_left(self):
        return self.left

    def both_intact(self):
        return self.left.intact("left") and self.right.intact("right")


SHARED = Shared()


def hammer(tid):
    bad = 0
    for r in range(ROUNDS):
        if tid == 0:
            if r % 50 == 49:
                SHARED.__dict__ = {"left": Payload("left", r), "right": Payload("right", r)}
            elif r % 2:
                SHARED.left = Payload("left", r)
            else:
                SHARED.right = Payload("right", r)
        elif tid == 1 and r % 400 == 0:
            gc.collect()
        else:
            if not SHARED.read_left().intact("left"):
                bad += 1
            if not SHARED.right.intact("right"):
                bad += 1
            if not SHARED.both_intact():
                bad += 1
            if not SHARED.__dict__["left"].intact("left"):
                bad += 1
    check(bad == 0, "%d torn or foreign attribute values" % bad)
    return bad


def body():
    check(THREADS >= 3, "needs a writer, a collector and readers")
    run_threads(hammer)
    check(SHARED.both_intact(), "final attributes torn")
    gc.collect()
    gc.collect()
    with live_lock:
        n = live[0]
    check(n == 2, "%d payloads alive after the collection, not the 2 still bound" % n)


main("stress_shared_instance", body)
