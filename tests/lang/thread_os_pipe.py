# os.pipe / os.read / os.write / os.close between threads: a writer thread
# sends numbered chunks through a pipe while the main thread reads them.
# The main thread blocks in os.read on an empty pipe; in the gil build that
# read must release the GIL or the writer could never run (a hang, not a
# wrong answer, is how this test fails).
import os
import threading

r, w = os.pipe()
print(type(r).__name__, type(w).__name__, r != w)

CHUNKS = 200

def writer():
    for i in range(CHUNKS):
        data = ("%04d|" % i).encode()
        n = os.write(w, data)
        assert n == len(data)
    os.close(w)

t = threading.Thread(target=writer)
t.start()
received = []
while True:
    chunk = os.read(r, 64)
    if not chunk:  # EOF: the writer closed its end
        break
    received.append(chunk)
t.join()
os.close(r)
data = b"".join(received)
items = data.decode().split("|")[:-1]
print(len(data), len(items), items[0], items[-1])
print(items == ["%04d" % i for i in range(CHUNKS)])

# A reader thread blocked on an empty pipe, woken by the main thread.
r, w = os.pipe()
got = []
t = threading.Thread(target=lambda: got.append(os.read(r, 100)))
t.start()
os.write(w, b"wake up")
t.join()
print(got)

# Ping-pong: two pipes, each side waits for the other's byte.
a_r, a_w = os.pipe()
b_r, b_w = os.pipe()

def echo():
    for _ in range(50):
        b = os.read(a_r, 1)
        os.write(b_w, bytes([b[0] + 1]))

t = threading.Thread(target=echo)
t.start()
total = 0
for i in range(50):
    os.write(a_w, bytes([i]))
    total += os.read(b_r, 1)[0]
t.join()
print("ping-pong", total)
for fd in (r, w, a_r, a_w, b_r, b_w):
    os.close(fd)

# dup and fdopen: the same pipe through a second descriptor and a file.
r, w = os.pipe()
w2 = os.dup(w)
print(w2 not in (r, w))
os.write(w2, b"via dup\n")
os.close(w2)
with os.fdopen(w, "w") as f:
    f.write("via fdopen\n")
with os.fdopen(r) as f:
    print(f.read().splitlines())

# Errors, worded as CPython words them.
bad = [
    lambda: os.read(r, 1),           # closed: EBADF
    lambda: os.write(-1, b"x"),
    lambda: os.close(-1),
    lambda: os.read(0, -1),
    lambda: os.read("0", 1),
    lambda: os.write(1, "text"),
    lambda: os.read(2 ** 40, 1),
    lambda: os.read(0),
    lambda: os.write(1),
    lambda: os.pipe(1),
    lambda: os.dup(),
    lambda: os.close(1, 2),
    lambda: os.fdopen("x"),
]
for f in bad:
    try:
        f()
        print("no error")
    except (OSError, TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
