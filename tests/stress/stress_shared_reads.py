# Shared reads: the patterns every thread of a real program touches at once,
# the ones that historically made free-threaded CPython contend (shared
# reference counts, type caches, module dicts).  Eight threads each run the
# same mix: call a module-level function, math.cos, a bound method of one
# shared object, read a global dict and a global list, compare with str and
# tuple constants, create closures, instantiate a user class, read and write
# threading.local attributes, `with` on a user context manager, run a small
# generator, look up attributes through a class hierarchy.  Invariants: each
# thread's checksum equals the one the main thread computed alone first, and
# each thread's threading.local value is its own.
import math
import threading

from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(3000)
TABLE = {"k%d" % i: i * 3 for i in range(64)}
SEQ = [i * i for i in range(64)]
NAMES = ("alpha", "beta", "gamma")
local = threading.local()


def square_plus(x, y=1):
    return x * x + y


class Base:
    scale = 3

    def weight(self):
        return self.scale


class Shared(Base):
    def __init__(self, k):
        self.k = k

    def apply(self, x):
        return self.k * x + self.weight()


shared = Shared(5)


class Point:
    __slots__ = ()

    def __init__(self):
        pass


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Ctx:
    def __init__(self):
        self.depth = 0

    def __enter__(self):
        self.depth += 1
        return self

    def __exit__(self, *exc):
        self.depth -= 1
        return False


def small_gen(n):
    for i in range(n):
        yield i * 2


def make_adder(n):
    def add(x):
        return x + n
    return add


def work(tid, rounds):
    local.tid = tid
    local.hits = 0
    total = 0
    fsum = 0.0
    ctx = Ctx()
    for r in range(rounds):
        i = r % 64
        total += square_plus(i)
        fsum += math.cos(i * 0.01)
        total += shared.apply(i)
        m = shared.apply
        total += m(1)
        total += TABLE["k%d" % i] + SEQ[i]
        total += len(TABLE) + len(SEQ)
        name = NAMES[r % 3]
        if name == "beta":
            total += 1
        if (i, 1) == (3, 1):
            total += 2
        if name in ("alpha", "gamma"):
            total += 3
        total += make_adder(i)(r)
        total += Vec(i, -r).norm1()
        Point()
        with ctx as c:
            total += c.depth
        total += sum(small_gen(5))
        local.hits += 1
        total += isinstance(shared, Base) + hasattr(shared, "weight")
    check(local.tid == tid, "threading.local: thread %d sees tid %r" % (tid, local.tid))
    check(local.hits == rounds, "threading.local: hits %r" % (local.hits,))
    check(ctx.depth == 0, "with-statement depth %d" % ctx.depth)
    return total, round(fsum, 9)


def body():
    expected = work(-1, ROUNDS)
    results = run_threads(lambda tid: work(tid, ROUNDS))
    for tid, got in enumerate(results):
        check(got == expected, "thread %d checksum %r, expected %r" % (tid, got, expected))
    check(local.tid == -1, "the main thread's threading.local changed: %r" % (local.tid,))


main("stress_shared_reads", body)
