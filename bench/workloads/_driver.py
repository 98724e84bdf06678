"""Runs one workload inside the interpreter under test and prints one JSON line.

    _driver.py WORKLOAD THREADS UNITS [--processes] [--start-at EPOCH]

THREADS threads each call WORKLOAD.work(UNITS) after a common start signal; the
wall time of that parallel section alone (time.perf_counter) is reported, with
every thread's checksum and the process's CPU time over the section
(time.process_time, when the interpreter has it: the runner estimates from it
what the run would take on an idle machine, and calibrates units with it).  THREADS == 1 runs inline, so a single-thread run needs
no `threading` module.  --processes runs THREADS processes instead (os.fork, or
subprocess when fork is missing).  --start-at makes a single-thread run wait
until that time.time() before starting, so tools/matrix can line up several
independent interpreter processes; the run then also reports its start/end
epochs.

The script avoids the json module and f-strings: it must run on interpreters
that implement a subset of Python.  When the interpreter lacks something the
workload or the threads need (ImportError, AttributeError, NotImplementedError
while importing or starting threads), it prints {"unsupported": reason} and
exits 3: the runner records the run as unsupported instead of failing.
"""
import sys
import time

UNSUPPORTED_EXIT = 3


def jstr(s):
    out = ['"']
    for ch in str(s):
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch < " ":
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def jval(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join([jval(x) for x in v]) + "]"
    return jstr(v)


def emit(fields):
    parts = []
    for k, v in fields:
        parts.append(jstr(k) + ": " + jval(v))
    sys.stdout.write("{" + ", ".join(parts) + "}\n")
    sys.stdout.flush()


def describe():
    impl = sys.implementation.name
    gil = True
    if hasattr(sys, "_is_gil_enabled"):
        gil = bool(sys._is_gil_enabled())
    return impl, sys.version.split()[0], gil


def unsupported(name, threads, units, mode, exc):
    impl, version, gil = describe()
    reason = type(exc).__name__ + ": " + str(exc)
    emit([("workload", name), ("threads", threads), ("units", units), ("mode", mode),
          ("implementation", impl), ("version", version), ("gil_enabled", gil),
          ("unsupported", reason)])
    sys.exit(UNSUPPORTED_EXIT)


MISSING = (ImportError, AttributeError, NotImplementedError)


def cpu_clock():
    """Process CPU seconds, or None on an interpreter without process_time."""
    f = getattr(time, "process_time", None)
    return f() if f is not None else None


def peak_rss_kb():
    """This process's peak resident set (VmHWM, KiB), or None off Linux.
    The runner cannot take it from wait4: Linux carries the parent's peak
    across fork and exec into the child's ru_maxrss."""
    try:
        f = open("/proc/self/status")
        try:
            for line in f.read().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        finally:
            f.close()
    except (OSError, ValueError, IndexError):
        return None
    return None


def run_threads(mod, threads, units):
    import threading
    results = [None] * threads
    errors = []
    go = threading.Event()

    def body(i):
        go.wait()
        try:
            results[i] = mod.work(units)
        except BaseException as e:  # reported below, never swallowed
            errors.append(e)

    pool = [threading.Thread(target=body, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    t0 = time.perf_counter()
    go.set()
    for t in pool:
        t.join()
    t1 = time.perf_counter()
    if errors:
        raise errors[0]
    return t1 - t0, results


def run_processes(name, mod, threads, units):
    import os
    if hasattr(os, "fork") and hasattr(os, "pipe"):
        t0 = time.perf_counter()
        kids = []
        for _ in range(threads):
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(r)
                os.write(w, str(mod.work(units)).encode())
                os._exit(0)
            os.close(w)
            kids.append((pid, r))
        sums = []
        for pid, r in kids:
            data = b""
            while True:
                chunk = os.read(r, 4096)
                if not chunk:
                    break
                data += chunk
            os.close(r)
            os.waitpid(pid, 0)
            sums.append(int(data.decode()))
        return time.perf_counter() - t0, sums
    import subprocess
    t0 = time.perf_counter()
    code = "import sys; sys.path.insert(0, %r); import %s as m; print(m.work(%d))" % (
        sys.path[0], name, units)
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
             for _ in range(threads)]
    sums = [int(p.communicate()[0]) for p in procs]
    return time.perf_counter() - t0, sums


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    processes = "--processes" in argv
    start_at = None
    if "--start-at" in argv:
        start_at = float(argv[argv.index("--start-at") + 1])
        args.remove(argv[argv.index("--start-at") + 1])
    name, threads, units = args[0], int(args[1]), int(args[2])
    mode = "processes" if processes else "threads"
    try:
        mod = __import__(name)
    except MISSING as e:
        unsupported(name, threads, units, mode, e)
    started = None
    c0 = cpu_clock()
    if threads == 1 and not processes:
        if start_at is not None:
            while time.time() < start_at:
                time.sleep(0.0005)
            started = time.time()
            c0 = cpu_clock()
        t0 = time.perf_counter()
        sums = [mod.work(units)]
        seconds = time.perf_counter() - t0
    else:
        try:
            if processes:
                seconds, sums = run_processes(name, mod, threads, units)
            else:
                seconds, sums = run_threads(mod, threads, units)
        except MISSING as e:
            unsupported(name, threads, units, mode, e)
    c1 = cpu_clock()
    impl, version, gil = describe()
    fields = [("workload", name), ("threads", threads), ("units", units), ("mode", mode),
              ("seconds", seconds), ("checksums", sums),
              ("cpu_seconds", None if c0 is None or c1 is None else c1 - c0),
              ("implementation", impl), ("version", version), ("gil_enabled", gil),
              ("peak_rss_kb", peak_rss_kb())]
    if started is not None:
        fields.append(("started", started))
        fields.append(("finished", time.time()))
    emit(fields)


if __name__ == "__main__":
    main(sys.argv[1:])
