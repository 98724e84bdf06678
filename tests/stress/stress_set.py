# Eight threads hammer two sets.  S: add, discard, remove, `in`, update,
# difference_update, iterate, copy, set algebra, len, with bursts that grow
# and shrink the table; every thread owns its values, so it must read back
# its own adds and removals exactly.  P: add and pop (pop takes an arbitrary
# element, from any thread), so conservation must hold at the end: P's
# contents plus everything popped is exactly what was added.  Values are
# fresh ints and run-time strings (lazily hashed, by whichever thread first).
from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(1500)
BASE = 10 ** 7
S = set()
P = set()


def valid(x):
    if type(x) is int:
        return BASE <= x < BASE * (THREADS + 2)
    return type(x) is str and x.startswith("s")


def hammer(tid):
    mine = []
    added = []
    popped = []
    for r in range(ROUNDS):
        a = BASE * (tid + 1) + r
        b = "s%d-%d" % (tid, r)
        S.add(a)
        S.update([b])
        mine += [a, b]
        check(a in S and b in S, "own add of %r/%r not visible" % (a, b))
        while len(mine) > 40:
            old = mine.pop(0)
            if type(old) is int:
                S.remove(old)  # KeyError here would mean someone else removed our value
            else:
                S.discard(old)
            check(old not in S, "own value %r still present after removal" % (old,))
        if r % 40 == tid:
            burst = [BASE * (THREADS + 1) + tid * 100000 + r * 64 + j for j in range(64)]
            S.update(burst)
            check(all(x in S for x in burst), "burst lost values")
            S.difference_update(burst)
            check(not any(x in S for x in burst), "burst values survived difference_update")
        if r % 10 == 0:
            try:
                for x in S:
                    check(valid(x), "iteration saw %r" % (x,))
            except RuntimeError:
                pass  # the set changed size during iteration, as CPython allows
            c = S.copy()
            check(all(valid(x) for x in c), "copy holds a stranger")
            u = c | {a}
            check(a in u and len(u) >= len(c), "union wrong")
            check(len(S & {a, b}) <= 2, "intersection wrong")
        # The pop set.
        p = BASE * (tid + 1) + ROUNDS + r
        P.add(p)
        added.append(p)
        if r % 2 == 1:
            try:
                popped.append(P.pop())
            except KeyError:
                pass
    return mine, added, popped


def body():
    results = run_threads(hammer)
    expected = set()
    added = []
    popped = []
    for mine, a, p in results:
        expected.update(mine)
        added += a
        popped += p
    check(S == expected, "S differs: %d missing, %d unexpected" % (len(expected - S), len(S - expected)))
    check(len(popped) == len(set(popped)), "a value was popped twice")
    check(len(P) + len(popped) == len(added), "P + popped count %d != added %d"
          % (len(P) + len(popped), len(added)))
    check(sorted(list(P) + popped) == sorted(added), "P + popped is not exactly what was added")
    S.clear()
    P.clear()


main("stress_set", body)
