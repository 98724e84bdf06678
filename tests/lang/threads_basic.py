import threading, time

def work(x, out):
    time.sleep(0.01)
    out.append(x * 2)

out = []
ts = [threading.Thread(target=work, args=(i, out)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))
print(ts[0].name, threading.current_thread().name, threading.main_thread().name)
print(threading.active_count(), len(threading.enumerate()))
print(ts[0].is_alive(), threading.current_thread() is threading.main_thread())
try:
    ts[0].start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
t = threading.Thread(target=work, name="worker", kwargs={"x": 3, "out": out})
print(repr(t))
t.start(); t.join()
print(out[-1], t.ident is not None, t.native_id is not None)
class MyThread(threading.Thread):
    def run(self):
        self.result = sum(range(100))
m = MyThread(); m.start(); m.join(); print(m.result)
# join with timeout on a sleeping thread
s = threading.Thread(target=time.sleep, args=(0.5,))
s.start()
s.join(0.05)
print("alive after short join:", s.is_alive())
s.join()
print("alive after join:", s.is_alive())
