# Seed 004's quiz fragment `q.put(x)` ("queue.Queue takes an internal mutex
# on every method"), with the q and x it names; then the article's claim --
# safe for multi-producer, multi-consumer use -- checked: four producers and
# four consumers, every item delivered exactly once.
import queue
import threading

q = queue.Queue()
x = 1
q.put(x)
print(q.get())

# --- test harness (not part of the seed) ---
N = 2000
out = queue.Queue()

def producer(base):
    for i in range(N):
        q.put(base + i)

def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        out.put(item)

producers = [threading.Thread(target=producer, args=(k * N,)) for k in range(4)]
consumers = [threading.Thread(target=consumer) for _ in range(4)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
items = []
while not out.empty():
    items.append(out.get())
print(len(items), sorted(items) == list(range(4 * N)), q.empty())
