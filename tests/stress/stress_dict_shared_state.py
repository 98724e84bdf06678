# The interpreter's shared dicts under eight threads: what the borrowed
# references of a GIL interpreter would turn into use-after-free once the GIL
# is gone.
#
#  1. Globals rebound while read: writers rebind module globals to freshly
#     built objects (the old value is freed at once unless a reader holds it);
#     readers load them (LOAD_GLOBAL, LOAD_NAME through exec, globals()[...])
#     and check each value is intact and belongs to its name.
#  2. Class attributes rebound while instances read them (the attribute cache
#     and class dicts), including methods replaced while being called.
#  3. Instance attributes first set by several threads at once on fresh
#     objects (the lazily created instance dict): no attribute is lost.
#  4. One dict iterator shared by all threads: every key comes out exactly
#     once in total (an iterator's state is guarded by its dict's lock).
#  5. **kwargs from a dict other threads mutate; ==, repr, copy and
#     len/keys/values of a dict being resized.
from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(3000)
NAMES = ["g%d" % i for i in range(8)]


def make(name, n):
    # A fresh, non-immortal value whose content says which name it is for.
    return [name, n, name + ":" + str(n)]


def intact(name, v):
    return type(v) is list and len(v) == 3 and v[0] == name and v[2] == name + ":" + str(v[1])


for _n in NAMES:
    globals()[_n] = make(_n, 0)


def rebind_globals(tid):
    g = globals()
    bad = 0
    for r in range(ROUNDS):
        name = NAMES[(r + tid) % len(NAMES)]
        if tid % 2 == 0:
            g[name] = make(name, r)
        else:
            v = g[name]
            if not intact(name, v):
                bad += 1
            # LOAD_GLOBAL on the same names.
            if not intact("g0", g0) or not intact("g1", g1) or not intact("g2", g2):
                bad += 1
            if not intact("g3", g3) or not intact("g7", g7):
                bad += 1
    check(bad == 0, "%d torn or foreign global values" % bad)
    return bad


class Shared:
    attr = make("attr", 0)

    def method(self):
        return 1


def method_a(self):
    return 1


def method_b(self):
    return 1


def rebind_class_attrs(tid):
    obj = Shared()
    total = 0
    for r in range(ROUNDS):
        if tid % 4 == 0:
            Shared.attr = make("attr", r)
            Shared.method = method_a if r % 2 else method_b
        else:
            v = obj.attr
            check(intact("attr", v), "class attribute read as %r" % (v,))
            total += obj.method()
            v = getattr(Shared, "attr")
            check(intact("attr", v), "type getattr read %r" % (v,))
    return total


class Plain:
    pass


def first_instance_attrs(tid):
    # All threads set a distinct attribute on each of the same fresh objects.
    lost = 0
    for r in range(ROUNDS // 10):
        objs = shared_objs[r % len(shared_objs)]
        for o in objs:
            setattr(o, "a%d" % tid, tid)
        for o in objs:
            if getattr(o, "a%d" % tid, None) != tid:
                lost += 1
    check(lost == 0, "%d own instance attributes lost" % lost)
    return lost


shared_objs = []


def one_iterator(tid):
    got = []
    while True:
        try:
            k = next(shared_iter)
        except StopIteration:
            break
        got.append(k)
    return got


kw_dict = {"a": 1, "bb": 2}


def takes_kwargs(**kw):
    for k, v in kw.items():
        check(type(k) is str and v == len(k), "kwarg %r=%r" % (k, v))
    return len(kw)


def kwargs_and_compare(tid):
    calls = 0
    for r in range(ROUNDS // 2):
        if tid % 2 == 0:
            key = "k" * (1 + (r + tid) % 12)
            kw_dict[key] = len(key)
            if r % 3 == 0:
                kw_dict.pop(key, None)
        else:
            calls += takes_kwargs(**kw_dict) >= 0
            c = kw_dict.copy()
            for k, v in c.items():
                check(v == len(k), "copy gave %r=%r" % (k, v))
            check((c == kw_dict) in (True, False), "== not a bool")
            text = repr(kw_dict)
            check(text.startswith("{") and text.endswith("}"), "repr %r" % text)
            n = len(kw_dict)
            check(n >= 0, "negative len")
            for v in list(kw_dict.values()):
                check(type(v) is int, "value %r" % (v,))
    return calls


def body():
    global shared_iter, shared_objs
    run_threads(rebind_globals)
    run_threads(rebind_class_attrs)
    shared_objs = [[Plain() for _ in range(4)] for _ in range(8)]
    run_threads(first_instance_attrs)
    for objs in shared_objs:
        for o in objs:
            check(sorted(vars(o)) == sorted("a%d" % t for t in range(THREADS)),
                  "instance dict holds %r" % sorted(vars(o)))
    n = scaled(20000)
    big = {i: i for i in range(n)}
    shared_iter = iter(big)
    results = run_threads(one_iterator)
    seen = []
    for got in results:
        seen.extend(got)
    check(len(seen) == n, "shared iterator gave %d keys, not %d" % (len(seen), n))
    check(sorted(seen) == list(range(n)), "shared iterator repeated or invented keys")
    run_threads(kwargs_and_compare)


main("stress_dict_shared_state", body)
