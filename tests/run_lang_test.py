#!/usr/bin/env python3
"""Differential test driver: run tests/lang programs under conch and CPython.

    run_lang_test.py --conch PATH --python PATH prog.py [more.py ...]

Both interpreters run the program the same way:
  * cwd is the program's directory, argv is [prog.py] plus the words of an
    optional header comment in the first lines, `# args: a b c`.  The word
    `{tmpdir}` in the args is replaced by a fresh, empty temporary directory
    (one per run, removed afterwards), so file tests never collide with each
    other or with another checkout's test run;
  * stdin comes from `prog.stdin` next to the program if it exists, else it
    is empty;
  * the environment has PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8 and
    PYTHONDONTWRITEBYTECODE=1 (no __pycache__ in the source tree);
  * each run has a 60 s timeout.
The test passes when stdout is byte-identical, the last non-empty line of
stderr is identical and the exit status is identical.  On a mismatch it prints
a unified diff of what differs and exits 1; a problem running the test itself
(missing interpreter, bad header) exits 2.  Given several programs it runs
each and ends with a summary (ctest registers one test per program; the
several-program form is for the harness self-check and for quick local runs).

Helper modules that tests import are named `_*.py` (or live in `_*/`
packages) next to the tests; tests/CMakeLists.txt does not register them.

Why only the last stderr line: tracebacks name files and lines in ways that
legitimately differ (frames of CPython's own library code), while the final
"ExceptionType: message" line is what a program's author sees and must match.
"""

import argparse
import difflib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 60
HEADER_LINES = 5  # `# args:` must appear within the first few lines


def parse_args_header(path):
    """Returns the argument words from a `# args: ...` header, or []."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for _, line in zip(range(HEADER_LINES), f):
            stripped = line.strip()
            if stripped.startswith("# args:"):
                return shlex.split(stripped[len("# args:"):])
    return []


class RunResult:
    def __init__(self, stdout, stderr, status, note=""):
        self.stdout = stdout      # bytes
        self.stderr = stderr      # bytes
        self.status = status      # int; negative = killed by that signal
        self.note = note          # "" or why the run did not finish normally

    def last_stderr_line(self):
        text = self.stderr.decode("utf-8", errors="replace")
        lines = [l for l in text.splitlines() if l.strip()]
        return lines[-1] if lines else ""

    def describe_status(self):
        if self.note:
            return self.note
        if self.status < 0:
            try:
                name = signal.Signals(-self.status).name
            except ValueError:
                name = "signal %d" % -self.status
            return "killed by %s" % name
        return "exit status %d" % self.status


def run_one(interpreter, prog, extra_args):
    prog_dir = os.path.dirname(os.path.abspath(prog))
    prog_name = os.path.basename(prog)
    stdin_path = os.path.splitext(os.path.abspath(prog))[0] + ".stdin"
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "PYTHONINSPECT",
                "PYTHONWARNINGS", "PYTHONOPTIMIZE", "PYTHONSAFEPATH"):
        env.pop(var, None)
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
               PYTHONDONTWRITEBYTECODE="1")
    tmpdir = tempfile.mkdtemp(prefix="conch-lang-")
    try:
        argv = [interpreter, prog_name] + [a.replace("{tmpdir}", tmpdir) for a in extra_args]
        stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
        try:
            proc = subprocess.run(argv, cwd=prog_dir, env=env, stdin=stdin,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=TIMEOUT_SECONDS)
            return RunResult(proc.stdout, proc.stderr, proc.returncode)
        except subprocess.TimeoutExpired as e:
            return RunResult(e.stdout or b"", e.stderr or b"", -1,
                             "timed out after %d s" % TIMEOUT_SECONDS)
        finally:
            if stdin is not subprocess.DEVNULL:
                stdin.close()
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def text_lines(data):
    return data.decode("utf-8", errors="backslashreplace").splitlines(keepends=True)


MAX_DIFF_LINES = 200  # a runaway program must not flood the ctest log


def report_diff(what, expected, actual):
    print("--- %s differs (-python3 +conch) ---" % what)
    diff = list(difflib.unified_diff(expected, actual, "python3", "conch", lineterm="\n", n=3))
    for line in diff[:MAX_DIFF_LINES]:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end\n")
    if len(diff) > MAX_DIFF_LINES:
        print("... %d more diff lines not shown" % (len(diff) - MAX_DIFF_LINES))


def show_stderr_tail(label, result, lines=15):
    tail = text_lines(result.stderr)[-lines:]
    if tail:
        print("--- last %d lines of %s stderr ---" % (len(tail), label))
        for line in tail:
            sys.stdout.write(line if line.endswith("\n") else line + "\n")


def compare(prog, expected, actual):
    failures = []
    if expected.stdout != actual.stdout:
        failures.append("stdout")
        report_diff("stdout", text_lines(expected.stdout), text_lines(actual.stdout))
    exp_line, act_line = expected.last_stderr_line(), actual.last_stderr_line()
    if exp_line != act_line:
        failures.append("last stderr line")
        print("--- last line of stderr differs ---")
        print("python3: %r" % exp_line)
        print("conch:   %r" % act_line)
    if expected.status != actual.status or actual.note:
        failures.append("exit status")
        print("--- exit status differs ---")
        print("python3: %s" % expected.describe_status())
        print("conch:   %s" % actual.describe_status())
    if failures:
        show_stderr_tail("conch", actual)
        print("FAIL %s: %s" % (prog, ", ".join(failures)))
        return 1
    print("PASS %s" % prog)
    return 0


def run_test(conch, python, prog):
    """Runs one program under both interpreters; returns 0 (pass), 1 or 2."""
    if not os.path.isfile(prog):
        print("error: no such program %s" % prog)
        return 2
    try:
        extra_args = parse_args_header(prog)
    except ValueError as e:
        print("error: bad '# args:' header in %s: %s" % (prog, e))
        return 2
    expected = run_one(python, prog, extra_args)
    if expected.note:
        print("error: python3 itself did not finish %s: %s" % (prog, expected.note))
        return 2
    actual = run_one(conch, prog, extra_args)
    return compare(prog, expected, actual)


def exit_on_sigterm(signum, frame):
    # ctest kills a test that overruns its TIMEOUT with SIGTERM; turning it
    # into SystemExit lets subprocess.run kill the interpreter it is waiting
    # for and lets run_one remove its temporary directory.
    sys.exit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, exit_on_sigterm)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conch", required=True, help="interpreter under test")
    parser.add_argument("--python", required=True, help="the oracle (CPython 3.11)")
    parser.add_argument("progs", nargs="+", metavar="prog.py",
                        help="test program(s); with several, a summary follows")
    opts = parser.parse_args()
    for exe in (opts.conch, opts.python):
        if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
            print("error: %s is not an executable file" % exe)
            return 2
    if len(opts.progs) == 1:
        return run_test(opts.conch, opts.python, opts.progs[0])
    failed = [p for p in opts.progs if run_test(opts.conch, opts.python, p) != 0]
    print("%d of %d programs passed" % (len(opts.progs) - len(failed), len(opts.progs)))
    for p in failed:
        print("  failed: %s" % p)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
