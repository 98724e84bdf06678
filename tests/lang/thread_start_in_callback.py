# The first thread of a program started from inside container operations:
# a key's __eq__ during a dict lookup, __lt__ during list.sort, __hash__
# during a set insert.  conch elides critical sections while one thread runs
# and must take them for real from the moment the second thread exists.
import threading

shared = {}
log = []


def worker(tag, n):
    for i in range(n):
        shared[(tag, i)] = i
    log.append(tag)


def grow(n):
    # Runs while the main thread is still inside the lookup that started it
    # (and after): inserts into that very dict.
    for i in range(n):
        d[i] = i
    log.append("grow")


class Key:
    started = None

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        if Key.started is None:
            Key.started = threading.Thread(target=grow, args=(3000,))
            Key.started.start()
        return isinstance(other, Key) and self.v == other.v


d = {Key(1): "one", Key(2): "two"}
found = []
for r in range(200):
    found.append(d[Key(1)] == "one" and d.get(Key(2)) == "two")
Key.started.join()
print(all(found), len(d), d[Key(1)], d[2999])


class Late:
    started = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if Late.started < 3:
            Late.started += 1
            t = threading.Thread(target=worker, args=("lt%d" % Late.started, 500))
            t.start()
            t.join()
        return self.v < other.v


items = [Late(v) for v in [5, 3, 9, 1, 7, 2, 8]]
items.sort()
print([x.v for x in items])


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        t = threading.Thread(target=worker, args=("hash%d" % self.v, 300))
        t.start()
        t.join()
        return self.v

    def __eq__(self, other):
        return self.v == other.v


s = set()
for v in range(4):
    s.add(H(v))
print(sorted(h.v for h in s))

# Many threads at once, each mutating the dict the main thread iterates a copy of.
ts = [threading.Thread(target=worker, args=("many%d" % i, 1000)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), sorted(log))
