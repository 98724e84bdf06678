# GIL build: two CPU-bound threads take about as long as the same work run
# serially (not half).  Measured in process CPU time, which a loaded machine
# does not distort the way wall time is distorted; and the threaded run must
# never use more than about one core at once (cpu/wall), which is the GIL.
import sys, threading, time

def work(n):
    t = 0
    for i in range(n):
        t += i

N = 1_500_000
c0 = time.process_time(); work(N); work(N); serial = time.process_time() - c0
ts = [threading.Thread(target=work, args=(N,)) for _ in range(2)]
w0 = time.perf_counter(); c0 = time.process_time()
for t in ts: t.start()
for t in ts: t.join()
threaded = time.process_time() - c0
wall = time.perf_counter() - w0
ratio = threaded / serial
print(f"serial cpu {serial:.3f}s threaded cpu {threaded:.3f}s wall {wall:.3f}s ratio {ratio:.2f}")
if sys._is_gil_enabled():
    sys.exit(0 if ratio > 0.8 and threaded / wall < 1.3 else 1)
