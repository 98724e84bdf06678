# Seed 004's quiz fragment `q.put(x)` (q is queue.Queue).  Needs: queue.
import queue

q = queue.Queue()
x = 1
q.put(x)
print(q.get())
