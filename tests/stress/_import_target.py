# Helper of stress_import_once.py: a module whose body is slow enough that
# other threads importing it arrive while it runs.
import time

import _import_counter

_import_counter.runs += 1
HALF = True
time.sleep(0.01)


def f():
    return 42


DONE = True
