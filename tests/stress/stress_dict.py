# Eight threads hammer one dict: set, get, `in`, delete, pop, setdefault,
# update, iterate (keys, values, items), copy, len, and resizes (a thread
# inserts a burst of keys, then deletes them, so the table grows and shrinks
# under the others).  Keys are of three kinds: private to a thread (tuples and
# strings built at run time, whose hashes are computed lazily by whichever
# thread asks first), and shared ones that every thread writes with the same
# value.  Invariants: every value read belongs to its key (value == f(key));
# a thread reads back its own private writes and deletes exactly (no other
# thread touches those keys); iteration that races a resize may raise
# RuntimeError (as in CPython) but never yields a wrong pair; at the end the
# dict holds exactly the private keys each thread left plus shared keys.
from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(1500)
BURST = 48
SHARED = ["shared-" + str(i) for i in range(32)]  # built at run time: not interned
d = {}


def val(k):
    # The value every writer stores under k: depends only on the key.
    if type(k) is tuple:
        return k[0] * 1000003 + k[1]
    return "v:" + k


def check_pair(k, v):
    check(v == val(k), "key %r holds %r" % (k, v))


def hammer(tid):
    mine = {}  # this thread's private keys now in d
    for r in range(ROUNDS):
        k = (tid, r)
        s = "t%d-%d" % (tid, r)
        d[k] = val(k)
        d.setdefault(s, val(s))
        mine[k] = 1
        mine[s] = 1
        check(d[k] == val(k), "lost own write %r" % (k,))
        check(d.get(s) == val(s), "lost own setdefault %r" % (s,))
        sk = SHARED[(r + tid) % len(SHARED)]
        d[sk] = val(sk)
        v = d.get(sk)
        if v is not None:
            check_pair(sk, v)
        # Delete our oldest keys (pop for tuples, del for strings), so the
        # dict stays small enough to iterate often.
        while len(mine) > 40:
            old = next(iter(mine))
            del mine[old]
            if type(old) is tuple:
                check(d.pop(old) == val(old), "pop of own key %r returned a wrong value" % (old,))
                check(old not in d, "own key %r still present after pop" % (old,))
            else:
                del d[old]
                check(d.get(old) is None, "own key %r still present after del" % (old,))
        if r % 7 == 0:
            try:
                del d[SHARED[r % len(SHARED)]]
            except KeyError:
                pass  # another thread deleted it first
        # Resize: a burst of inserts via update, then their deletion.
        if r % 50 == tid:
            burst = {}
            for j in range(BURST):
                bk = (tid + 100, r * BURST + j)
                burst[bk] = val(bk)
            d.update(burst)
            for bk in burst:
                check(d[bk] == burst[bk], "burst key %r lost" % (bk,))
            for bk in burst:
                del d[bk]
        # Iterate in several ways; a concurrent resize may stop it with RuntimeError.
        if r % 10 == 0:
            try:
                for kk, vv in d.items():
                    check_pair(kk, vv)
            except RuntimeError:
                pass
            try:
                n = 0
                for kk in d:
                    n += 1
            except RuntimeError:
                pass
            try:
                for vv in d.values():
                    check(type(vv) in (int, str), "values() yielded %r" % (vv,))
            except RuntimeError:
                pass
            c = d.copy()
            for kk, vv in c.items():
                check_pair(kk, vv)
            check(len(d) >= 0, "negative len")
    return mine


def body():
    left = run_threads(hammer)
    expected = set()
    for mine in left:
        expected.update(mine)
    for kk, vv in d.items():
        check_pair(kk, vv)
    private = set(k for k in d if not (type(k) is str and k.startswith("shared-")))
    check(private == expected,
          "private keys differ: %d missing, %d unexpected"
          % (len(expected - private), len(private - expected)))
    check(len(d) == len(expected) + len([k for k in SHARED if k in d]), "len disagrees with keys")
    d.clear()
    check(len(d) == 0 and list(d) == [], "clear left keys")


main("stress_dict", body)
