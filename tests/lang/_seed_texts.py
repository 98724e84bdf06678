"""The seed documents' snippets that more than one test runs, verbatim.

tests/lang programs check what they print; tests/timing/seed_timing.py checks
the timing claims the seeds make about them.  Both run them through _seed.run.
"""

# Seed 001 ("The GIL Explained"): single- vs multi-threaded CPU-bound work.
SEED_1_CPU_BOUND = '''
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

# Seed 003 (DeepCuts): the I/O-bound half, four threads that each sleep 1 s.
SEED_3_IO_THREADS = '''
import threading
import time

def io_task():
    time.sleep(1)

def run_io_threads():
    threads = []
    start = time.time()
    for _ in range(4):
        t = threading.Thread(target=io_task)
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    print("Threading (I/O-bound) time:", time.time() - start)

run_io_threads()
'''
