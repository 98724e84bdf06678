# re: threads compile (through the shared cache) and match shared patterns at
# once; every thread must get the answers a single thread gets.
import re
import threading

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon"]
TEXT = " ".join("%s=%d" % (WORDS[i % 5], i) for i in range(300))
shared = re.compile(r"(?P<k>[a-z]+)=(?P<v>\d+)")
expected_sum = sum(int(v) for _, v in shared.findall(TEXT))
results = []
failures = []


def worker(tid):
    total = 0
    for rnd in range(20):
        pat = r"(%s)=(\d+)" % WORDS[(tid + rnd) % 5]  # cache hits and misses
        mine = re.findall(pat, TEXT)
        if len(mine) != 60:
            failures.append((tid, pat, len(mine)))
        total += sum(int(m.group("v")) for m in shared.finditer(TEXT))
        re.sub(r"\d", "#", TEXT[:50])
        if rnd % 7 == 3:
            re.purge()
    results.append(total)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), all(r == expected_sum * 20 for r in results), failures)
