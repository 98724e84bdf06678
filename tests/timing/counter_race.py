# counter += 1 from 8 threads may lose updates but never crashes.
import threading
counter = 0
def inc():
    global counter
    for _ in range(100_000):
        counter += 1
ts = [threading.Thread(target=inc) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter, "(<= 800000)")
assert 0 < counter <= 800_000
