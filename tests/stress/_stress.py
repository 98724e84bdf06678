"""Helpers shared by the stress programs (tests/stress/stress_*.py).

Not a test itself (the runner registers only stress_*.py).  Every program
runs unchanged under conch and CPython, so this uses nothing beyond threading.

- THREADS: how many threads hammer the shared object (8, as the issue asks).
- scaled(n): n iterations times CONCH_STRESS_SCALE (default 1; the ThreadSanitizer
  build runs with a smaller scale, since it is 5-15 times slower).
- run_threads(fn): starts THREADS threads that call fn(index) together (a barrier
  lines them up so the hammering overlaps), joins them and returns their results.
  An exception in any thread is a violation: it is reported after the join.
- check(cond, msg): a violated invariant; raises StressFailure (in a worker the
  exception reaches run_threads, in the main thread it ends the program).
- main(body): runs body(), turns StressFailure or any other exception into the
  line "STRESS FAILURE: ..." on stderr and exit status 1, and prints "ok NAME".
"""

import os
import sys
import threading

THREADS = 8
SCALE = float(os.environ.get("CONCH_STRESS_SCALE", "1"))


class StressFailure(Exception):
    pass


def scaled(n):
    return max(1, int(n * SCALE))


def check(cond, msg):
    if not cond:
        raise StressFailure(msg)


def run_threads(fn, n=THREADS):
    barrier = threading.Barrier(n)
    results = [None] * n
    errors = []

    def worker(i):
        try:
            barrier.wait()
            results[i] = fn(i)
        except BaseException as e:  # any exception in a worker is a finding
            errors.append("thread %d: %s: %s" % (i, type(e).__name__, e))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise StressFailure("%d thread(s) failed; first: %s" % (len(errors), errors[0]))
    return results


def main(name, body):
    try:
        body()
    except StressFailure as e:
        sys.stdout.flush()
        sys.stderr.write("STRESS FAILURE: %s: %s\n" % (name, e))
        sys.exit(1)
    except Exception as e:
        sys.stdout.flush()
        sys.stderr.write("STRESS FAILURE: %s: unexpected %s: %s\n" % (name, type(e).__name__, e))
        sys.exit(1)
    print("ok", name)
