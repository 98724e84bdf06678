# Seed 003: the one-line fragment `multiprocessing.Process(target=cpu_task)`,
# with the cpu_task it refers to.  Needs: multiprocessing.Process.
import multiprocessing

def cpu_task():
    total = 0
    for i in range(10_000_000):
        total += i
    return total

multiprocessing.Process(target=cpu_task)
