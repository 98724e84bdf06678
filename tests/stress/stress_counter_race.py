# `counter += 1` is a read-modify-write, racy in both builds as in CPython:
# with the GIL off updates get lost, but nothing may crash or corrupt.  Eight
# threads increment a module global, an instance attribute (the instance's
# dict), a class attribute (the class's dict), a dict item and a list slot,
# N times each.  Invariants: every final value is an int with
# 1 <= value <= expected (lost updates allowed, invented ones not); the
# objects involved still work normally afterwards (the process is sane).
from _stress import THREADS, check, main, run_threads, scaled

N = scaled(20000)
counter = 0


class Box:
    hits = 0

    def __init__(self):
        self.count = 0


box = Box()
d = {"k": 0}
L = [0, 0]


def hammer(tid):
    global counter
    for _ in range(N):
        counter += 1
        box.count += 1
        Box.hits += 1
        d["k"] += 1
        L[1] += 1


def body():
    run_threads(hammer)
    expected = THREADS * N
    for what, v in (("global", counter), ("instance attribute", box.count),
                    ("class attribute", Box.hits), ("dict item", d["k"]), ("list slot", L[1])):
        check(type(v) is int, "%s is %r, not an int" % (what, v))
        check(1 <= v <= expected, "%s is %d, outside 1..%d" % (what, v, expected))
    # Sanity afterwards: the same objects behave.
    box.count = 7
    Box.hits = 0
    d["k"] = -1
    d["other"] = 2
    L.append(3)
    check(box.count == 7 and Box.hits == 0 and box.hits == 0, "attributes broken after the race")
    check(d == {"k": -1, "other": 2}, "dict broken after the race: %r" % (d,))
    check(L == [0, L[1], 3] and len(L) == 3, "list broken after the race: %r" % (L,))
    check(sum(range(1000)) == 499500, "arithmetic broken after the race")


main("stress_counter_race", body)
