# The single operations Python programs rely on as atomic stay atomic with
# the GIL off: eight threads times N of L.append(x), d[k] = v (distinct and
# overlapping keys), s.add(x), deque.append(x), next() on one shared
# itertools.count, and dict.setdefault racing on the same keys.  Invariants:
# exact final counts; every appended value present once; next(count) never
# hands out a number twice; setdefault returns the one winning value to all.
import itertools
from collections import deque

from _stress import THREADS, check, main, run_threads, scaled

N = scaled(20000)
L = []
D = {}
SHARED = {}
S = set()
Q = deque()
C = itertools.count()
WIN = {}


def hammer(tid):
    base = tid * N
    got = []
    winners = []
    for i in range(N):
        L.append(base + i)
        D[base + i] = i
        SHARED[i] = tid  # every thread writes the same keys
        S.add(base + i)
        Q.append(i)
        if i % 4 == 0:
            got.append(next(C))
        if i % 64 == 0:
            winners.append(WIN.setdefault(i, tid))
    return got, winners


def body():
    results = run_threads(hammer)
    total = THREADS * N
    check(len(L) == total, "L.append: %d items, expected %d" % (len(L), total))
    check(sorted(L) == list(range(total)), "L.append lost or duplicated values")
    check(len(D) == total, "d[k] = v: %d keys, expected %d" % (len(D), total))
    check(all(D[k] == k % N for k in D), "d[k] = v stored a wrong value")
    check(len(SHARED) == N, "shared keys: %d, expected %d" % (len(SHARED), N))
    check(all(0 <= v < THREADS for v in SHARED.values()), "shared key holds a stranger")
    check(len(S) == total, "set.add: %d items, expected %d" % (len(S), total))
    check(len(Q) == total, "deque.append: %d items, expected %d" % (len(Q), total))
    taken = []
    for got, winners in results:
        taken += got
        for j, w in enumerate(winners):
            check(w == WIN[j * 64], "setdefault: thread saw %r, dict holds %r" % (w, WIN[j * 64]))
    check(len(set(taken)) == len(taken), "next(itertools.count()) handed out a number twice")
    check(sorted(taken) == list(range(len(taken))), "itertools.count skipped numbers")
    check(next(C) == len(taken), "itertools.count ended at the wrong value")


main("stress_atomic_ops", body)
