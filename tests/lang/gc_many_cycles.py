# Automatic collection keeps memory bounded while 100 000 cycles are dropped.
import gc

class Pair:
    pass

for i in range(100000):
    p = Pair()
    q = Pair()
    p.other = q
    q.other = p
    l = [p]
    l.append(l)
print(len(gc.get_objects()) < 50000)
gc.collect()
print("ok")
