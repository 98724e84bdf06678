# Dict iterators and lookups when the dict changes under them: the errors
# CPython raises, sticky errors, exhausted iterators staying exhausted, and
# keys whose __eq__ mutates the dict during a lookup (the lookup restarts).

def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def grow_during(view_of):
    d = {1: 1, 2: 2}
    out = []
    for x in view_of(d):
        out.append(x)
        d[len(d) + 10] = 0
    return out


attempt("keys grow", lambda: grow_during(lambda d: d))
attempt("values grow", lambda: grow_during(lambda d: d.values()))
attempt("items grow", lambda: grow_during(lambda d: d.items()))
attempt("reversed grow", lambda: grow_during(lambda d: reversed(d)))


def shrink_during():
    d = {i: i for i in range(5)}
    for k in d:
        del d[k]
    return d


attempt("shrink", shrink_during)


def same_size_swap():
    d = {1: 1, 2: 2, 3: 3}
    out = []
    for k in d:
        out.append(k)
        if k == 1:
            del d[3]
            d[4] = 4
    return out


attempt("same size swap", same_size_swap)

# The size error is sticky: the next step raises it again.
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
attempt("sticky 1", lambda: next(it))
attempt("sticky 2", lambda: next(it))
del d[3]
attempt("sticky after restoring size", lambda: next(it))

# An exhausted iterator stays exhausted when items are added afterwards.
d = {1: 1}
it = iter(d.items())
print("first", next(it))
attempt("exhausted", lambda: next(it))
d[2] = 2
attempt("still exhausted", lambda: next(it))
print("hint", it.__length_hint__())

it = iter(d)
print("hint before", it.__length_hint__())
next(it)
print("hint after one", it.__length_hint__())
d[5] = 5
print("hint after resize", it.__length_hint__())


# A key whose __eq__ mutates the dict being searched.
class Meddler:
    def __init__(self, target, h):
        self.target = target
        self.h = h
        self.calls = 0

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        self.calls += 1
        if self.calls == 1:
            self.target["added by __eq__"] = 1
        return False


d = {}
a = Meddler(d, 7)
d[a] = "a"
b = Meddler(d, 7)
attempt("lookup with mutating __eq__", lambda: b in d)
print(sorted(str(k) for k in d if isinstance(k, str)), len(d))

# update() whose source is mutated by a key's __eq__ during the merge.
class Mutator:
    def __init__(self, src):
        self.src = src

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.src.clear()
        return False


src = {}
dst = {}
k1 = Mutator(src)
src[k1] = 1
dst[Mutator(src)] = 2
attempt("update mutated source", lambda: dst.update(src))
print(len(dst), len(src))

# Equality between dicts where value comparison mutates one of them.
class Shrinker:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.clear()
        return True

    __hash__ = None


x = {}
x[1] = Shrinker(x)
y = {1: 0}
attempt("== with mutating value", lambda: x == y)
print(len(x))
