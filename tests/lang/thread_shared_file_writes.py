# Several threads write whole lines to one shared binary file object (CPython's
# BufferedWriter is thread-safe; its TextIOWrapper is not, so text mode is not
# compared) and contend on sys.stdout: every line arrives intact (a file's
# buffer is locked across each write, including the system call made without
# the GIL).
import os
import sys
import threading

N_THREADS = 4
N_LINES = 2000


def writer(f, tag):
    for i in range(N_LINES):
        f.write(("%s:%05d:%s\n" % (tag, i, "x" * (i % 50))).encode())


path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "conch_shared_file_%d.txt" % os.getpid())
with open(path, "wb") as f:
    threads = [threading.Thread(target=writer, args=(f, "t%d" % k)) for k in range(N_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

with open(path) as f:
    lines = f.read().split("\n")
os.remove(path)
assert lines[-1] == ""
lines = lines[:-1]
print("lines:", len(lines))
bad = [ln for ln in lines
       if len(ln.split(":")) != 3 or len(ln.split(":")[2]) != int(ln.split(":")[1]) % 50]
print("malformed:", len(bad))
per = {}
for ln in lines:
    tag, i, _ = ln.split(":")
    per.setdefault(tag, []).append(int(i))
print("per thread in order:", all(v == list(range(N_LINES)) for v in per.values()), len(per))


def shouter(tag, out):
    for i in range(300):
        out.append(i)
        sys.stdout.write("")  # contend on stdout's lock without changing output


seen = []
threads = [threading.Thread(target=shouter, args=(k, seen)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("stdout writes:", len(seen))
