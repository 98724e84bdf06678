# Seed 001 ("The GIL Explained"): single- vs multi-threaded CPU-bound work,
# unchanged.  It prints two timings; checked here are the lines' shape and
# the work itself (cpu_bound_task's sums, which the snippet computes and
# discards), never the times.  The timing claim -- four threads are no
# faster than one in the gil build -- is tests/timing/seed_timing.py's.
import _seed
import _seed_texts

SEED = _seed_texts.SEED_1_CPU_BOUND

lines, scope = _seed.run(SEED)
for line in lines:
    label, seconds = line.split(": ")
    print(label, seconds.endswith("s") and float(seconds[:-1]) >= 0)
# sum of i*i for i < n is (n-1)n(2n-1)/6
print(scope["result"], scope["result"] == 9_999_999 * 10_000_000 * 19_999_999 // 6)
print(len(scope["threads"]), [t.is_alive() for t in scope["threads"]])
print(scope["cpu_bound_task"](1000))
