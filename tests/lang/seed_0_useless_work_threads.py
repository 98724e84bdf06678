# Seed 000: two CPU-bound threads taking turns on the GIL, unchanged.  Each
# thread spins until two seconds of wall time have passed since it started,
# so the program ends after about two seconds in any build -- not "nearly
# 4 seconds" as the article says: the loop is bounded by the clock, not by
# work.  Checked: both threads report, and the total is at least 2 s.  (The
# order of the two "done" lines is up to the scheduler, so they are sorted.)
import _seed

SEED = '''
import threading
import time

def useless_work(seconds, name):
    start = time.time()
    # A classic CPU-bound loop
    for i in range(200_000_000):
        if time.time() - start > seconds:
            break
    print(f"{name} is done!")

# Start two threads
t1 = threading.Thread(target=useless_work, args=(2, "Thread 1"))
t2 = threading.Thread(target=useless_work, args=(2, "Thread 2"))

start_time = time.time()
t1.start()
t2.start()
t1.join()
t2.join()
print(f"Total time: {time.time() - start_time:.2f} seconds")
'''

lines, scope = _seed.run(SEED)
print(sorted(lines[:2]))
total = lines[2]
print(total.startswith("Total time: "), total.endswith(" seconds"))
print(float(total.split()[2]) >= 2.0)
