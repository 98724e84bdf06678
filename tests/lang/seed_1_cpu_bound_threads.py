# Seed 001 ("The GIL Explained"): single- vs multi-threaded CPU-bound work,
# unchanged.  It prints two timings; checked here are the lines' shape and
# the work itself (cpu_bound_task's sums, which the snippet computes and
# discards), never the times.  The timing claim -- four threads are no
# faster than one in the gil build -- is tests/timing/seed_timing.py's.
import _seed

SEED = '''
import threading
import time

def cpu_bound_task(n):
    """Simulate CPU-intensive work."""
    total = 0
    for i in range(n):
        total += i * i
    return total

# Single-threaded execution
start = time.time()
result = cpu_bound_task(10_000_000)
print(f"Single-threaded: {time.time() - start:.2f}s")

# Multi-threaded execution
start = time.time()
threads = []
for _ in range(4):
    t = threading.Thread(target=cpu_bound_task, args=(2_500_000,))
    threads.append(t)
    t.start()

for t in threads:
    t.join()

print(f"Multi-threaded: {time.time() - start:.2f}s")
'''

lines, scope = _seed.run(SEED)
for line in lines:
    label, seconds = line.split(": ")
    print(label, seconds.endswith("s") and float(seconds[:-1]) >= 0)
# sum of i*i for i < n is (n-1)n(2n-1)/6
print(scope["result"], scope["result"] == 9_999_999 * 10_000_000 * 19_999_999 // 6)
print(len(scope["threads"]), [t.is_alive() for t in scope["threads"]])
print(scope["cpu_bound_task"](1000))
