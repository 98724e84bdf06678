# Not a stress test: the harness's self-check (stress-harness/detects_violation).
# A violated invariant in a worker thread must reach the main thread and end
# the program with "STRESS FAILURE: ..." and exit status 1.
from _stress import main, check, run_threads


def body():
    run_threads(lambda i: check(i != 3, "deliberate violation in thread 3"))
    print("check() returned")


main("violation", body)
