# Eight threads import the same module at the same moment, many rounds (the
# module is dropped from sys.modules between rounds).  A module imports once:
# its body runs exactly once per round, every thread gets the same module
# object, and none sees it half-initialised (the others wait for the first,
# as CPython's per-module import locks make them).  A second phase has each
# thread import a different fresh name while all of them also import the
# shared one, so several imports are in flight at once.
import sys

import _import_counter
from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(25)
NAME = "_import_target"


def import_it(tid):
    m = __import__(NAME)
    check(getattr(m, "DONE", False), "got a half-initialised module")
    check(m.f() == 42, "module function broken")
    return id(m)


def import_mixed(tid):
    a = __import__(NAME)
    b = __import__("_stress")
    check(getattr(a, "DONE", False), "got a half-initialised module (mixed)")
    check(b.THREADS == THREADS, "helper module broken")
    return id(a)


def body():
    for r in range(ROUNDS):
        sys.modules.pop(NAME, None)
        before = _import_counter.runs
        ids = run_threads(import_it if r % 2 == 0 else import_mixed)
        check(_import_counter.runs == before + 1,
              "round %d: module body ran %d times" % (r, _import_counter.runs - before))
        check(len(set(ids)) == 1, "round %d: threads got %d module objects" % (r, len(set(ids))))
        check(sys.modules[NAME].DONE, "cached module incomplete")


main("stress_import_once", body)
