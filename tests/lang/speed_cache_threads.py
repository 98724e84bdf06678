# Inline caches under threads: readers hammer warmed-up attribute, method
# and global sites while a writer rebinds the class attribute, the method
# and the global (run it with CONCH_GIL=0 in the free-threaded build: a
# torn or stale cache entry shows up as a value outside the allowed set or
# as a crash).  Output is deterministic.
import threading


class Shape:
    tag = "a"

    def __init__(self, n):
        self.n = n

    def size(self):
        return self.n


def size_b(self):
    return -self.n


mode = 1
ROUNDS = 3000
bad = []


def reader(k):
    objs = [Shape(i + 1) for i in range(4)]
    seen_tags = set()
    seen_modes = set()
    for _ in range(ROUNDS):
        for o in objs:
            t = o.tag
            s = o.size()
            if t not in ("a", "b") or s not in (o.n, -o.n) or o.n < 1:
                bad.append((k, t, s))
            seen_tags.add(t)
        seen_modes.add(mode)
    if not seen_modes <= {1, 2}:
        bad.append((k, "modes", seen_modes))


size_a = Shape.size


def writer():
    global mode
    for i in range(ROUNDS):
        Shape.tag = "b" if i % 2 else "a"
        Shape.size = size_b if i % 3 == 0 else size_a
        mode = 2 if i % 2 else 1


readers = [threading.Thread(target=reader, args=(k,)) for k in range(3)]
w = threading.Thread(target=writer)
for t in readers:
    t.start()
w.start()
for t in readers:
    t.join()
w.join()
print("violations:", bad[:5])
print("final:", Shape.tag in ("a", "b"), mode in (1, 2))
