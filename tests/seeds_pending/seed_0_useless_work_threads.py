# Seed 000: two CPU-bound threads taking turns on the GIL.
# Needs: threading.  Prints a timing: as a test, check only the two
# "is done!" lines (order may vary) and that the total is >= 2 s.
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
