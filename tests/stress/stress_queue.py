# Objects cross threads through queue.Queue, so their references are taken
# and dropped by threads that do not own them.  Four producers build fresh
# objects (lists, dicts, instances with a dict, tuples, closures, strings) and
# put them on a queue; four consumers take them, verify their contents, keep
# every fourth one in a shared list and drop the rest (freed by a non-owner).
# A second pair of queues plays ping-pong: one object bounces between two
# threads many times, each side mutating it under the other's eyes.
# Invariants: every object arrives intact, exactly once (sequence numbers);
# kept objects are still intact after every producer has exited; the
# ping-pong counter ends exactly at its number of bounces.
import queue
import threading

from _stress import THREADS, check, main, run_threads, scaled

PER_PRODUCER = scaled(1500)
PRODUCERS = 4
BOUNCES = scaled(2000)
q = queue.Queue(maxsize=64)
kept = []
done_lock = threading.Lock()
done = [0]


class Item:
    def __init__(self, seq, payload):
        self.seq = seq
        self.payload = payload
        self.tag = "item-%d" % seq


def make(seq):
    k = seq % 5
    data = list(range(seq % 7 + 1))
    if k == 0:
        return ("list", seq, data)
    if k == 1:
        return ("dict", seq, {"seq": seq, "data": data, str(seq): seq})
    if k == 2:
        return ("item", seq, Item(seq, data))
    if k == 3:
        return ("closure", seq, (lambda: (seq, data)))
    return ("str", seq, "payload-" + str(seq) * 3)


def verify(kind, seq, obj):
    data = list(range(seq % 7 + 1))
    if kind == "list":
        ok = obj == data
    elif kind == "dict":
        ok = obj["seq"] == seq and obj["data"] == data and obj[str(seq)] == seq
    elif kind == "item":
        ok = obj.seq == seq and obj.payload == data and obj.tag == "item-%d" % seq
    elif kind == "closure":
        ok = obj() == (seq, data)
    else:
        ok = obj == "payload-" + str(seq) * 3
    check(ok, "%s #%d arrived damaged: %r" % (kind, seq, obj))


def producer_consumer(i):
    if i < PRODUCERS:
        for n in range(PER_PRODUCER):
            q.put(make(i * PER_PRODUCER + n))
        # The last producer to finish ends the consumers: its items, and so
        # every producer's, are queued before the sentinels (FIFO).
        with done_lock:
            done[0] += 1
            last = done[0] == PRODUCERS
        if last:
            for _ in range(THREADS - PRODUCERS):
                q.put(None)
        return []
    seen = []
    while True:
        msg = q.get()
        if msg is None:
            return seen
        kind, seq, obj = msg
        verify(kind, seq, obj)
        seen.append(seq)
        if seq % 4 == 0:
            kept.append(msg)


def ping_pong(i):
    mine, other = (ab, ba) if i == 0 else (ba, ab)
    if i == 0:
        other.put({"count": 0, "trail": []})
    for _ in range(BOUNCES // 2):
        box = mine.get()
        box["count"] += 1
        box["trail"].append(i)
        if len(box["trail"]) > 8:
            del box["trail"][:4]
        other.put(box)
    return None


ab = queue.Queue()
ba = queue.Queue()


def body():
    results = run_threads(producer_consumer)
    seen = []
    for r in results:
        seen += r
    total = PRODUCERS * PER_PRODUCER
    check(len(seen) == total, "consumed %d items, produced %d" % (len(seen), total))
    check(sorted(seen) == list(range(total)), "an item was lost or delivered twice")
    for kind, seq, obj in kept:
        verify(kind, seq, obj)
    check(len(kept) == (total + 3) // 4, "kept %d items" % len(kept))
    del kept[:]

    # Ping-pong between two threads, through two queues.
    run_threads(ping_pong, 2)
    box = ab.get() if not ab.empty() else ba.get()
    check(box["count"] == 2 * (BOUNCES // 2), "ping-pong count %d" % box["count"])


main("stress_queue", body)
