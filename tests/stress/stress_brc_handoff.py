# Biased reference counting's hand-offs (gc/brc.h): the last reference to an
# object is dropped by a thread that does not own it, so its shared count
# would go negative and the object is queued to its owner -- while the owner
# is busy, blocked, or already gone.  Each object counts its own __del__:
#   A. the main thread makes objects, workers drop the last references while
#      main is blocked in join (queued to main; merged at its next check);
#   B. producers make objects and block on an event while consumers drop
#      them (queued to blocked owners), then run on and exit (exit merge);
#   C. producers make objects and exit at once; consumers drop them later
#      (the owner is gone: the dropping thread merges by itself);
#   D. an owner keeps one extra reference to each object and drops it after
#      the others have dropped theirs (owner's count reaches zero: merged).
# Invariants: every object is finalized exactly once, none early (contents
# intact when dropped), none leaked (the count of __del__ calls is exact
# once every thread has been joined).
import queue
import threading
import time

from _stress import THREADS, check, main, run_threads, scaled

N = scaled(400)
lock = threading.Lock()
deleted = {}


class Obj:
    def __init__(self, tag, seq):
        self.tag = tag
        self.seq = seq
        self.payload = [seq, tag, (seq, tag)]

    def intact(self):
        return self.payload == [self.seq, self.tag, (self.seq, self.tag)]

    def __del__(self):
        with lock:
            key = (self.tag, self.seq)
            deleted[key] = deleted.get(key, 0) + 1


def wait_deleted(tag, n):
    # Queued objects are freed when their owner next checks its eval
    # breaker; calls are such checks.
    for _ in range(2000):
        with lock:
            got = sum(1 for (t, _s) in deleted if t == tag)
        if got >= n:
            break
        time.sleep(0.001)
    with lock:
        keys = [k for k in deleted if k[0] == tag]
        twice = [k for k in keys if deleted[k] != 1]
    check(not twice, "%s: finalized more than once: %r" % (tag, twice[:5]))
    check(len(keys) == n, "%s: %d of %d objects finalized" % (tag, len(keys), n))


def scenario_a():
    objs = [Obj("a", i) for i in range(N)]
    parts = [objs[i::THREADS] for i in range(THREADS)]
    del objs

    def drop(i):
        mine = parts[i]
        parts[i] = None
        ok = all(o.intact() for o in mine)
        del mine  # the last references, dropped by a non-owner
        return ok

    check(all(run_threads(drop)), "a: object damaged before its drop")
    wait_deleted("a", N)


def scenario_b():
    q = queue.Queue()
    release = threading.Event()
    per = max(1, N // THREADS)

    def producer(i):
        for s in range(per):
            q.put(Obj("b", i * per + s))
        release.wait()  # blocked while consumers drop our objects
        # Running again: later calls merge what was queued to us.
        return sum(range(100))

    def consumer(i):
        ok = True
        for _ in range(per):
            o = q.get()
            ok = ok and o.intact()
            del o
        return ok

    results = []
    producers = [threading.Thread(target=lambda i=i: results.append(producer(i)))
                 for i in range(THREADS // 2)]
    for t in producers:
        t.start()
    oks = []
    consumers = [threading.Thread(target=lambda: oks.append(consumer(0)))
                 for _ in range(THREADS // 2)]
    for t in consumers:
        t.start()
    for t in consumers:
        t.join()
    release.set()
    for t in producers:
        t.join()
    check(all(oks) and len(oks) == THREADS // 2, "b: object damaged before its drop")
    wait_deleted("b", per * (THREADS // 2))


def scenario_c():
    q = queue.Queue()
    per = max(1, N // THREADS)

    def producer(i):
        for s in range(per):
            q.put(Obj("c", i * per + s))

    producers = [threading.Thread(target=producer, args=(i,)) for i in range(THREADS // 2)]
    for t in producers:
        t.start()
    for t in producers:
        t.join()  # every owner is gone before anything is dropped

    def consumer(i):
        ok = True
        while True:
            try:
                o = q.get_nowait()
            except queue.Empty:
                return ok
            ok = ok and o.intact()
            del o

    check(all(run_threads(consumer)), "c: object damaged before its drop")
    wait_deleted("c", per * (THREADS // 2))


def scenario_d():
    handed = queue.Queue()
    dropped = threading.Event()
    per = max(1, N // THREADS)
    count = per * (THREADS // 2)
    oks = []

    def owner():
        mine = [Obj("d", s) for s in range(count)]
        for o in mine:
            handed.put(o)
        dropped.wait()
        oks.append(all(o.intact() for o in mine))
        del mine  # our local counts reach zero after the others dropped theirs

    def dropper(i):
        for _ in range(per):
            o = handed.get()
            o.tag  # touch it
            del o

    t = threading.Thread(target=owner)
    t.start()
    droppers = [threading.Thread(target=dropper, args=(i,)) for i in range(THREADS // 2)]
    for d in droppers:
        d.start()
    for d in droppers:
        d.join()
    dropped.set()
    t.join()
    check(oks == [True], "d: object damaged while the owner held it")
    wait_deleted("d", count)


def body():
    for _ in range(scaled(3)):
        deleted.clear()
        scenario_a()
        scenario_b()
        scenario_c()
        scenario_d()


main("stress_brc_handoff", body)
