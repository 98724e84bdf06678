# Eight threads hammer shared bytearrays.
#   B: append, extend, insert(0), B[:0] = chunk, pop(), pop(0), remove,
#      `in`, find, count, iterate, copy, bytes(B), len.  Thread t only adds
#      byte values in [30t, 30t + 30), so conservation must hold at the end:
#      B's contents plus everything popped or removed is exactly what was
#      added (as counts per byte value), and every byte ever read is valid.
#   T: whole replacements T[:] = pattern (a run of one byte v, of length
#      10 + v % 50), from bytes, from a fresh bytearray and from the shared
#      bytearray U (two-object section); readers (bytes(T), T.copy(),
#      iteration, T == x, a local extend(T), T + b'') must see one whole
#      pattern, never a torn mix: slice assignment and every read are atomic.
#   R: a fixed-length bytearray whose even and odd positions threads
#      overwrite with extended slices; the length never changes and every
#      byte is one some thread wrote.
from _stress import THREADS, check, main, run_threads, scaled

ROUNDS = scaled(800)
B = bytearray()
T = bytearray(b"\x00" * 10)
U = bytearray(b"\x01" * 11)
R = bytearray(b"\x00" * 64)


def pattern(v):
    return bytes([v]) * (10 + v % 50)


def whole(x):
    """x is exactly one pattern."""
    return len(x) > 0 and x == pattern(x[0])


def hammer_b(tid, r, added, taken):
    lo = 30 * tid
    v = lo + r % 30
    B.append(v)
    added[v] += 1
    if r % 3 == 0:
        chunk = bytes([lo + (r + k) % 30 for k in range(5)])
        if r % 2:
            B.extend(chunk)
        else:
            B[:0] = chunk
        for c in chunk:
            added[c] += 1
    if r % 7 == 0:
        B.insert(0, lo)
        added[lo] += 1
    if len(B) > 200:
        try:
            x = B.pop(0) if r % 2 else B.pop()
            check(0 <= x < 30 * THREADS, "pop returned stranger %r" % x)
            taken[x] += 1
        except IndexError:
            pass  # emptied by the others meanwhile
    if r % 5 == 0:
        try:
            B.remove(v)  # ours: nobody else adds v
            taken[v] += 1
        except ValueError:
            pass  # our copies were popped by others
    if r % 25 == tid % 25:
        snap = bytes(B)
        check(all(c < 30 * THREADS for c in snap), "bytes(B) holds a stranger")
        check(all(c < 30 * THREADS for c in B.copy()), "B.copy() holds a stranger")
        for c in B:
            check(0 <= c < 30 * THREADS, "iteration saw %r" % c)
        check((lo in B) in (True, False), "in")
        check(B.find(bytes([255])) == -1 and B.count(250) == 0, "find/count saw 25x")


def hammer_t(tid, r):
    v = (tid * 7 + r) % 200 + 1
    kind = r % 4
    if kind == 0:
        T[:] = pattern(v)
    elif kind == 1:
        T[:] = bytearray(pattern(v))
    elif kind == 2:
        U[:] = pattern(v)
        T[:] = U
    else:
        got = T.copy()
        check(whole(got), "T.copy() torn: %r" % got[:20])
    check(whole(bytes(T)), "bytes(T) torn")
    local = bytearray()
    local.extend(T)
    check(whole(local), "extend(T) torn")
    check(whole(T + b""), "T + b'' torn")
    if r % 10 == tid:
        items = list(T)
        check(all(0 < c <= 200 for c in items), "iterating T saw a stranger")


def hammer_r(tid, r):
    v = (tid * 13 + r) % 256
    if tid % 2:
        R[::2] = bytes([v]) * 32
    else:
        R[1::2] = bytearray([v]) * 32
    check(len(R) == 64, "R changed length")
    if r % 20 == 0:
        del R[64:]  # a no-op deletion racing the writers
        check(len(R) == 64, "R changed length after no-op del")


def hammer(tid):
    added = [0] * 256
    taken = [0] * 256
    for r in range(ROUNDS):
        hammer_b(tid, r, added, taken)
        hammer_t(tid, r)
        hammer_r(tid, r)
    return added, taken


def body():
    results = run_threads(hammer)
    added = [0] * 256
    taken = [0] * 256
    for a, t in results:
        for i in range(256):
            added[i] += a[i]
            taken[i] += t[i]
    left = [0] * 256
    for c in B:
        left[c] += 1
    for i in range(256):
        check(left[i] + taken[i] == added[i],
              "byte %d: %d left + %d taken != %d added" % (i, left[i], taken[i], added[i]))
    check(whole(T), "T torn at the end")
    check(len(R) == 64, "R length at the end")


main("stress_bytearray", body)
