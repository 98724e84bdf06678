# Eight threads hammer one list: append, insert, extend, pop, remove, index,
# count, `in`, iterate, slice, sort, reverse, len.  Every value that enters
# the list is a fresh int unique to its thread (above the small-int cache, so
# a counted heap object that crosses owners).  Invariants: every element ever
# seen (iterating, slicing, at the end) is one of those ints; no value is ever
# counted twice; sort and reverse never raise; and at the end conservation
# holds exactly: the list's contents plus everything popped or removed is
# exactly what was added, each value once (nothing lost, nothing duplicated).
from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(4000)
BASE = 10 ** 7
L = []


def value(tid, seq):
    return BASE * (tid + 1) + seq


def valid(x):
    return type(x) is int and BASE <= x < BASE * (THREADS + 1) and x % BASE < 4 * ROUNDS


def hammer(tid):
    added = []
    taken = []
    seq = 0
    for r in range(ROUNDS):
        # Add three values: append, insert at the front, extend by one.
        a, b, c = value(tid, seq), value(tid, seq + 1), value(tid, seq + 2)
        seq += 3
        L.append(a)
        L.insert(0, b)
        L.extend([c])
        added += [a, b, c]
        # Take up to three back: pop at the end, pop at the front, remove one of ours.
        try:
            taken.append(L.pop())
        except IndexError:
            pass
        try:
            taken.append(L.pop(0))
        except IndexError:
            pass
        try:
            L.remove(c)  # c may already be gone (another thread popped it)
            taken.append(c)
        except ValueError:
            pass
        while len(L) > 64:  # keep the list short: index/count/in are linear
            try:
                taken.append(L.pop())
            except IndexError:
                pass
        # Reads.
        try:
            i = L.index(a)
            check(type(i) is int and i >= 0, "index returned %r" % (i,))
        except ValueError:
            pass
        n = L.count(b)
        check(n in (0, 1), "value %d counted %d times" % (b, n))
        _ = a in L
        check(len(L) >= 0, "negative len")
        if r % 8 == 0:
            for x in L:
                check(valid(x), "iteration saw %r" % (x,))
            snap = L[:]
            for x in snap:
                check(valid(x), "slice copy holds %r" % (x,))
        if r % 32 == tid:
            L.sort()
        if r % 32 == tid + 8:
            L.reverse()
    return added, taken


def body():
    results = run_threads(hammer)
    added = []
    taken = []
    for a, t in results:
        added += a
        taken += t
    for x in L:
        check(valid(x), "final list holds %r" % (x,))
    check(len(L) == len(added) - len(taken),
          "len %d != added %d - taken %d" % (len(L), len(added), len(taken)))
    check(sorted(L + taken) == sorted(added),
          "list + taken is not exactly what was added (lost or duplicated values)")
    L.sort()
    check(all(L[i] < L[i + 1] for i in range(len(L) - 1)), "final sort did not sort")
    del L[:]


main("stress_list", body)
