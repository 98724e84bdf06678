# The cycle collector under parallel mutators: seven threads build reference
# cycles (instances with __del__, self-referencing lists and dicts), hand
# containers to each other (frees by a thread other than the allocating one),
# keep some cycles alive and check they stay whole, and start short-lived
# threads that leave cycles behind when they exit (the orphan list); one
# thread calls gc.collect() over and over meanwhile, and automatic
# collections run too.  Invariants: a cycle still referenced is never broken;
# afterwards every instance ever created is finalized exactly once; in the
# debug build the exit-time leak check makes it a leak test too.
import gc
import threading

from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(300)
KEEP = 8
created = []   # names of every Node made (list.append is atomic)
freed = []     # names of every Node finalized
done = []      # one entry per finished worker
exchange = []  # containers passed between threads


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
        self.payload = [name, {name: name}]
        created.append(name)

    def __del__(self):
        freed.append(self.name)


def make_cycle(name):
    a = Node(name + "a")
    b = Node(name + "b")
    a.other = b
    b.other = a
    return a


def intact(a, name):
    return (a.name == name + "a" and a.other.name == name + "b" and a.other.other is a
            and a.payload[0] == a.name and a.payload[1][a.name] == a.name)


def orphan_maker(name):
    # Leaves two cycles behind and exits.
    make_cycle(name + "x")
    l = [name]
    l.append(l)


def mutator(tid):
    keep = []
    for r in range(ROUNDS):
        name = "%d-%d-" % (tid, r)
        a = make_cycle(name)
        keep.append((a, name))
        if len(keep) > KEEP:
            keep.pop(0)
        old, old_name = keep[0]
        check(intact(old, old_name), "a referenced cycle was broken: " + old_name)
        d = {"self": None}
        d["self"] = d
        l = [d]
        l.append(l)
        # Cross-thread frees: give a fresh container away, drop someone's.
        exchange.append([name, {"k": r}])
        try:
            exchange.pop(0)
        except IndexError:
            pass
        if r % 50 == 0:
            t = threading.Thread(target=orphan_maker, args=(name,))
            t.start()
            t.join()
    done.append(tid)
    return len(keep)


def collector():
    runs = 0
    while len(done) < THREADS - 1:
        n = gc.collect()
        check(n >= 0, "gc.collect() returned %r" % (n,))
        c = gc.get_count()
        check(len(c) == 3 and c[0] >= 0, "gc.get_count() returned %r" % (c,))
        runs += 1
    return runs


def worker(i):
    if i == 0:
        return collector()
    return mutator(i)


def body():
    check(gc.isenabled(), "gc starts enabled")
    results = run_threads(worker)
    check(results[0] >= 1, "the collector thread never collected")
    del exchange[:]
    gc.collect()
    gc.collect()
    check(len(created) == (THREADS - 1) * ROUNDS * 2 + (THREADS - 1) * ((ROUNDS + 49) // 50) * 2,
          "created %d nodes" % len(created))
    check(len(freed) == len(created),
          "finalized %d of %d nodes" % (len(freed), len(created)))
    check(sorted(freed) == sorted(created), "a node was finalized twice or never")
    check(gc.isenabled(), "gc still enabled")


main("stress_gc_cycles", body)
