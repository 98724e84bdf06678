# A reference cycle built by a thread that has exited is found and freed by
# gc.collect() called from yet another thread (DESIGN.md "Memory": in the
# free-threaded build the exited thread's objects live on the orphan list).
import gc
import threading

gc.disable()
freed = []
created = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
        created.append(name)

    def __del__(self):
        freed.append(self.name)


def build(prefix):
    a = Node(prefix + "a")
    b = Node(prefix + "b")
    a.other = b
    b.other = a


t = threading.Thread(target=build, args=("t1-",))
t.start()
t.join()
print("created:", sorted(created))
print("freed before collect:", sorted(freed))

found = []


def collect():
    found.append(gc.collect())


c = threading.Thread(target=collect)
c.start()
c.join()
print("freed after collect:", sorted(freed))
print("collector found at least the cycle:", found[0] >= 2)

# Several threads, each leaving cycles of lists and instances behind; one
# collection in the main thread frees all of them.
del created[:], freed[:]


def many(i):
    for j in range(20):
        build("w%d-%d-" % (i, j))
        l = []
        l.append(l)


workers = [threading.Thread(target=many, args=(i,)) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("created:", len(created), "freed:", len(freed))
n = gc.collect()
print("freed after collect:", len(freed), sorted(freed) == sorted(created))
print("found:", n >= 4 * 20 * 3)
print(gc.collect())

# The knobs behave the same from any thread.
old = gc.get_threshold()
print(old)
gc.set_threshold(50)
print(gc.get_threshold()[0])
c = gc.get_count()
print(type(c).__name__, len(c), all(type(x) is int and x >= 0 for x in c))

# Automatic collection: a thread that keeps making cycles gets them freed
# without anyone calling gc.collect().
del created[:], freed[:]
gc.enable()
print(gc.isenabled())


def churn():
    for i in range(3000):
        build("auto%d-" % i)


t = threading.Thread(target=churn)
t.start()
t.join()
print("automatic collection freed some:", len(freed) > 0)
gc.set_threshold(*old)
print(gc.get_threshold() == old)
gc.collect()
print(len(freed) == len(created))
