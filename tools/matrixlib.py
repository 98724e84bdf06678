"""Shared code of tools/matrix and tools/report (Python 3, stdlib only).

The matrix is a list of measurement records (plain dicts, written to
matrix.json as they are) plus a description of the run.  This module holds the
pieces that are tested on their own (tests/tools/): statistics, parsing of the
driver's JSON line, checksum verification, and the Markdown report.  Running
interpreters lives here too (run_driver / run_processes) so the tests can drive
a fake workload through the real code path.

A record:
  {"workload", "config", "threads", "units", "mode": "threads"|"processes", "rep",
   "status": "ok"|"unsupported"|"error", "seconds", "checksums", "reason",
   "cpu_seconds" (the parallel section's CPU time, from the driver),
   "proc_cpu_seconds", "proc_wall_seconds" (the whole process, from wait4),
   "maxrss_kb", "gil_enabled", "warmup": bool}
The report also estimates, from the CPU times, how long the run would take on
an idle machine (idle_estimate): the matrix is often run on a busy one.
"""
import json
import math
import os
import subprocess
import time

UNSUPPORTED_EXIT = 3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORKLOADS_DIR = os.path.join(ROOT, "bench", "workloads")
DRIVER = "_driver.py"


# ---------------------------------------------------------------- statistics

def median(xs):
    xs = sorted(xs)
    if not xs:
        raise ValueError("median of nothing")
    n = len(xs)
    mid = n // 2
    return xs[mid] if n % 2 else (xs[mid - 1] + xs[mid]) / 2.0


def spread(xs):
    """(min, max): with the handful of repetitions a quick run affords, the
    range is a more honest spread than a standard deviation."""
    return (min(xs), max(xs))


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def significant(a, b):
    """Two samples differ significantly when their ranges do not overlap.
    Conservative on purpose: a difference inside the run-to-run spread of
    either side is "not significant"."""
    if not a or not b:
        return False
    return max(a) < min(b) or max(b) < min(a)


NOT_SIGNIFICANT = "not significant"


def ratio_range(num, den):
    """Median ratio num/den and its extremes (best and worst pairing)."""
    return (median(num) / median(den), min(num) / max(den), max(num) / min(den))


def verdict(num, den, slower="slower", faster="faster"):
    if not significant(num, den):
        return NOT_SIGNIFICANT
    return slower if median(num) > median(den) else faster


def relative_spread(xs):
    """(max - min) / median: the run-to-run noise of one cell, as a fraction."""
    if len(xs) < 2:
        return None
    m = median(xs)
    return (max(xs) - min(xs)) / m if m > 0 else None


# ---------------------------------------------------------------- parsing

def parse_driver_output(text):
    """The last line of the driver's stdout that parses as a JSON object."""
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and "workload" in obj:
                return obj
    raise ValueError("no driver JSON line in output: %r" % text[-300:])


# ---------------------------------------------------------------- running

def _wait(proc, timeout):
    """Waits for proc; returns (returncode or None on timeout, rusage)."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, ru
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, ru = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return None, ru
        time.sleep(0.002)


def _spawn(cmd, env, extra_args, workloads_dir):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.Popen(
        list(cmd) + [os.path.join(workloads_dir, DRIVER)] + extra_args,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env, cwd=workloads_dir)


def _record_from(out, err, rc, base, ru, wall=None):
    """A record from one process's output, exit status and rusage (ru may be
    a plain number: the peak RSS in KiB, as the tests pass it)."""
    rec = dict(base)
    if isinstance(ru, (int, float)):
        rec["maxrss_kb"] = ru
    else:
        rec["maxrss_kb"] = ru.ru_maxrss
        rec["proc_cpu_seconds"] = ru.ru_utime + ru.ru_stime
    if wall is not None:
        rec["proc_wall_seconds"] = wall
    if rc is None:
        rec.update(status="error", reason="timeout (hung?)")
        return rec
    try:
        obj = parse_driver_output(out)
    except ValueError:
        obj = None
    if rc == UNSUPPORTED_EXIT and obj and "unsupported" in obj:
        rec.update(status="unsupported", reason=obj["unsupported"])
    elif rc == 0 and obj and "seconds" in obj:
        if obj.get("peak_rss_kb"):  # exact: wait4's ru_maxrss includes the runner's own
            rec["maxrss_kb"] = obj["peak_rss_kb"]
        rec.update(status="ok", seconds=float(obj["seconds"]),
                   checksums=obj.get("checksums", []),
                   cpu_seconds=obj.get("cpu_seconds"),
                   implementation=obj.get("implementation"),
                   gil_enabled=obj.get("gil_enabled"))
        for k in ("started", "finished"):
            if k in obj:
                rec[k] = obj[k]
    else:
        tail = (err.strip().splitlines() or ["(no stderr)"])[-1]
        rec.update(status="error", reason="exit %s: %s" % (rc, tail[-300:]))
    return rec


def run_driver(cmd, env, workload, threads, units, workloads_dir=WORKLOADS_DIR,
               timeout=300, base=None):
    """One run of the driver in one interpreter: T threads in one process."""
    base = dict(base or {})
    base.update(workload=workload, threads=threads, units=units, mode="threads")
    t0 = time.monotonic()
    proc = _spawn(cmd, env, [workload, str(threads), str(units)], workloads_dir)
    # Read pipes in the background-free way: the driver's output is one line,
    # so it cannot fill a pipe; stderr of a crash is short too.
    rc, ru = _wait(proc, timeout)
    wall = time.monotonic() - t0
    out = proc.stdout.read().decode("utf-8", "replace")
    err = proc.stderr.read().decode("utf-8", "replace")
    return _record_from(out, err, rc, base, ru, wall)


# Seconds the processes of a process-based run get to start up before their
# common start time (plus 30 ms per process): interpreter start-up is ~20 ms.
START_DELAY = 0.1


def _sum_or_none(xs):
    return None if any(x is None for x in xs) else sum(xs)


def run_processes(cmd, env, workload, procs, units, workloads_dir=WORKLOADS_DIR,
                  timeout=300, base=None):
    """T independent interpreter processes, one thread each, lined up on a
    common start time (so interpreter start-up is not measured); wall time is
    last finish - first start; peak memory is the sum of the processes' peaks.
    Works on any interpreter with time.time and time.sleep (no fork needed)."""
    base = dict(base or {})
    base.update(workload=workload, threads=procs, units=units, mode="processes")
    t0 = time.monotonic()
    delay = START_DELAY + 0.03 * procs
    start_at = time.time() + delay
    kids = [_spawn(cmd, env, [workload, "1", str(units), "--start-at", repr(start_at)],
                   workloads_dir) for _ in range(procs)]
    recs = []
    for p in kids:
        rc, ru = _wait(p, timeout)
        out = p.stdout.read().decode("utf-8", "replace")
        err = p.stderr.read().decode("utf-8", "replace")
        recs.append(_record_from(out, err, rc, base, ru))
    bad = [r for r in recs if r["status"] != "ok"]
    if bad:
        return bad[0]
    rec = dict(base)
    rec.update(status="ok",
               seconds=max(r["finished"] for r in recs) - min(r["started"] for r in recs),
               checksums=[r["checksums"][0] for r in recs],
               maxrss_kb=sum(r["maxrss_kb"] for r in recs),
               cpu_seconds=_sum_or_none([r.get("cpu_seconds") for r in recs]),
               proc_cpu_seconds=sum(r["proc_cpu_seconds"] for r in recs),
               proc_wall_seconds=time.monotonic() - t0, start_delay=delay,
               # > 0 when a process started after the common start time
               # (a slow start-up on a loaded machine): its time is inflated.
               late_start=max(0.0, max(r["started"] for r in recs) - start_at),
               implementation=recs[0].get("implementation"),
               gil_enabled=recs[0].get("gil_enabled"))
    return rec


# ---------------------------------------------------------------- verification

def checksum_mismatches(records):
    """Every ok run of a workload, in every configuration, thread count and
    mode, must report the same checksum from every thread.  Returns a list of
    human-readable complaints (empty when all agree)."""
    expected = {}
    problems = []
    for r in records:
        if r.get("status") != "ok":
            continue
        for i, c in enumerate(r.get("checksums") or []):
            key = r["workload"]
            where = "%s %s=%d thread %d" % (r["config"], r["mode"], r["threads"], i)
            if key not in expected:
                expected[key] = (c, where)
            elif expected[key][0] != c:
                problems.append("workload %s: checksum %r from %s differs from %r from %s"
                                % (key, c, where, expected[key][0], expected[key][1]))
    return problems


# ---------------------------------------------------------------- aggregation

def samples(records, workload, config, threads, mode="threads", key="seconds"):
    """The repetitions of one cell (warm-ups left out): wall seconds of the
    parallel section, or with key="cpu_seconds" its CPU time."""
    return [r[key] for r in records
            if r.get("status") == "ok" and not r.get("warmup")
            and r["workload"] == workload and r["config"] == config
            and r["threads"] == threads and r.get("mode", "threads") == mode
            and r.get(key) is not None]


def unsupported_runs(records):
    seen = {}
    for r in records:
        if r.get("status") == "unsupported":
            key = (r["config"], r["workload"], r["threads"], r.get("mode", "threads"))
            seen.setdefault(key, r.get("reason", ""))
    return seen


def errors(records):
    return [r for r in records if r.get("status") == "error"]


def speedup(records, workload, config, threads, mode="threads", base_config=None):
    """Weak scaling: T x t(1) / t(T), medians; None when either side is missing."""
    t1 = samples(records, workload, base_config or config, 1, "threads")
    tt = samples(records, workload, config, threads, mode)
    if not t1 or not tt:
        return None
    return threads * median(t1) / median(tt)


def peak_kb(records, workload, config, threads, mode):
    xs = [r.get("maxrss_kb") or 0 for r in records
          if r.get("status") == "ok" and r["workload"] == workload
          and r["config"] == config and r["threads"] == threads
          and r.get("mode", "threads") == mode]
    return max(xs) if xs else None


# ---------------------------------------------------------------- run length

CPU_BOUND = 0.05


def run_idle_seconds(rec, cores):
    """What one run would take on an idle machine, from its CPU time.

    A loaded machine stretches wall time but hardly CPU time.  The parallel
    section of a CPU-bound run takes cpu / parallelism, where parallelism is 1
    while a GIL is on and min(T, cores) otherwise (threads without a GIL, or
    processes); a run that is not CPU-bound (sleeps, pipes) keeps its measured
    time.  Start-up and exit (the process's CPU outside the section) run on
    one thread; a process-based run waits its fixed start delay instead.
    CPU-bound means CPU time >= 5% of the wall time: a sleeping run uses
    1-2%, a CPU-bound one starved by a load of 20 on 2 cores still gets
    about 10% of a core.  CPU time counts spinning too, so for threads
    that spin-wait on each other the estimate is an upper bound."""
    wall = rec.get("proc_wall_seconds")
    if wall is None:
        return None
    if rec.get("status") != "ok":
        return wall
    procs = rec.get("mode") == "processes"
    par = min(rec["threads"], cores) if procs or rec.get("gil_enabled") is False else 1
    sec, cpu = rec["seconds"], rec.get("cpu_seconds")
    est = sec
    if cpu is not None and cpu >= CPU_BOUND * sec:
        est = min(sec, cpu / par)
    if procs:
        return rec.get("start_delay", 0.0) + est
    outside = max(0.0, (rec.get("proc_cpu_seconds") or 0.0) - (cpu or 0.0))
    return min(wall, outside + est)


def idle_estimate(data):
    """(measured seconds, idle-machine estimate) of the whole run without
    builds, or None for runs recorded before CPU times were kept."""
    phases = data.get("phases")
    if not phases:
        return None
    cores = (data.get("machine") or {}).get("cores") or 1
    measured = sum(ph["wall"] for ph in phases.values())
    est = 0.0
    for name, ph in phases.items():
        if name == "matrix":
            runs = [run_idle_seconds(r, cores) for r in data["records"]]
            est += sum(x for x in runs if x is not None)
        else:  # one process at a time: its CPU time, at most its wall time
            est += min(ph["wall"], ph["cpu"])
    return measured, est


# ---------------------------------------------------------------- report

def _fmt_t(xs):
    if not xs:
        return "—"
    lo, hi = spread(xs)
    return "%.4f (%.4f–%.4f)" % (median(xs), lo, hi)


def _fmt_x(x):
    return "—" if x is None else "%.2f" % x


def _fmt_pct(x):
    return "—" if x is None else "%.1f%%" % (100.0 * x)


def regression_rows(data, num="ft", den="gil", threads=1, key="seconds"):
    """(workload, ratio, lo, hi, verdict) for workloads measured in both."""
    recs = data["records"]
    rows = []
    for w in data["workloads"]:
        a = samples(recs, w, num, threads, key=key)
        b = samples(recs, w, den, threads, key=key)
        if a and b:
            r, lo, hi = ratio_range(a, b)
            rows.append((w, r, lo, hi, verdict(a, b)))
    return rows


def cpython_pairs(names):
    """(free-threaded, GIL) pairs of CPython builds in the run, e.g.
    ("cpython-3.13.5t", "cpython-3.13.5") from tools/cpythonlib.py."""
    return [(n, n[:-1]) for n in names
            if n.startswith("cpython-") and n.endswith("t") and n[:-1] in names]


# The configurations that split ft/gil into mechanisms, in the order each
# adds one: the allocator, then the ft runtime's refcounting and locking
# (the ft build with the GIL still on), then taking the GIL off.
ATTRIBUTION_CHAIN = ["gil", "gil-mimalloc", "ft-gil", "ft"]
MECHANISMS = {"gil-mimalloc": "allocator", "ft-gil": "refcounting + locking", "ft": "GIL off"}


def attribution_steps(names):
    """[(from, to, label)] along ATTRIBUTION_CHAIN for the configurations
    present; [] unless it splits ft/gil into at least two steps."""
    chain = [c for c in ATTRIBUTION_CHAIN if c in names]
    if len(chain) < 3 or chain[0] != "gil" or chain[-1] != "ft":
        return []
    steps = []
    for a, b in zip(chain, chain[1:]):
        upto = ATTRIBUTION_CHAIN.index(b)
        since = ATTRIBUTION_CHAIN.index(a)
        label = " + ".join(MECHANISMS[c] for c in ATTRIBUTION_CHAIN[since + 1:upto + 1])
        steps.append((a, b, label))
    return steps


def shares(step_ratios, total):
    """Each step's share of a total ratio on a log scale (they add to 1);
    None when the total is too close to 1.0 to divide up."""
    if total is None or abs(math.log(total)) < 0.01 or any(r is None for r in step_ratios):
        return [None] * len(step_ratios)
    return [math.log(r) / math.log(total) for r in step_ratios]


def micro_ns(bench):
    """A Google Benchmark result's time per iteration in ns: wall time for
    /real_time and /manual_time benchmarks, CPU time otherwise."""
    wall = "/real_time" in bench["name"] or "/manual_time" in bench["name"]
    t = bench["real_time"] if wall else bench["cpu_time"]
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}.get(bench.get("time_unit", "ns"), 1.0)
    return t * scale


class _Report:
    """Builds REPORT.md one section at a time (each a method)."""

    def __init__(self, data, plots):
        self.data = data
        self.recs = data["records"]
        self.names = [c["name"] for c in data["configs"]]
        self.threads = data["thread_counts"]
        self.plots = plots
        self.out = []

    def p(self, line=""):
        self.out.append(line)

    def text(self):
        for section in (self.header, self.regression, self.attribution, self.cpython,
                        self.speedups, self.processes, self.noise, self.verdicts,
                        self.unsupported, self.errors, self.micro, self.instructions,
                        self.plot_links):
            section()
        return "\n".join(self.out) + "\n"

    # -- header
    def header(self):
        d, p = self.data, self.p
        m = d.get("machine", {})
        p("# conch benchmark matrix — %s\n" % d.get("date", "?"))
        p("Machine: %s, %s cores, %s, kernel %s. Commit `%s`%s. Mode: %s, %d repetitions "
          "(+1 warm-up per workload and configuration, discarded)."
          % (m.get("cpu", "?"), m.get("cores", "?"), m.get("memory", "?"), m.get("kernel", "?"),
             d.get("commit", "?"), " (with uncommitted changes)" if d.get("dirty") else "",
             d.get("mode", "?"), d.get("repeat", 0)))
        p("")
        self.run_length()
        p("| configuration | what | version |")
        p("|---|---|---|")
        for c in d["configs"]:
            p("| %s | %s | %s |" % (c["name"], c.get("what", ""), c.get("version", "")))
        p("")
        p("Times are seconds of the parallel section, median (min–max). Speedup at T threads "
          "= T × t(1) / t(T) (weak scaling: every thread does the same work; 1.0 = threads "
          "bought nothing). A difference is *significant* only when the min–max ranges of the "
          "two sides do not overlap; otherwise the verdict is \"%s\"." % NOT_SIGNIFICANT)
        p("")
        mism = d.get("checksum_mismatches", [])
        nok = sum(1 for r in self.recs if r.get("status") == "ok")
        if mism:
            p("**CHECKSUM MISMATCHES (%d)** — the run failed:\n" % len(mism))
            for x in mism:
                p("- %s" % x)
        else:
            p("Checksums: every thread of all %d successful runs agreed with every other "
              "configuration on each workload." % nok)
        p("")

    def run_length(self):
        d, p = self.data, self.p
        units = d.get("units") or {}
        if d.get("target_seconds"):
            p("Units per workload were calibrated so that one thread of `%s` runs about "
              "%.2f s (%s)." % (d.get("calibrated_on", "gil"), d["target_seconds"],
                               ", ".join("%s %d" % kv for kv in sorted(units.items()))))
            p("")
        est = idle_estimate(d)
        load = (d.get("loadavg") or {}).get("start")
        cores = (d.get("machine") or {}).get("cores") or 1
        if load is not None and load > 0.5 * cores:
            p("**The machine was busy** (load average %.1f on %d cores when the run "
              "started): wall times are stretched and noisy, and most differences will "
              "not be significant. The CPU-time columns of the single-thread regression "
              "hold up better (though a very busy machine stretches CPU time too, through "
              "shared caches and cores); rerun on an idle machine for publication."
              % (load, cores))
            p("")
        if est:
            load = d.get("loadavg") or {}
            p("The run took %.0f s without builds (load average %s at its start, %s at its "
              "end, on %s cores); from the runs' CPU times, about %.0f s on an idle machine."
              % (est[0], _fmt_load(load.get("start")), _fmt_load(load.get("end")),
                 (d.get("machine") or {}).get("cores", "?"), est[1]))
            p("")

    # -- single-thread regression
    def regression(self):
        p, recs = self.p, self.recs
        p("## Single-thread regression (ft / gil)\n")
        if "gil" not in self.names or "ft" not in self.names:
            p("(needs both the gil and ft configurations)\n")
            return
        rows = regression_rows(self.data)
        cpu = dict((r[0], r) for r in regression_rows(self.data, key="cpu_seconds"))
        p("| workload | gil s | ft s | ft/gil | range | verdict | by CPU time: ft/gil | range "
          "| verdict |")
        p("|---|---|---|---|---|---|---|---|---|")
        for w, r, lo, hi, v in rows:
            c = cpu.get(w)
            p("| %s | %s | %s | **%.2f** | %.2f–%.2f | %s | %s |"
              % (w, _fmt_t(samples(recs, w, "gil", 1)), _fmt_t(samples(recs, w, "ft", 1)),
                 r, lo, hi, v, "%.2f | %.2f–%.2f | %s" % c[1:] if c else "— | — | —"))
        p("")
        nsig = sum(1 for x in rows if x[4] != NOT_SIGNIFICANT)
        p("Geometric mean ft/gil over %d workloads: **%s** (geometric mean of the ranges' "
          "ends: %s–%s; %d of the %d differences are significant)."
          % (len(rows), _fmt_x(geomean([x[1] for x in rows])),
             _fmt_x(geomean([x[2] for x in rows])), _fmt_x(geomean([x[3] for x in rows])),
             nsig, len(rows)))
        if cpu:
            p("")
            p("By CPU time of the same single-thread runs (on one thread, CPU time is "
              "about the time the run would take on an idle machine, and a busy machine "
              "stretches it far less than wall time; it leaves out time spent waiting, so "
              "io_sleep's is noise): geometric mean ft/gil **%s** over %d workloads, "
              "%d significant." % (_fmt_x(geomean([x[1] for x in cpu.values()])), len(cpu),
                                   sum(1 for x in cpu.values() if x[4] != NOT_SIGNIFICANT)))
        p("")
        refs = [n for n in self.names if n not in ("gil", "ft")]
        if refs:
            p("Single-thread time relative to the gil build (geometric mean over the "
              "workloads both ran): " + ", ".join(
                  "%s %s" % (n, _fmt_x(geomean([x[1] for x in regression_rows(self.data, n)])))
                  for n in refs) + ".")
            p("")

    # -- attribution
    def attribution(self):
        steps = attribution_steps(self.names)
        if not steps:
            return
        p = self.p
        p("## Where the single-thread regression comes from\n")
        p("Each column changes one mechanism: %s. The steps multiply to ft/gil; a share is "
          "the step's part of the total on a log scale (a negative share is a step that "
          "makes the build faster). Single-thread times, medians.\n"
          % "; ".join("`%s` → `%s`: %s" % s for s in steps))
        p("| workload | " + " | ".join("%s (%s/%s)" % (s[2], s[1], s[0]) for s in steps)
          + " | ft/gil |")
        p("|---|" + "---|" * (len(steps) + 1))
        cols = [dict((r[0], r) for r in regression_rows(self.data, b, a)) for a, b, _ in steps]
        total = dict((r[0], r) for r in regression_rows(self.data))
        ws = [w for w in self.data["workloads"] if w in total and all(w in c for c in cols)]
        for w in ws:
            p("| %s | %s | %.2f |" % (w, " | ".join(
                "%.2f%s" % (c[w][1], "" if c[w][4] != NOT_SIGNIFICANT else " (n.s.)")
                for c in cols), total[w][1]))
        gms = [geomean([c[w][1] for w in ws]) for c in cols]
        gtot = geomean([total[w][1] for w in ws])
        p("| **geometric mean** (%d workloads) | %s | **%s** |" % (len(ws), " | ".join(
            "**%s**" % _fmt_x(g) for g in gms), _fmt_x(gtot)))
        p("| share of the regression | %s | 100%% |" % " | ".join(
            _fmt_pct(s) for s in shares(gms, gtot)))
        p("")
        p("(n.s.: not significant, the two configurations' ranges overlap.)\n")

    # -- CPython's own pair
    def cpython(self):
        p, recs = self.p, self.recs
        rows = regression_rows(self.data)
        for ft_name, gil_name in cpython_pairs(self.names):
            prow = regression_rows(self.data, ft_name, gil_name)
            if not prow:
                continue
            p("## CPython's own pair: %s / %s\n" % (ft_name, gil_name))
            p("Built alike, only `--disable-gil` differs.\n")
            p("| workload | %s s | %s s | ratio | range | verdict |" % (gil_name, ft_name))
            p("|---|---|---|---|---|---|")
            for w, r, lo, hi, v in prow:
                p("| %s | %s | %s | **%.2f** | %.2f–%.2f | %s |"
                  % (w, _fmt_t(samples(recs, w, gil_name, 1)),
                     _fmt_t(samples(recs, w, ft_name, 1)), r, lo, hi, v))
            p("")
            p("Geometric mean %s/%s: **%s**%s." % (
                ft_name, gil_name, _fmt_x(geomean([r[1] for r in prow])),
                (" (conch's ft/gil on the same run: %s)" % _fmt_x(geomean([r[1] for r in rows])))
                if rows else ""))
            p("")

    # -- speedups
    def speedups(self):
        p, recs, threads = self.p, self.recs, self.threads
        ws = self.data["workloads"]
        p("## Speedup by thread count (T × t1 / tT)\n")
        p("Geometric mean over the workloads, per configuration:\n")
        p("| configuration | " + " | ".join("T=%d" % t for t in threads) + " |")
        p("|---|" + "---|" * len(threads))
        for n in self.names:
            p("| %s | %s |" % (n, " | ".join(
                _fmt_x(geomean([speedup(recs, w, n, t) for w in ws])) for t in threads)))
        p("")
        p("Per workload:\n")
        p("| workload | configuration | " + " | ".join("T=%d" % t for t in threads) + " |")
        p("|---|---|" + "---|" * len(threads))
        for w in ws:
            for n in self.names:
                cells = [_fmt_x(speedup(recs, w, n, t)) for t in threads]
                if all(c == "—" for c in cells):
                    continue
                p("| %s | %s | %s |" % (w, n, " | ".join(cells)))
        p("")

    # -- threads vs processes, memory
    def processes(self):
        p, recs = self.p, self.recs
        proc_cfgs = [n for n in self.names
                     if any(r.get("mode") == "processes" and r["config"] == n for r in recs)]
        if not proc_cfgs:
            return
        p("## Threads vs processes, peak memory\n")
        p("Processes: T independent interpreter processes of the same build, one thread "
          "each, started together; memory is the sum of their peak RSS. Threads: one "
          "process, its peak RSS. Peak RSS is the process's own high-water mark "
          "(VmHWM, reported by the driver; wait4's ru_maxrss would include the runner's "
          "peak, which Linux carries across fork and exec).\n")
        shown = [n for n in ("gil", "ft") if n in self.names]
        shown += [n for n in proc_cfgs if n not in shown]
        multi = [t for t in self.threads if t > 1]
        p("| workload | T | " + " | ".join(
            "%s %s speedup | MiB" % (n, m) for n, m in self._mem_columns(shown, proc_cfgs))
          + " |")
        p("|---|---|" + "---|---|" * len(self._mem_columns(shown, proc_cfgs)))
        for w in self.data["workloads"]:
            for t in multi:
                cells = []
                for n, mode in self._mem_columns(shown, proc_cfgs):
                    kb = peak_kb(recs, w, n, t, mode)
                    cells.append("%s | %s" % (_fmt_x(speedup(recs, w, n, t, mode)),
                                              "—" if not kb else "%.1f" % (kb / 1024.0)))
                if any(c != "— | —" for c in cells):
                    p("| %s | %d | %s |" % (w, t, " | ".join(cells)))
        p("")
        late = [r["late_start"] for r in recs if r.get("late_start", 0) > 0.01]
        if late:
            p("%d process-based run(s) had a process start after the common start time "
              "(up to %.2f s late, a slow start-up on a loaded machine): their times are "
              "inflated by that much.\n" % (len(late), max(late)))
        p("Peak memory per configuration (MiB, median over the workloads):\n")
        p("| configuration | " + " | ".join("T=%d" % t for t in self.threads) + " |")
        p("|---|" + "---|" * len(self.threads))
        for n in self.names:
            for mode in ("threads", "processes"):
                if mode == "processes" and n not in proc_cfgs:
                    continue
                cells = []
                for t in self.threads:
                    kbs = [peak_kb(recs, w, n, t, mode) for w in self.data["workloads"]]
                    kbs = [k for k in kbs if k]
                    cells.append("%.1f" % (median(kbs) / 1024.0) if kbs else "—")
                p("| %s %s | %s |" % (n, mode, " | ".join(cells)))
        p("")

    @staticmethod
    def _mem_columns(shown, proc_cfgs):
        cols = []
        for n in shown:
            cols.append((n, "threads"))
            if n in proc_cfgs:
                cols.append((n, "processes"))
        return cols

    # -- noise
    def noise(self):
        p, recs = self.p, self.recs
        p("## Noise\n")
        p("Relative spread (max − min) / median of the repetitions of one cell, over the "
          "workloads: median and worst. A difference smaller than the two sides' spreads "
          "cannot be significant.\n")
        p("| configuration | " + " | ".join("T=%d median | worst" % t for t in self.threads)
          + " |")
        p("|---|" + "---|---|" * len(self.threads))
        for n in self.names:
            cells = []
            for t in self.threads:
                xs = [(relative_spread(samples(recs, w, n, t)), w) for w in self.data["workloads"]]
                xs = [x for x in xs if x[0] is not None]
                if not xs:
                    cells.append("— | —")
                    continue
                worst = max(xs)
                cells.append("%s | %s (%s)" % (_fmt_pct(median([x[0] for x in xs])),
                                               _fmt_pct(worst[0]), worst[1]))
            p("| %s | %s |" % (n, " | ".join(cells)))
        p("")

    # -- verdicts
    def verdicts(self):
        p, recs = self.p, self.recs
        if "gil" not in self.names or "ft" not in self.names:
            return
        p("## Verdicts\n")
        for w, r, lo, hi, v in regression_rows(self.data):
            if v == NOT_SIGNIFICANT:
                line = "- %s: one thread: ft/gil %.2f is **%s** (ranges overlap: %.2f–%.2f)" % (
                    w, r, NOT_SIGNIFICANT, lo, hi)
            else:
                line = "- %s: one thread: ft is **%s** than gil (%.2f, range %.2f–%.2f)" % (
                    w, v, r, lo, hi)
            for t in [x for x in self.threads if x > 1][:2]:
                a, b = samples(recs, w, "ft", t), samples(recs, w, "gil", t)
                if a and b:
                    vt = verdict(a, b)
                    line += "; %d threads: ft/gil time %.2f, %s" % (
                        t, median(a) / median(b),
                        NOT_SIGNIFICANT if vt == NOT_SIGNIFICANT else "ft " + vt)
            p(line + ".")
        p("")

    # -- failures
    def unsupported(self):
        p = self.p
        uns = unsupported_runs(self.recs)
        if not uns:
            return
        p("## Unsupported runs (excluded from statistics)\n")
        byreason = {}
        for (c, w, t, mode), reason in sorted(uns.items()):
            byreason.setdefault((c, mode, reason), []).append("%s@%d" % (w, t))
        for (c, mode, reason), items in sorted(byreason.items()):
            p("- %s (%s): `%s` — %s" % (c, mode, reason, ", ".join(items)))
        p("")

    def errors(self):
        p = self.p
        errs = errors(self.recs)
        if not errs:
            return
        p("## Errors (runs that crashed or timed out)\n")
        seen = set()
        for r in errs:
            if r.get("probe"):
                p("- %s: %s" % (r["config"], r.get("reason", "")))
                continue
            key = (r["config"], r["workload"], r["threads"], r.get("mode"))
            if key in seen:
                continue
            seen.add(key)
            p("- %s %s T=%d (%s): `%s`" % (r["config"], r["workload"], r["threads"],
                                            r.get("mode"), r.get("reason", "")))
        p("")

    # -- microbenchmarks
    def micro(self):
        p = self.p
        micro = self.data.get("micro", {})
        if not micro:
            return
        p("## Microbenchmarks (bench/micro, Google Benchmark)\n")
        p("Nanoseconds per iteration: CPU time, or wall time for the benchmarks that "
          "measure it (`/real_time`, `/manual_time`: hand-offs between threads, where "
          "waiting is the cost). Quick runs use a short minimum time, so read small "
          "differences with care.\n")
        bnames = sorted(micro, key=lambda b: ({"gil": 0, "ft": 1}.get(b, 2), b))
        pair = set(bnames) >= {"gil", "ft"}
        allb = []
        for b in bnames:
            for x in micro[b]:
                if x["name"] not in allb:
                    allb.append(x["name"])
        p("| benchmark | " + " | ".join("%s ns" % b for b in bnames) +
          (" | ft/gil |" if pair else " |"))
        p("|---|" + "---|" * len(bnames) + ("---|" if pair else ""))
        for name in allb:
            vals = {}
            for b in bnames:
                for x in micro[b]:
                    if x["name"] == name:
                        vals[b] = micro_ns(x)
            row = "| %s | " % name + " | ".join(
                "%.2f" % vals[b] if b in vals else "—" for b in bnames) + " |"
            if pair:
                row += " %s |" % (_fmt_x(vals["ft"] / vals["gil"])
                                  if vals.get("gil") and "ft" in vals else "—")
            p(row)
        p("")

    # -- instructions
    def instructions(self):
        p = self.p
        instr = self.data.get("instructions", {})
        if not instr:
            return
        p("## Instructions (callgrind, one thread)\n")
        p("Instructions executed by the workload at a tenth of the timed units (a run minus "
          "a run with zero units, so start-up cancels out); unlike time, they do not drift "
          "with machine noise. They are not time: an atomic read-modify-write (a "
          "lock-prefixed instruction, as in biased refcounting's shared path and every "
          "mutex) counts as one instruction but costs some 20 or more cycles even "
          "uncontended, and far more when another core owns the cache line, while a plain "
          "increment costs about one; callgrind also runs threads one at a time and does "
          "not model caches or the allocator's memory layout here. So ft/gil in "
          "instructions understates the ft build's cost wherever atomics are frequent; "
          "read it beside the timed regression, not instead of it.\n")
        cols = sorted(instr)
        pair = "gil" in instr and "ft" in instr
        p("| workload | " + " | ".join(cols) + (" | ft/gil |" if pair else " |"))
        p("|---|" + "---|" * len(cols) + ("---|" if pair else ""))
        ratios = []
        for w in sorted({w for c in instr.values() for w in c}):
            row = "| %s | %s |" % (w, " | ".join(
                "{:,}".format(instr[c][w]) if w in instr[c] else "—" for c in cols))
            if pair:
                g, f = instr["gil"].get(w), instr["ft"].get(w)
                r = f / g if g and f else None
                ratios.append(r)
                row += " %s |" % _fmt_x(r)
            p(row)
        if pair:
            p("| **geometric mean** | %s | **%s** |" % (" | ".join("" for _ in cols),
                                                        _fmt_x(geomean(ratios))))
        p("")

    def plot_links(self):
        if not self.plots:
            return
        self.p("## Plots\n")
        for f in self.plots:
            self.p("![%s](%s)\n" % (os.path.splitext(f)[0], f))


def _fmt_load(x):
    return "?" if x is None else "%.1f" % x


def build_report(data, plots=()):
    return _Report(data, plots).text()


def make_plots(data, outdir):
    """PNG plots with matplotlib when it is installed; returns file names."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    files = [_plot_speedup(plt, data, outdir)]
    if regression_rows(data):
        files.append(_plot_regression(plt, data, outdir))
    return files


def _plot_speedup(plt, data, outdir):
    recs, threads = data["records"], data["thread_counts"]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for c in data["configs"]:
        n = c["name"]
        ys = [geomean([speedup(recs, w, n, t) for w in data["workloads"]]) for t in threads]
        pts = [(t, y) for t, y in zip(threads, ys) if y is not None]
        if pts:
            ax.plot([t for t, _ in pts], [y for _, y in pts], marker="o", label=n)
    ax.plot(threads, threads, linestyle=":", color="grey", label="ideal")
    ax.set_xlabel("threads")
    ax.set_xticks(threads)
    ax.set_ylabel("speedup (geomean over workloads)")
    ax.set_title("Speedup vs threads per build (weak scaling)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "speedup.png"), dpi=100)
    plt.close(fig)
    return "speedup.png"


def _plot_regression(plt, data, outdir):
    rows = regression_rows(data)
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(rows) + 1.5))
    ys = list(range(len(rows)))
    ax.barh(ys, [r[1] for r in rows],
            xerr=[[r[1] - r[2] for r in rows], [r[3] - r[1] for r in rows]],
            color=["tab:red" if r[4] == "slower" else "tab:green" if r[4] == "faster"
                   else "tab:gray" for r in rows])
    ax.set_yticks(ys)
    ax.set_yticklabels([r[0] for r in rows])
    ax.invert_yaxis()
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_xlabel("ft / gil single-thread time (bars: min–max; grey: not significant)")
    ax.set_title("Single-thread regression per workload")
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "regression.png"), dpi=100)
    plt.close(fig)
    return "regression.png"


def write_report(data, outdir):
    plots = make_plots(data, outdir)
    text = build_report(data, plots)
    with open(os.path.join(outdir, "REPORT.md"), "w") as f:
        f.write(text)
    return text


# ---------------------------------------------------------------- comparison

def _per_unit_samples(records, workload, config, threads, units):
    """Samples rescaled to `units` units of work (runs calibrate their own
    units, so two runs' raw seconds may measure different amounts of work)."""
    return [r["seconds"] * units / r["units"] for r in records
            if r.get("status") == "ok" and not r.get("warmup") and r.get("units")
            and r["workload"] == workload and r["config"] == config
            and r["threads"] == threads and r.get("mode", "threads") == "threads"]


def compare(a, b):
    """Markdown comparing two runs (before a, after b), per configuration,
    workload and thread count, with the range-overlap significance rule."""
    ua, ub = a.get("units") or {}, b.get("units") or {}
    rescaled = sorted(w for w in ua if w in ub and ua[w] != ub[w])
    out = ["# Comparison: %s → %s\n" % (a.get("date", "A"), b.get("date", "B")),
           "Ratio = after / before of the median time; significant only when the "
           "min–max ranges do not overlap.\n"]
    if rescaled:
        out.append("The runs used different units for %d workload(s) (%s): their after "
                   "times are rescaled to the before run's units (time per unit × units)."
                   "\n" % (len(rescaled), ", ".join(rescaled)))
    ma, mb = a.get("machine") or {}, b.get("machine") or {}
    if (ma.get("cpu"), ma.get("cores")) != (mb.get("cpu"), mb.get("cores")):
        out.append("**Different machines** (%s, %s cores vs %s, %s cores): differences "
                   "mix the change with the hardware.\n" % (ma.get("cpu"), ma.get("cores"),
                                                            mb.get("cpu"), mb.get("cores")))
    for tag, run in (("before", a), ("after", b)):
        load = (run.get("loadavg") or {}).get("start")
        cores = (run.get("machine") or {}).get("cores") or 1
        if load is not None and load > 0.5 * cores:
            out.append("The %s run had a busy machine (load average %.1f on %d cores): "
                       "expect few significant differences.\n" % (tag, load, cores))
    out += ["| configuration | workload | T | before s | after s | after/before | verdict |",
            "|---|---|---|---|---|---|---|"]
    ra, rb = a["records"], b["records"]
    bnames = {x["name"] for x in b["configs"]}
    cfgs = [c["name"] for c in a["configs"] if c["name"] in bnames]
    ws = [w for w in a["workloads"] if w in b["workloads"]]
    ts = [t for t in a["thread_counts"] if t in b["thread_counts"]]
    counts = {"slower": 0, "faster": 0, NOT_SIGNIFICANT: 0}
    summary = {}
    for c in cfgs:
        for w in ws:
            for t in ts:
                xa = samples(ra, w, c, t)
                units = ua.get(w) or next((r["units"] for r in ra if r["workload"] == w
                                           and r.get("units")), None)
                xb = (_per_unit_samples(rb, w, c, t, units) if w in rescaled and units
                      else samples(rb, w, c, t))
                if not xa or not xb:
                    continue
                v = verdict(xb, xa)
                counts[v] += 1
                ratio = median(xb) / median(xa)
                summary.setdefault((c, t), []).append(ratio)
                out.append("| %s | %s | %d | %s | %s | %.2f | %s |"
                           % (c, w, t, _fmt_t(xa), _fmt_t(xb), ratio, v))
    out.append("\nGeometric mean after/before per configuration and thread count: " +
               (", ".join("%s T=%d %s" % (c, t, _fmt_x(geomean(rs)))
                          for (c, t), rs in summary.items()) or "nothing in common") + ".")
    nsig = counts["slower"] + counts["faster"]
    out.append("\n%d significant differences (%d slower, %d faster); %d %s."
               % (nsig, counts["slower"], counts["faster"], counts[NOT_SIGNIFICANT],
                  NOT_SIGNIFICANT))
    return "\n".join(out) + "\n"
