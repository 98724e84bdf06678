#!/usr/bin/env python3
"""The GIL's costs in issue 4's Speed section, measured on a Python interpreter.

    bench/gil_speed.py [--interp build/gil/conch] [--interp /usr/bin/python3]
                       [--reps 7] [--json out.json]

For each interpreter it runs, each in a fresh process, interleaved across
interpreters so that machine load falls on all of them alike:

  handoff   request-to-run latency.  One thread spins in pure Python; the
            main thread sleeps 2 ms (dropping the GIL) and measures how long
            after its sleep ended it runs bytecode again.  It must wait for
            the spinner to honour a drop request: about one switch interval
            (5 ms by default; also measured at 1 ms), never multiples of it.
  two-cpu   the same CPU-bound work, serially and as two threads: wall and
            process-CPU time of each, and the ratios threads/serial.  With a
            GIL the threads cannot overlap, so the wall ratio should be ~1.0
            (the issue's target: within 5%); CPU time is the load-proof
            version of the same number.

Wall-clock figures need an idle machine; on a loaded one the report says so
(the load average is printed) and the CPU-time ratio is the one to read.  The
eval-breaker's single-thread cost is measured separately with callgrind
(bench/breaker_cost.py), as an instruction count that load cannot distort.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys

HANDOFF = r"""
import sys, threading, time
interval = float(sys.argv[1])
sys.setswitchinterval(interval)
stop = False
def spin():
    n = 0
    while not stop:
        n += 1
t = threading.Thread(target=spin)
t.start()
time.sleep(0.05)
lat = []
for _ in range(SAMPLES):
    t0 = time.perf_counter()
    time.sleep(0.002)
    lat.append(time.perf_counter() - t0 - 0.002)
stop = True
t.join()
lat.sort()
print(" ".join("%.6f" % x for x in lat))
"""

TWO_CPU = r"""
import threading, time
def work(n):
    t = 0
    for i in range(n):
        t += i
    return t
N = WORK
w0 = time.perf_counter(); c0 = time.process_time()
work(N); work(N)
serial_wall = time.perf_counter() - w0; serial_cpu = time.process_time() - c0
ts = [threading.Thread(target=work, args=(N,)) for _ in range(2)]
w0 = time.perf_counter(); c0 = time.process_time()
for t in ts: t.start()
for t in ts: t.join()
thr_wall = time.perf_counter() - w0; thr_cpu = time.process_time() - c0
print(serial_wall, serial_cpu, thr_wall, thr_cpu)
"""


def run(interp, code, *args):
    out = subprocess.run([interp, "-c", code, *args], capture_output=True, text=True,
                         timeout=600)
    if out.returncode != 0:
        raise SystemExit("%s failed: %s" % (interp, out.stderr.strip().splitlines()[-1:]))
    return out.stdout.split()


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--interp", action="append")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--samples", type=int, default=40, help="handoffs per run")
    ap.add_argument("--work", type=int, default=2_000_000, help="loop count per thread")
    ap.add_argument("--json")
    args = ap.parse_args()
    interps = args.interp or ["build/gil/conch", "/usr/bin/python3"]
    handoff_src = HANDOFF.replace("SAMPLES", str(args.samples))
    two_src = TWO_CPU.replace("WORK", str(args.work))
    res = {i: {"handoff_5ms": [], "handoff_1ms": [], "two_cpu": []} for i in interps}
    load_before = os.getloadavg()
    for rep in range(args.reps):
        for interp in interps:
            r = res[interp]
            r["handoff_5ms"] += [float(x) for x in run(interp, handoff_src, "0.005")]
            r["handoff_1ms"] += [float(x) for x in run(interp, handoff_src, "0.001")]
            r["two_cpu"].append([float(x) for x in run(interp, two_src)])
        print("rep %d/%d done" % (rep + 1, args.reps), file=sys.stderr)
    load_after = os.getloadavg()

    print("load average (1 min) before %.1f, after %.1f on %d CPUs" %
          (load_before[0], load_after[0], os.cpu_count()))
    print()
    print("GIL handoff latency, request to run (ms): %d samples per row" %
          (args.reps * args.samples))
    print()
    print("| interpreter | switch interval | median | p10 | p90 | max |")
    print("|---|---|---|---|---|---|")
    for interp in interps:
        for key, label in (("handoff_5ms", "5 ms"), ("handoff_1ms", "1 ms")):
            xs = [x * 1e3 for x in res[interp][key]]
            print("| %s | %s | %.2f | %.2f | %.2f | %.2f |" % (
                interp, label, statistics.median(xs), pct(xs, 0.1), pct(xs, 0.9), max(xs)))
    print()
    print("Two CPU-bound threads vs the same work serially (%d runs, median of each ratio)" %
          args.reps)
    print()
    print("| interpreter | serial wall s | threads wall s | wall ratio | "
          "serial cpu s | threads cpu s | cpu ratio |")
    print("|---|---|---|---|---|---|---|")
    for interp in interps:
        rows = res[interp]["two_cpu"]
        med = lambda k: statistics.median(r[k] for r in rows)
        wall_ratio = statistics.median(r[2] / r[0] for r in rows)
        cpu_ratio = statistics.median(r[3] / r[1] for r in rows)
        print("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |" % (
            interp, med(0), med(2), wall_ratio, med(1), med(3), cpu_ratio))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"load": [load_before, load_after], "results": res}, f, indent=1)


if __name__ == "__main__":
    main()
