# Seed 003 ("Python DeepCuts -- Inside the GIL"): the two task functions the
# article shows on their own.  The page lost the snippets' indentation; it is
# restored here, the code is otherwise unchanged.  The snippets only define
# the functions; the lines after the marker call them and print the results
# (cpu_task's sum is deterministic; io_task sleeps, so only its return value
# is printed, never a time).
import time

def cpu_task():
    total = 0
    for i in range(10_000_000):
        total += i
    return total

def io_task():
    time.sleep(1)

# --- test harness (not part of the seed) ---
print(cpu_task())
print(io_task())
