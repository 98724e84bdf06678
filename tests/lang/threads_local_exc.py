import threading, sys

data = threading.local()
data.x = "main"
seen = []
def f(i):
    print(hasattr(data, "x"), file=sys.stdout) if i == 0 else None
    data.x = i
    seen.append(data.x)
ts = [threading.Thread(target=f, args=(i,)) for i in range(4)]
for t in ts: t.start(); t.join()
print(sorted(seen), data.x)

class Ctx(threading.local):
    def __init__(self):
        self.depth = 0
ctx = Ctx()
ctx.depth = 5
r = []
t = threading.Thread(target=lambda: r.append(ctx.__dict__.get("depth")))
t.start(); t.join()
print(ctx.depth, r)

def daemon_loop():
    import time
    while True:
        time.sleep(0.01)
threading.Thread(target=daemon_loop, daemon=True).start()

def boom():
    raise ValueError("boom in thread")
t = threading.Thread(target=boom)
t.start()
t.join()
print("main continues")
