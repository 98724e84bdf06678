import threading

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with lock:
        raise KeyError("x")
except KeyError:
    pass
print("locked after with:", lock.locked())

r = threading.RLock()
with r:
    with r:
        print("nested rlock ok")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

cond = threading.Condition()
items = []
def consumer(n, got):
    for _ in range(n):
        with cond:
            cond.wait_for(lambda: items)
            got.append(items.pop(0))
got = []
c = threading.Thread(target=consumer, args=(10, got))
c.start()
for i in range(10):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(got)
with cond:
    print("wait timeout:", cond.wait(0.01))

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
threading.Timer(0.02, ev.set).start()
print(ev.wait(5), ev.is_set())

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release(2)
bs = threading.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)

results = []
b = threading.Barrier(4, action=lambda: results.append("action"))
def party(i):
    idx = b.wait()
    results.append(idx)
ts = [threading.Thread(target=party, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(map(str, results)))
b2 = threading.Barrier(2)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset()
print("after reset", b2.broken, b2.parties, b2.n_waiting)
