# Instance attribute storage under races (free-threaded build, GIL off).
#   o.__dict__ = fresh dict, by several threads, while others read and write
#   o's attributes (LOAD_ATTR through the inline caches and the generic
#   path, getattr with a default, vars(o), o.__dict__, method lookups that
#   probe the instance dict, STORE_ATTR/DELETE_ATTR into whichever dict is
#   current).  Every installed dict maps 'x' and 'y' to the same fresh
#   object [k, k]; a dict freed under a reader crashes or yields garbage.
#   s.a / s.b of a __slots__ instance: set to fresh objects, deleted, read,
#   by all threads at once; a value freed under a reader shows up as a
#   crash or as an object that is not a valid pair.
from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(3000)


class C:
    def m(self):
        return 1


class S:
    __slots__ = ("a", "b")


o = C()
_v0 = [0, 0]
o.__dict__ = {"x": _v0, "y": _v0}
s = S()
s.a = [0, 0]


def valid(p):
    return type(p) is list and len(p) == 2 and p[0] == p[1] and 0 <= p[0] < 10 ** 8


def hammer(tid):
    for r in range(ROUNDS):
        k = tid * 10 ** 6 + r
        if tid % 4 == 0:
            v = [k, k]
            o.__dict__ = {"x": v, "y": v}
        x = o.x
        check(valid(x), "o.x is %r" % (x,))
        y = getattr(o, "y", None)
        check(y is None or valid(y), "o.y is %r" % (y,))
        d = o.__dict__
        check(valid(d["x"]) and d["x"] is d["y"], "o.__dict__ inconsistent")
        check(vars(o)["x"] is not None, "vars(o)")
        check(o.m() == 1, "method lookup")
        o.z = [k, k]
        try:
            del o.z
        except AttributeError:
            pass  # another thread's del, or a dict swap, got there first
        # __slots__
        if tid % 2:
            s.a = [k, k]
            s.b = [k, k]
        elif r % 3 == 0:
            try:
                del s.b
            except AttributeError:
                pass
        a = s.a
        check(valid(a), "s.a is %r" % (a,))
        try:
            b = s.b
            check(valid(b), "s.b is %r" % (b,))
        except AttributeError:
            pass  # deleted just now
        check(valid(getattr(s, "a")), "getattr(s, 'a')")
    return True


def body():
    run_threads(hammer)
    check(valid(o.x) and valid(s.a), "final state")


main("stress_object_dict", body)
