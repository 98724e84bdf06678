import io, logging, threading
stream = io.StringIO()
log = logging.getLogger("workers")
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
log.addHandler(h)
log.setLevel(logging.INFO)
log.propagate = False

def work(n):
    for i in range(200):
        log.info("item %d", i)

threads = [threading.Thread(target=work, args=(k,), name=f"T{k}") for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
lines = stream.getvalue().splitlines()
print(len(lines), sorted({l.split()[0] for l in lines}))
print(all(l.startswith("T") and " item " in l for l in lines))
per = {}
for l in lines:
    name, _, num = l.split()
    per.setdefault(name, []).append(int(num))
print(all(v == list(range(200)) for v in per.values()))
