"""Shared code of tools/matrix and tools/report (Python 3, stdlib only).

The matrix is a list of measurement records (plain dicts, written to
matrix.json as they are) plus a description of the run.  This module holds the
pieces that are tested on their own (tests/tools/): statistics, parsing of the
driver's JSON line, checksum verification, and the Markdown report.  Running
interpreters lives here too (run_driver / run_processes) so the tests can drive
a fake workload through the real code path.

A record:
  {"workload", "config", "threads", "mode": "threads"|"processes", "rep",
   "status": "ok"|"unsupported"|"error", "seconds", "checksums", "reason",
   "maxrss_kb", "warmup": bool}
"""
import json
import math
import os
import re
import subprocess
import sys
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
    either side is called "within noise"."""
    if not a or not b:
        return False
    return max(a) < min(b) or max(b) < min(a)


def ratio_range(num, den):
    """Median ratio num/den and its extremes (best and worst pairing)."""
    return (median(num) / median(den), min(num) / max(den), max(num) / min(den))


def verdict(num, den, slower="slower", faster="faster"):
    if not significant(num, den):
        return "within noise"
    return slower if median(num) > median(den) else faster


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
    """Waits for proc, returning (returncode, maxrss_kb) from wait4."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, ru.ru_maxrss
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, ru = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return None, ru.ru_maxrss
        time.sleep(0.002)


def _spawn(cmd, env, extra_args, workloads_dir):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.Popen(
        list(cmd) + [os.path.join(workloads_dir, DRIVER)] + extra_args,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env, cwd=workloads_dir)


def _record_from(out, err, rc, base, maxrss):
    rec = dict(base)
    rec["maxrss_kb"] = maxrss
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
        rec.update(status="ok", seconds=float(obj["seconds"]),
                   checksums=obj.get("checksums", []),
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
    proc = _spawn(cmd, env, [workload, str(threads), str(units)], workloads_dir)
    # Read pipes in the background-free way: the driver's output is one line,
    # so it cannot fill a pipe; stderr of a crash is short too.
    rc, maxrss = _wait(proc, timeout)
    out = proc.stdout.read().decode("utf-8", "replace")
    err = proc.stderr.read().decode("utf-8", "replace")
    return _record_from(out, err, rc, base, maxrss)


def run_processes(cmd, env, workload, procs, units, workloads_dir=WORKLOADS_DIR,
                  timeout=300, base=None):
    """T independent interpreter processes, one thread each, lined up on a
    common start time (so interpreter start-up is not measured); wall time is
    last finish - first start; peak memory is the sum of the processes' peaks.
    Works on any interpreter with time.time and time.sleep (no fork needed)."""
    base = dict(base or {})
    base.update(workload=workload, threads=procs, units=units, mode="processes")
    start_at = time.time() + 0.2 + 0.03 * procs
    kids = [_spawn(cmd, env, [workload, "1", str(units), "--start-at", repr(start_at)],
                   workloads_dir) for _ in range(procs)]
    recs = []
    for p in kids:
        rc, maxrss = _wait(p, timeout)
        out = p.stdout.read().decode("utf-8", "replace")
        err = p.stderr.read().decode("utf-8", "replace")
        recs.append(_record_from(out, err, rc, base, maxrss))
    bad = [r for r in recs if r["status"] != "ok"]
    if bad:
        return bad[0]
    rec = dict(base)
    rec.update(status="ok",
               seconds=max(r["finished"] for r in recs) - min(r["started"] for r in recs),
               checksums=[r["checksums"][0] for r in recs],
               maxrss_kb=sum(r["maxrss_kb"] for r in recs),
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

def samples(records, workload, config, threads, mode="threads"):
    return [r["seconds"] for r in records
            if r.get("status") == "ok" and not r.get("warmup")
            and r["workload"] == workload and r["config"] == config
            and r["threads"] == threads and r.get("mode", "threads") == mode]


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


# ---------------------------------------------------------------- report

def _fmt_t(xs):
    if not xs:
        return "—"
    lo, hi = spread(xs)
    return "%.4f (%.4f–%.4f)" % (median(xs), lo, hi)


def _fmt_x(x):
    return "—" if x is None else "%.2f" % x


def regression_rows(data, num="ft", den="gil"):
    """(workload, ratio, lo, hi, verdict) for workloads measured in both."""
    recs = data["records"]
    rows = []
    for w in data["workloads"]:
        a = samples(recs, w, num, 1)
        b = samples(recs, w, den, 1)
        if a and b:
            r, lo, hi = ratio_range(a, b)
            rows.append((w, r, lo, hi, verdict(a, b)))
    return rows


def cpython_pairs(names):
    """(free-threaded, GIL) pairs of CPython builds in the run, e.g.
    ("cpython-3.13.5t", "cpython-3.13.5") from tools/cpythonlib.py."""
    return [(n, n[:-1]) for n in names
            if n.startswith("cpython-") and n.endswith("t") and n[:-1] in names]


def build_report(data, plots=()):
    recs = data["records"]
    cfgs = data["configs"]
    names = [c["name"] for c in cfgs]
    threads = data["thread_counts"]
    out = []
    p = out.append
    m = data.get("machine", {})
    p("# conch benchmark matrix — %s\n" % data.get("date", "?"))
    p("Machine: %s, %s cores, %s, kernel %s. Commit `%s`. Mode: %s, %d repetitions "
      "(+1 warm-up per workload and configuration, discarded)."
      % (m.get("cpu", "?"), m.get("cores", "?"), m.get("memory", "?"), m.get("kernel", "?"),
         data.get("commit", "?"), data.get("mode", "?"), data.get("repeat", 0)))
    p("")
    p("| configuration | what | version |")
    p("|---|---|---|")
    for c in cfgs:
        p("| %s | %s | %s |" % (c["name"], c.get("what", ""), c.get("version", "")))
    p("")
    p("Times are seconds of the parallel section, median (min–max). Speedup at T threads "
      "= T × t(1) / t(T) (weak scaling: every thread does the same work; 1.0 = threads "
      "bought nothing). A difference is *significant* only when the min–max ranges of the "
      "two sides do not overlap; otherwise the verdict is \"within noise\".")
    p("")
    mism = data.get("checksum_mismatches", [])
    nok = sum(1 for r in recs if r.get("status") == "ok")
    if mism:
        p("**CHECKSUM MISMATCHES (%d)** — the run failed:\n" % len(mism))
        for x in mism:
            p("- %s" % x)
    else:
        p("Checksums: every thread of all %d successful runs agreed with every other "
          "configuration on each workload." % nok)
    p("")

    # Single-thread regression.
    p("## Single-thread regression (ft / gil)\n")
    rows = regression_rows(data)
    if "gil" in names and "ft" in names:
        p("| workload | gil s | ft s | ft/gil | range | verdict |")
        p("|---|---|---|---|---|---|")
        for w, r, lo, hi, v in rows:
            p("| %s | %s | %s | **%.2f** | %.2f–%.2f | %s |"
              % (w, _fmt_t(samples(recs, w, "gil", 1)), _fmt_t(samples(recs, w, "ft", 1)),
                 r, lo, hi, v))
        g = geomean([r[1] for r in rows])
        p("")
        p("Geometric mean ft/gil over %d workloads: **%s**." % (len(rows), _fmt_x(g)))
    else:
        p("(needs both the gil and ft configurations)")
    p("")
    for ft_name, gil_name in cpython_pairs(names):
        prow = regression_rows(data, ft_name, gil_name)
        if not prow:
            continue
        p("CPython's own pair, %s / %s (built alike, only `--disable-gil` differs):\n"
          % (ft_name, gil_name))
        p("| workload | %s s | %s s | ratio | range | verdict |" % (gil_name, ft_name))
        p("|---|---|---|---|---|---|")
        for w, r, lo, hi, v in prow:
            p("| %s | %s | %s | **%.2f** | %.2f–%.2f | %s |"
              % (w, _fmt_t(samples(recs, w, gil_name, 1)), _fmt_t(samples(recs, w, ft_name, 1)),
                 r, lo, hi, v))
        p("")
        p("Geometric mean %s/%s: **%s**%s." % (
            ft_name, gil_name, _fmt_x(geomean([r[1] for r in prow])),
            (" (conch's ft/gil on the same run: %s)" % _fmt_x(geomean([r[1] for r in rows])))
            if rows else ""))
        p("")
    refs = [n for n in names if n not in ("gil", "ft")]
    if refs and "gil" in names:
        p("Single-thread time relative to the gil build (geometric mean over the workloads "
          "both ran): " + ", ".join(
              "%s %s" % (n, _fmt_x(geomean([median(samples(recs, w, n, 1)) /
                                            median(samples(recs, w, "gil", 1))
                                            for w in data["workloads"]
                                            if samples(recs, w, n, 1) and samples(recs, w, "gil", 1)])))
              for n in refs) + ".")
        p("")

    # Speedup.
    p("## Speedup by thread count (T × t1 / tT)\n")
    p("| workload | configuration | " + " | ".join("T=%d" % t for t in threads) + " |")
    p("|---|---|" + "---|" * len(threads))
    for w in data["workloads"]:
        for n in names:
            cells = [_fmt_x(speedup(recs, w, n, t)) for t in threads]
            if all(c == "—" for c in cells):
                continue
            p("| %s | %s | %s |" % (w, n, " | ".join(cells)))
    p("")
    p("Geometric mean speedup per configuration:\n")
    p("| configuration | " + " | ".join("T=%d" % t for t in threads) + " |")
    p("|---|" + "---|" * len(threads))
    for n in names:
        p("| %s | %s |" % (n, " | ".join(
            _fmt_x(geomean([speedup(recs, w, n, t) for w in data["workloads"]]))
            for t in threads)))
    p("")

    # Processes.
    proc_recs = [r for r in recs if r.get("mode") == "processes"]
    if proc_recs:
        p("## Threads vs processes (peak memory)\n")
        p("Processes: T independent interpreter processes of the same build, one thread "
          "each, started together; memory is the sum of their peak RSS. Threads: one "
          "process, its peak RSS.\n")
        p("| workload | configuration | T | speedup | peak MiB |")
        p("|---|---|---|---|---|")
        for w in data["workloads"]:
            for n in names:
                for t in threads:
                    if t == 1:
                        continue
                    for mode in ("processes", "threads"):
                        s = speedup(recs, w, n, t, mode)
                        kb = peak_kb(recs, w, n, t, mode)
                        if s is None and mode == "threads":
                            continue
                        if mode == "processes" and not samples(recs, w, n, t, mode):
                            continue
                        p("| %s | %s %s | %d | %s | %s |"
                          % (w, n, mode, t, _fmt_x(s),
                             "—" if not kb else "%.1f" % (kb / 1024.0)))
        p("")

    # Verdicts.
    p("## Verdicts\n")
    for w, r, lo, hi, v in rows:
        if v == "within noise":
            p("- %s: ft/gil %.2f is **within noise** (ranges overlap)." % (w, r))
        else:
            p("- %s: ft is %s than gil on one thread (%.2f, range %.2f–%.2f)." % (w, v, r, lo, hi))
    p("")

    uns = unsupported_runs(recs)
    if uns:
        p("## Unsupported runs (excluded from statistics)\n")
        byreason = {}
        for (c, w, t, mode), reason in sorted(uns.items()):
            byreason.setdefault((c, mode, reason), []).append("%s@%d" % (w, t))
        for (c, mode, reason), items in sorted(byreason.items()):
            p("- %s (%s): `%s` — %s" % (c, mode, reason, ", ".join(items)))
        p("")
    errs = errors(recs)
    if errs:
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

    micro = data.get("micro", {})
    if micro:
        p("## Microbenchmarks (bench/micro, Google Benchmark)\n")
        bnames = sorted(micro)
        allb = []
        for b in bnames:
            for x in micro[b]:
                if x["name"] not in allb:
                    allb.append(x["name"])
        p("| benchmark | " + " | ".join("%s ns" % b for b in bnames) +
          (" | ft/gil |" if set(bnames) >= {"gil", "ft"} else " |"))
        p("|---|" + "---|" * len(bnames) + ("---|" if set(bnames) >= {"gil", "ft"} else ""))
        for name in allb:
            vals = {}
            for b in bnames:
                for x in micro[b]:
                    if x["name"] == name:
                        vals[b] = x["cpu_time"]
            row = "| %s | " % name + " | ".join(
                "%.2f" % vals[b] if b in vals else "—" for b in bnames) + " |"
            if set(bnames) >= {"gil", "ft"}:
                row += " %s |" % (_fmt_x(vals["ft"] / vals["gil"])
                                  if vals.get("gil") and "ft" in vals else "—")
            p(row)
        p("")

    instr = data.get("instructions", {})
    if instr:
        p("## Instructions (callgrind, one thread)\n")
        p("Instruction counts of the workload at a tenth of the timed units (a run minus "
          "a run with zero units), which do not "
          "drift with machine noise. They undercount the cost of the free-threaded build: "
          "an atomic read-modify-write (lock-prefixed instruction) counts as one "
          "instruction but costs tens of cycles, so ft/gil in instructions is a lower "
          "bound on ft/gil in time.\n")
        p("| workload | " + " | ".join(sorted(instr)) + " |")
        p("|---|" + "---|" * len(instr))
        ws = sorted({w for c in instr.values() for w in c})
        for w in ws:
            p("| %s | %s |" % (w, " | ".join(
                "{:,}".format(instr[c][w]) if w in instr[c] else "—" for c in sorted(instr))))
        p("")

    if plots:
        p("## Plots\n")
        for f in plots:
            p("![%s](%s)\n" % (os.path.splitext(f)[0], f))
    return "\n".join(out) + "\n"


def make_plots(data, outdir):
    """PNG plots with matplotlib when it is installed; returns file names."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    recs = data["records"]
    threads = data["thread_counts"]
    files = []
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for c in data["configs"]:
        n = c["name"]
        ys = [geomean([speedup(recs, w, n, t) for w in data["workloads"]]) for t in threads]
        pts = [(t, y) for t, y in zip(threads, ys) if y is not None]
        if len(pts) >= 1:
            ax.plot([t for t, _ in pts], [y for _, y in pts], marker="o", label=n)
    ax.plot(threads, threads, linestyle=":", color="grey", label="ideal")
    ax.set_xlabel("threads")
    ax.set_ylabel("speedup (geomean over workloads)")
    ax.set_title("Speedup vs threads (weak scaling)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "speedup.png"), dpi=100)
    plt.close(fig)
    files.append("speedup.png")
    rows = regression_rows(data)
    if rows:
        fig, ax = plt.subplots(figsize=(7, 0.3 * len(rows) + 1.5))
        ys = range(len(rows))
        ax.barh(list(ys), [r[1] for r in rows],
                xerr=[[r[1] - r[2] for r in rows], [r[3] - r[1] for r in rows]],
                color=["tab:red" if r[4] == "slower" else "tab:green" if r[4] == "faster"
                       else "tab:gray" for r in rows])
        ax.set_yticks(list(ys))
        ax.set_yticklabels([r[0] for r in rows])
        ax.axvline(1.0, color="black", linewidth=0.8)
        ax.set_xlabel("ft / gil single-thread time (grey: within noise)")
        ax.set_title("Single-thread regression per workload")
        fig.tight_layout()
        fig.savefig(os.path.join(outdir, "regression.png"), dpi=100)
        plt.close(fig)
        files.append("regression.png")
    return files


def write_report(data, outdir):
    plots = make_plots(data, outdir)
    text = build_report(data, plots)
    with open(os.path.join(outdir, "REPORT.md"), "w") as f:
        f.write(text)
    return text


def compare(a, b):
    """Markdown comparing two runs (before a, after b), per configuration,
    workload and thread count, with the range-overlap significance rule."""
    out = ["# Comparison: %s → %s\n" % (a.get("date", "A"), b.get("date", "B")),
           "Ratio = after / before of the median time; significant only when the "
           "min–max ranges do not overlap.\n",
           "| configuration | workload | T | before s | after s | after/before | verdict |",
           "|---|---|---|---|---|---|---|"]
    ra, rb = a["records"], b["records"]
    cfgs = [c["name"] for c in a["configs"] if c["name"] in {x["name"] for x in b["configs"]}]
    nsig = 0
    for c in cfgs:
        for w in a["workloads"]:
            for t in a["thread_counts"]:
                xa = samples(ra, w, c, t)
                xb = samples(rb, w, c, t)
                if not xa or not xb:
                    continue
                v = verdict(xb, xa)
                nsig += v != "within noise"
                out.append("| %s | %s | %d | %s | %s | %.2f | %s |"
                           % (c, w, t, _fmt_t(xa), _fmt_t(xb), median(xb) / median(xa), v))
    out.append("\n%d significant differences." % nsig)
    return "\n".join(out) + "\n"
