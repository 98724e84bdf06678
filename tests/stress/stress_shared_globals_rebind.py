# Globals that many threads read while one rebinds them (gc/deferred_rc.h:
# in the free-threaded build a global's value read by non-owner threads turns
# to deferred reference counting, and a rebound value is freed by the next
# collection instead of by its last decref).
# Eight readers load three globals -- an instance, a dict, a list, each
# reached from a LOAD_GLOBAL -- check that each value is intact and
# self-consistent, and sometimes keep a few values for a while (references
# counted in their own table) before dropping them; one writer rebinds the
# three globals with fresh objects, round after round, so every old value
# dies while readers may still hold it.
# Invariants: every value read is well-formed (its serial matches its
# contents: nothing freed early or reused); after the join and gc.collect()
# the number of live tracked values is back to exactly the three bound ones
# (nothing leaked: every rebound value was freed, its __del__ ran once).
import gc
import threading

from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(3000)
READS = scaled(20000)
KEEP = 8

_lock = threading.Lock()
_live = [0]
_born = [0]


class Value:
    def __init__(self, serial):
        self.serial = serial
        self.items = [serial * 3 + i for i in range(4)]
        self.table = {"serial": serial, "double": serial * 2}
        with _lock:
            _live[0] += 1
            _born[0] += 1

    def __del__(self, lock=_lock, live=_live):  # defaults: still bound at exit teardown
        with lock:
            live[0] -= 1


def make_dict(serial):
    return {"serial": serial, "neg": -serial, "v": Value(serial)}


def make_list(serial):
    return [serial, serial + 1, serial + 2, Value(serial)]


G_OBJ = Value(0)
G_DICT = make_dict(0)
G_LIST = make_list(0)
done = [False]


def check_obj(o):
    s = o.serial
    check(o.items == [s * 3, s * 3 + 1, s * 3 + 2, s * 3 + 3], "instance items torn: %r" % (o.items,))
    check(o.table["double"] == s * 2 and o.table["serial"] == s, "instance table torn")
    return s


def check_dict(d):
    s = d["serial"]
    check(d["neg"] == -s, "dict torn: %r" % (d,))
    check(check_obj(d["v"]) == s, "dict value torn")
    return s


def check_list(l):
    s = l[0]
    check(l[1] == s + 1 and l[2] == s + 2, "list torn: %r" % (l[:3],))
    check(check_obj(l[3]) == s, "list value torn")
    return s


def writer():
    global G_OBJ, G_DICT, G_LIST
    for r in range(1, ROUNDS + 1):
        G_OBJ = Value(r)
        G_DICT = make_dict(r)
        G_LIST = make_list(r)
        if r % 500 == 0:
            gc.collect()  # collections while readers hold deferred values
    done[0] = True


def reader(tid):
    kept = []
    last = [0, 0, 0]
    n = 0
    while n < READS or not done[0]:
        n += 1
        s0 = check_obj(G_OBJ)
        s1 = check_dict(G_DICT)
        s2 = check_list(G_LIST)
        # One writer, rebinding in order: serials never go backwards.
        check(s0 >= last[0] and s1 >= last[1] and s2 >= last[2], "a rebound global went backwards")
        last = [s0, s1, s2]
        if n % 7 == tid % 7:
            kept.append(G_OBJ)
            kept.append(G_DICT)
            kept.append(G_LIST)
            if len(kept) > KEEP * 3:
                for v in kept:
                    check(type(v) in (Value, dict, list), "a kept value changed type")
                kept = []
        if n > READS * 20:
            break
    return n


def body():
    gc.collect()
    base = _live[0]
    check(base == 3, "start: %d live values, expected 3" % base)

    def role(i):
        if i == THREADS:
            writer()
            return 0
        return reader(i)

    counts = run_threads(role, THREADS + 1)
    check(min(counts[:THREADS]) >= READS, "a reader stopped early")
    check(_born[0] == 3 + 3 * ROUNDS, "values made: %d" % _born[0])
    gc.collect()
    gc.collect()
    check(_live[0] == 3, "after the run %d values live, expected the 3 bound ones" % _live[0])
    check(check_obj(G_OBJ) == ROUNDS and check_dict(G_DICT) == ROUNDS and check_list(G_LIST) == ROUNDS,
          "final bindings wrong")


main("stress_shared_globals_rebind", body)
