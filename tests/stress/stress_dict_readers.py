# Lock-free dict reads (vm/types/dict.h, "Thread safety") against writers.
# Six readers hammer single-key reads of shared dicts -- d[k], k in d, d.get,
# global names (LOAD_GLOBAL's cached entry hints and its slow path), instance
# and class attributes (instance __dict__ / class dict lookups) -- while two
# writers resize the same dicts under them (bursts of inserts, then deletes),
# replace values with fresh objects that die at once, delete and re-add keys,
# and rebind the globals and attributes being read.
# Invariants: a stable key is always found with its value (str keys given as
# equal but not identical strings, int keys, tuple keys); a volatile key
# reads as absent or as a value made for that key (never a dead or foreign
# object); a key never inserted is never found; a rebound global/attribute
# always reads as a well-formed value of its own; at the end the dicts hold
# exactly the stable keys plus whatever volatile keys the writers left.
from _stress import THREADS, check, main, run_threads, scaled

WRITERS = 2
ROUNDS = scaled(400)
BURST = 64
STABLE_STR = ["stable-%d" % i for i in range(48)]  # built at run time: not interned
STABLE_INT = [10 ** 12 + i for i in range(48)]     # beyond the small-int cache
STABLE_TUPLE = [(i, "t") for i in range(16)]      # equal-hash compares take the lock
VOLATILE = ["vol-%d" % i for i in range(16)]
NEVER = ["never-%d" % i for i in range(8)] + [10 ** 12 + 1000 + i for i in range(8)]

TABLE = {}
GVAR = ("gvar", 0)


class Shared:
    attr = ("cls", 0)


OBJ = Shared()
OBJ.inst = ("inst", 0)


def val(k):
    if type(k) is tuple:
        return k[0] * 7 + 1
    return "v:" + str(k)


def setup():
    for k in STABLE_STR + STABLE_INT + STABLE_TUPLE:
        TABLE[k] = val(k)


def writer(tid):
    global GVAR
    n = 0
    for r in range(ROUNDS):
        # Resize: the table doubles under the readers, then compacts.
        base = (tid * ROUNDS + r) * BURST
        for j in range(BURST):
            TABLE[-1 - base - j] = j
        for j in range(BURST):
            del TABLE[-1 - base - j]
        # Volatile keys: fresh values (the old one dies), deletes, re-adds.
        for i, k in enumerate(VOLATILE):
            n += 1
            if (i + r + tid) % 3 == 0:
                TABLE.pop(k, None)
            else:
                TABLE[k] = [k, n]
        # Rebind what the readers load by name and attribute.
        GVAR = ("gvar", n)
        Shared.attr = ("cls", n)
        OBJ.inst = ("inst", n)
    return None


def reader(tid):
    reads = 0
    stop_at = ROUNDS * 40
    for r in range(stop_at):
        i = r % len(STABLE_STR)
        # A fresh equal str: found by content, not identity.
        ks = "stable-" + str(i)
        if TABLE[ks] != "v:" + ks:
            check(False, "stable str key %r lost" % ks)
        ki = STABLE_INT[i]
        if ki not in TABLE or TABLE.get(ki) != val(ki):
            check(False, "stable int key %r has %r" % (ki, TABLE.get(ki)))
        kt = (i % len(STABLE_TUPLE), "t")
        if TABLE[kt] != val(kt):
            check(False, "stable tuple key %r lost" % (kt,))
        kv = VOLATILE[r % len(VOLATILE)]
        v = TABLE.get(kv)
        if v is not None:
            if type(v) is not list or v[0] != kv:
                check(False, "volatile key %r holds %r" % (kv, v))
            reads += 1
        kn = NEVER[r % len(NEVER)]
        if kn in TABLE or TABLE.get(kn) is not None:
            check(False, "never-inserted key %r found" % (kn,))
        g = GVAR
        if type(g) is not tuple or g[0] != "gvar":
            check(False, "global GVAR is %r" % (g,))
        a = Shared.attr
        if type(a) is not tuple or a[0] != "cls":
            check(False, "class attribute is %r" % (a,))
        b = OBJ.inst
        if type(b) is not tuple or b[0] != "inst":
            check(False, "instance attribute is %r" % (b,))
    return reads


def hammer(tid):
    if tid < WRITERS:
        return writer(tid)
    return reader(tid)


def body():
    check(THREADS > WRITERS, "needs readers")
    setup()
    run_threads(hammer)
    for k in STABLE_STR + STABLE_INT + STABLE_TUPLE:
        check(TABLE[k] == val(k), "stable key %r lost at the end" % (k,))
    extra = [k for k in TABLE if k not in STABLE_STR and k not in STABLE_INT
             and k not in STABLE_TUPLE]
    for k in extra:
        check(k in VOLATILE, "unexpected key %r left" % (k,))
        check(TABLE[k][0] == k, "volatile key %r holds %r" % (k, TABLE[k]))
    check(len(TABLE) == len(STABLE_STR) + len(STABLE_INT) + len(STABLE_TUPLE) + len(extra),
          "len disagrees with keys")
    check(GVAR[0] == "gvar" and Shared.attr[0] == "cls" and OBJ.inst[0] == "inst",
          "rebinds left bad values")
    TABLE.clear()


main("stress_dict_readers", body)
