# Seed 004: the racy counter.  Needs: threading.  The printed value is
# nondeterministic by design ("very rarely 8_000_000"): a test must check only
# that it is <= 8_000_000 (and, in the GIL build, usually smaller).
import threading

counter = 0

def work():
    global counter
    for _ in range(1_000_000):
        counter += 1

threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()

print(counter)  # very rarely 8_000_000
