# Seed 001: single- vs multi-threaded CPU-bound work.
# Needs: threading.  Prints timings: as a test, print the results of
# cpu_bound_task instead and compare only those.
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
