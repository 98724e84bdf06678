# DESIGN.md "Memory": a thread builds cycles, exits, and gc.collect() in
# another thread frees them.  Pending: in this tree even a trivial
# threading.Thread start/join hangs (threading module in progress).
import gc, threading
gc.disable()
gc.collect()

def work():
    for _ in range(100):
        l = []
        l.append(l)

t = threading.Thread(target=work)
t.start()
t.join()
res = []
t2 = threading.Thread(target=lambda: res.append(gc.collect()))
t2.start()
t2.join()
print(res[0] >= 100)
print(gc.collect())
