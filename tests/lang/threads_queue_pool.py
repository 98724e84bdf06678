import queue, threading, time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED

q = queue.Queue(maxsize=10)
out = []
out_lock = threading.Lock()
def producer(k):
    for i in range(300):
        q.put(k * 1000 + i)
def consumer():
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            return
        with out_lock:
            out.append(x)
        q.task_done()
ps = [threading.Thread(target=producer, args=(k,)) for k in range(4)]
cs = [threading.Thread(target=consumer) for k in range(3)]
for t in ps + cs: t.start()
for t in ps: t.join()
q.join()
for c in cs: q.put(None)
for c in cs: c.join()
print(len(out), len(set(out)), sorted(out) == sorted(k * 1000 + i for k in range(4) for i in range(300)))

q2 = queue.Queue(1)
q2.put_nowait(1)
try: q2.put_nowait(2)
except queue.Full: print("Full")
print(q2.qsize(), q2.full(), q2.get_nowait(), q2.empty())
try: q2.get(timeout=0.01)
except queue.Empty: print("Empty")
lq = queue.LifoQueue(); pq = queue.PriorityQueue(); sq = queue.SimpleQueue()
for x in [3, 1, 2]:
    lq.put(x); pq.put(x); sq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)], [sq.get() for _ in range(3)])

def square(x):
    time.sleep(0.01)
    return x * x
with ThreadPoolExecutor(max_workers=4, thread_name_prefix="pool") as ex:
    print(list(ex.map(square, range(8))))
    fs = [ex.submit(square, i) for i in range(6)]
    print(sorted(f.result() for f in as_completed(fs)))
    bad = ex.submit(lambda: 1 / 0)
    print(type(bad.exception()).__name__, bad.done(), bad.cancelled())
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    names = ex.submit(lambda: threading.current_thread().name).result()
    print(names.startswith("pool_"))
    seen = []
    f = ex.submit(square, 5)
    f.add_done_callback(lambda fut: seen.append(fut.result()))
    f.result()
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
print(seen)
