# Lock-free list reads (vm/types/list.h, "Thread safety") against writers.
# Six readers hammer single-item reads of shared lists -- L[i] (negative too),
# len(L), `for x in L`, reversed(L), `x in L`, iterators shared between
# readers -- while two writers change the same lists under them: append and
# extend bursts (the item array grows and is replaced), pop()/pop(0) and
# del of slices (it shrinks and is replaced), insert(0, x) (every slot moves),
# L[i] = fresh record (the old record dies at once), sort() and reverse().
# Invariants:
#   * every item a reader gets is a well-formed record some writer made
#     (("rec", n, n * 7 + 1)), never a dead or foreign object;
#   * a list nobody mutates reads back exactly (items, sums, `in`);
#   * a shared iterator hands out each index once: the readers sharing it
#     together see every item of the (unmutated) list exactly once;
#   * at the end each mutated list holds exactly the records added minus
#     the records removed (counted by the writers), all distinct.
from _stress import THREADS, check, main, run_threads, scaled

WRITERS = 2
ROUNDS = scaled(300)
BIG = 10 ** 9  # record numbers beyond the small-int cache: real objects

# Each mutated list starts with records in it, and writers add more than they
# remove each round, so a reader that runs before any writer (the GIL may
# schedule it first) still has items to read.
PREFILL = 50
LISTS = [[("rec", n, n * 7 + 1) for n in range(BIG * (w + 2) - PREFILL, BIG * (w + 2))]
         for w in range(2)]
STABLE = [("rec", BIG + i, (BIG + i) * 7 + 1) for i in range(200)]
STABLE_SUM = sum(r[1] for r in STABLE)
SHARED_ITER = None


def rec(n):
    return ("rec", n, n * 7 + 1)


def ok(r):
    return type(r) is tuple and len(r) == 3 and r[0] == "rec" and r[2] == r[1] * 7 + 1


def writer(w):
    L = LISTS[w]
    added = removed = 0
    seq = 0

    def fresh():
        nonlocal seq
        seq += 1
        return rec(BIG * (w + 2) + seq)

    for rnd in range(ROUNDS):
        burst = [fresh() for _ in range(40)]
        L.extend(burst)
        added += len(burst)
        for _ in range(20):
            L.append(fresh())
            added += 1
        L.insert(0, fresh())
        added += 1
        for i in range(0, 30, 3):
            try:
                L[i] = fresh()  # the old record dies now
            except IndexError:
                pass
        if rnd % 7 == 0:
            L.sort(key=lambda r: r[1])
        if rnd % 5 == 0:
            L.reverse()
        for _ in range(25):
            try:
                L.pop()
                removed += 1
            except IndexError:
                pass
        for _ in range(10):
            try:
                L.pop(0)
                removed += 1
            except IndexError:
                pass
        n = len(L)
        if n > 200:
            # Shrink hard: the array is replaced by a smaller one.
            k = n - 20
            del L[:k]
            removed += k
    return added, removed


def reader(r):
    seen = 0
    for rnd in range(ROUNDS):
        L = LISTS[rnd % 2]
        n = len(L)
        for i in range(-3, n + 3, 3):
            try:
                x = L[i]
            except IndexError:
                continue
            check(ok(x), "L[%d] gave %r" % (i, x))
            seen += 1
        for x in L:
            check(ok(x), "iteration gave %r" % (x,))
        for x in reversed(L):
            check(ok(x), "reversed iteration gave %r" % (x,))
        check(rec(-1) not in L, "a record never added was found")
        # The list nobody mutates reads back exactly.
        check(STABLE[rnd % 200] is STABLE[rnd % 200 - 200], "stable index")
        if rnd % 10 == 0:
            check(sum(x[1] for x in STABLE) == STABLE_SUM, "stable sum")
            check(rec(BIG + rnd % 200) in STABLE, "stable membership")
    return seen


def shared_iter_reader(r):
    got = []
    for x in SHARED_ITER:
        got.append(x[1])
    return got


def body():
    global SHARED_ITER

    def worker(i):
        return writer(i) if i < WRITERS else reader(i)

    results = run_threads(worker)
    for w in range(WRITERS):
        added, removed = results[w]
        L = LISTS[w]
        check(len(L) == PREFILL + added - removed,
              "list %d: %d items, %d + %d added - %d removed" % (w, len(L), PREFILL, added, removed))
        check(all(ok(x) for x in L), "list %d: malformed record at the end" % w)
        check(len(set(x[1] for x in L)) == len(L), "list %d: a record twice" % w)
    check(sum(results[WRITERS:]) > 0, "readers read nothing")

    # One iterator shared by every thread: each item exactly once.
    big = [rec(BIG + i) for i in range(scaled(20000))]
    SHARED_ITER = iter(big)
    parts = run_threads(shared_iter_reader, THREADS)
    every = sorted(n for part in parts for n in part)
    check(every == [BIG + i for i in range(len(big))],
          "shared iterator: %d items handed out for %d" % (len(every), len(big)))


main("stress_list_readers", body)
