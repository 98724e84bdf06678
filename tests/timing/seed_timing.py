# The timing claims of the seeds' threading programs, on the programs
# themselves (their text unchanged, run with `print` captured):
#   seed 001: four threads doing a quarter of the work each take about as
#     long as one thread doing all of it in the gil build (not a quarter);
#     measured in process CPU time, which load on the machine does not
#     inflate the way it inflates wall time;
#   seed 003 (DeepCuts run_io_threads): four threads that each sleep 1 s
#     finish in about one second, not four.
# Generous bounds: this must never fail on a busy machine for a right
# runtime.  The gil-only check is skipped when the GIL is off.
import os, sys, time

# The snippets and the runner live once, beside the differential programs.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lang"))
import _seed  # noqa: E402
from _seed_texts import SEED_1_CPU_BOUND as SEED_1, SEED_3_IO_THREADS as SEED_3_IO  # noqa: E402


ok = True

# Seed 001 in CPU time: split the program at its two phases by running the
# single-threaded call again around process_time (the snippet's own
# wall-clock lines are printed for the log only).
lines, scope = _seed.run(SEED_1)
print(" / ".join(lines))
task = scope["cpu_bound_task"]
import threading
# The same calls serially (one call of 4x the size would overflow into big
# ints, which are slower: not the same work).
c0 = time.process_time()
for _ in range(4):
    task(1_500_000)
single = time.process_time() - c0
ts = [threading.Thread(target=task, args=(1_500_000,)) for _ in range(4)]
c0 = time.process_time(); w0 = time.perf_counter()
for t in ts: t.start()
for t in ts: t.join()
multi = time.process_time() - c0
wall = time.perf_counter() - w0
ratio = multi / single
print(f"seed 001: single {single:.2f}s cpu, 4 threads {multi:.2f}s cpu "
      f"({wall:.2f}s wall), ratio {ratio:.2f}")
if getattr(sys, "_is_gil_enabled", lambda: True)():
    # The GIL: the threads' total CPU time is the serial time (ratio ~1,
    # certainly not ~0.25), and they never use more than about one core.
    ok &= ratio > 0.7 and multi / wall < 1.3

# Seed 003: four 1-second sleeps overlap.
lines, _ = _seed.run(SEED_3_IO)
elapsed = float(lines[0].split(":")[1])
print(f"seed 003: 4 x sleep(1) in threads took {elapsed:.2f}s")
ok &= 0.95 <= elapsed < 2.0

print("OK" if ok else "FAIL")
sys.exit(0 if ok else 1)
