# Threads that create objects and exit while other threads keep them: the
# objects' owner is gone, so their counts must be merged, not lost and not
# freed early.  Waves of short-lived threads each build objects (lists,
# dicts, instances, closures, strings, bound methods, a reference cycle) and
# publish them in a shared list, then exit.  Meanwhile four long-lived reader
# threads keep picking published objects, taking and dropping references and
# verifying their contents; at the end the main thread verifies every object
# once more and drops them all (frees by a thread that never owned them).
# Invariants: every object is intact whenever anyone looks; every wave's
# objects are all there; the cycles are collectable afterwards.
import gc
import threading

from _stress import check, main, run_threads, scaled

WAVES = scaled(40)
PER_WAVE = 4
OBJECTS = 30
LOOKS = scaled(2000)  # per reader at most: under a GIL busy readers starve the creators
published = []
pub_lock = threading.Lock()
stop = threading.Event()


class Node:
    def __init__(self, wave, n):
        self.wave = wave
        self.n = n
        self.peer = None

    def key(self):
        return (self.wave, self.n)


def build(wave, t, j):
    n = (wave * PER_WAVE + t) * OBJECTS + j
    data = list(range(n % 9))
    node = Node(wave, n)
    other = Node(wave, -n)
    node.peer = other
    other.peer = node  # a cycle, left for the collector once dropped
    return {
        "n": n,
        "list": data,
        "dict": {"n": n, "s": "obj-%d" % n},
        "node": node,
        "method": node.key,
        "closure": (lambda: n * 2),
        "str": "s" + str(n) * 2,
    }


def verify(obj):
    n = obj["n"]
    check(obj["list"] == list(range(n % 9)), "list of %d damaged" % n)
    check(obj["dict"] == {"n": n, "s": "obj-%d" % n}, "dict of %d damaged" % n)
    node = obj["node"]
    check(node.n == n and node.peer.peer is node, "node of %d damaged" % n)
    check(obj["method"]() == (node.wave, n), "bound method of %d damaged" % n)
    check(obj["closure"]() == n * 2, "closure of %d damaged" % n)
    check(obj["str"] == "s" + str(n) * 2, "str of %d damaged" % n)


def creator(wave, t):
    objs = [build(wave, t, j) for j in range(OBJECTS)]
    with pub_lock:
        published.extend(objs)
    # Exit now: the objects outlive their owner.


def reader(i):
    looks = 0
    k = i
    while looks < LOOKS and (not stop.is_set() or looks == 0):
        size = len(published)
        if size:
            obj = published[(k * 7919) % size]
            verify(obj)
            held = [obj["list"], obj["node"], obj["closure"]]
            del held
            looks += 1
        k += 1
    return looks


def body():
    results = []

    def run_readers():
        try:
            results.append(run_threads(reader, 4))
        except Exception as e:
            results.append(e)

    readers = threading.Thread(target=run_readers)
    readers.start()
    for wave in range(WAVES):
        ts = [threading.Thread(target=creator, args=(wave, t)) for t in range(PER_WAVE)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    stop.set()
    readers.join()
    check(type(results[0]) is list, "readers: %s" % (results[0],))
    check(all(n > 0 for n in results[0]), "a reader never looked")
    check(len(published) == WAVES * PER_WAVE * OBJECTS,
          "published %d objects, expected %d" % (len(published), WAVES * PER_WAVE * OBJECTS))
    ns = sorted(obj["n"] for obj in published)
    check(ns == list(range(WAVES * PER_WAVE * OBJECTS)), "an object is missing or doubled")
    for obj in published:
        verify(obj)
    del published[:]
    gc.collect()


main("stress_thread_exit", body)
