# Eight threads hammer one deque D: append, appendleft, extend, extendleft,
# pop, popleft, remove, rotate, reverse, count, `in`, index, iterate, copy,
# len; and a bounded deque B (maxlen 64) that all threads append to from both
# ends.  Invariants: every element seen is a value some thread added; no
# value is counted twice; B never holds more than maxlen; iteration that races
# a mutation may raise RuntimeError (as in CPython) but never yields a
# stranger; at the end conservation holds exactly for D: its contents plus
# everything popped or removed is exactly what was added.
from collections import deque

from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(2000)
BASE = 10 ** 7
D = deque()
B = deque(maxlen=64)


def valid(x):
    return type(x) is int and BASE <= x < BASE * (THREADS + 1)


def hammer(tid):
    added = []
    taken = []
    seq = 0
    for r in range(ROUNDS):
        a, b, c, e = (BASE * (tid + 1) + seq + j for j in range(4))
        seq += 4
        D.append(a)
        D.appendleft(b)
        D.extend([c])
        D.extendleft([e])
        added += [a, b, c, e]
        for take in (D.pop, D.popleft, D.pop):
            try:
                taken.append(take())
            except IndexError:
                pass
        try:
            D.remove(c)
            taken.append(c)
        except ValueError:
            pass
        while len(D) > 64:
            try:
                taken.append(D.popleft())
            except IndexError:
                pass
        n = D.count(a)
        check(n in (0, 1), "value %d counted %d times" % (a, n))
        _ = b in D
        try:
            D.index(e)
        except ValueError:
            pass
        if r % 16 == tid:
            D.rotate(3)
        if r % 16 == tid + 8:
            D.reverse()
        B.append(a)
        B.appendleft(b)
        check(len(B) <= 64, "bounded deque grew to %d" % len(B))
        if r % 8 == 0:
            try:
                for x in D:
                    check(valid(x), "iteration saw %r" % (x,))
            except RuntimeError:
                pass  # deque mutated during iteration, as CPython allows
            for x in D.copy():
                check(valid(x), "copy holds %r" % (x,))
            for x in B.copy():
                check(valid(x), "bounded copy holds %r" % (x,))
    return added, taken


def body():
    results = run_threads(hammer)
    added = []
    taken = []
    for a, t in results:
        added += a
        taken += t
    for x in D:
        check(valid(x), "final deque holds %r" % (x,))
    check(len(D) + len(taken) == len(added), "len %d + taken %d != added %d"
          % (len(D), len(taken), len(added)))
    check(sorted(list(D) + taken) == sorted(added), "deque + taken is not exactly what was added")
    check(len(B) == 64 and all(valid(x) for x in B), "bounded deque wrong at the end")
    D.clear()
    B.clear()


main("stress_deque", body)
