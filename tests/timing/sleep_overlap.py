import threading, time
from concurrent.futures import ThreadPoolExecutor
t0 = time.perf_counter()
ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
a = time.perf_counter() - t0
t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as ex:
    list(ex.map(time.sleep, [0.2] * 4))
b = time.perf_counter() - t0
print(f"threads {a:.3f}s pool {b:.3f}s")
assert a < 0.6 and b < 0.6
