import threading, itertools

L = []
def app(k):
    for i in range(100000):
        L.append(i)
ts = [threading.Thread(target=app, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(len(L))

d = {}
def put(k):
    for i in range(100000):
        d[(k, i)] = i
ts = [threading.Thread(target=put, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(len(d))

c = itertools.count()
got = []
def take():
    mine = [next(c) for _ in range(10000)]
    got.extend(mine)
ts = [threading.Thread(target=take) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(got), len(set(got)), max(got))
