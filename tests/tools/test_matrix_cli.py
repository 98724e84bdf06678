"""tools/matrix end to end on fake workloads, with python3 standing in for the
interpreters under test: a workload whose checksum differs in one
configuration must fail the run loudly; a workload the interpreter cannot
import is recorded as unsupported and the run still succeeds."""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import importlib.machinery
import importlib.util
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MATRIX = os.path.join(ROOT, "tools", "matrix")

FAKE = '''"""Fake: returns a different checksum when FAKE_BAD is set."""
import os


def work(units):
    return units + (1 if os.environ.get("FAKE_BAD") else 0)
'''
MISSING = '''"""Fake: needs a module no interpreter has."""
import no_such_module_anywhere


def work(units):
    return units
'''


class MatrixCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.wdir = os.path.join(self.tmp, "workloads")
        os.mkdir(self.wdir)
        shutil.copy(os.path.join(ROOT, "bench", "workloads", "_driver.py"), self.wdir)
        with open(os.path.join(self.wdir, "fake.py"), "w") as f:
            f.write(FAKE)
        with open(os.path.join(self.wdir, "missing.py"), "w") as f:
            f.write(MISSING)
        # An "interpreter" that is python3 with FAKE_BAD set.
        self.bad = os.path.join(self.tmp, "bad-python")
        with open(self.bad, "w") as f:
            f.write("#!/bin/sh\nFAKE_BAD=1 exec %s \"$@\"\n" % sys.executable)
        os.chmod(self.bad, stat.S_IRWXU)
        self.good = os.path.join(self.tmp, "good-python")
        with open(self.good, "w") as f:
            f.write("#!/bin/sh\nexec %s \"$@\"\n" % sys.executable)
        os.chmod(self.good, stat.S_IRWXU)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def matrix(self, builds, extra):
        out = os.path.join(self.tmp, "out")
        cmd = [sys.executable, MATRIX, "--no-bootstrap", "--no-build", "--no-micro",
               "--workloads", self.wdir, "--out", out, "--repeat", "1", "--units", "3",
               "--threads", "1,2", "--builds", builds] + extra
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        return r, out

    def test_checksum_mismatch_fails_loudly(self):
        r, out = self.matrix("gil,ft", ["--conch", "gil=" + self.good,
                                         "--conch", "ft=" + self.bad, "--filter", "fake"])
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("CHECKSUM MISMATCH", r.stderr)
        with open(os.path.join(out, "REPORT.md")) as f:
            self.assertIn("CHECKSUM MISMATCHES", f.read())

    def test_agreeing_run_and_unsupported(self):
        r, out = self.matrix("gil,ft", ["--conch", "gil=" + self.good,
                                         "--conch", "ft=" + self.good])
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "matrix.json")) as f:
            data = json.load(f)
        statuses = {(x["workload"], x["status"]) for x in data["records"]}
        self.assertIn(("fake", "ok"), statuses)
        self.assertIn(("missing", "unsupported"), statuses)
        self.assertNotIn("error", {s for _, s in statuses})
        self.assertEqual(data["checksum_mismatches"], [])
        self.assertEqual(data["thread_counts"], [1, 2])
        # gil also ran as 2 processes
        self.assertTrue(any(x["mode"] == "processes" and x["status"] == "ok"
                            for x in data["records"]))
        with open(os.path.join(out, "REPORT.md")) as f:
            text = f.read()
        self.assertIn("no_such_module_anywhere", text)
        self.assertIn("| fake | gil | 1.00 |", text)


def load_matrix():
    """tools/matrix as a module (it has no .py suffix)."""
    loader = importlib.machinery.SourceFileLoader("matrix_tool", MATRIX)
    spec = importlib.util.spec_from_loader("matrix_tool", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


class Planning(unittest.TestCase):
    def setUp(self):
        self.m = load_matrix()

    def test_thread_counts(self):
        tc = self.m.thread_counts
        # quick: 1, 2 and the core count; --full: powers of two, the cores, 2 x cores
        self.assertEqual(tc(None, False, 2), [1, 2])
        self.assertEqual(tc(None, False, 64), [1, 2, 64])
        self.assertEqual(tc(None, False, 1), [1])
        self.assertEqual(tc(None, True, 2), [1, 2, 4])
        self.assertEqual(tc(None, True, 6), [1, 2, 4, 6, 12])
        self.assertEqual(tc("4,1", False, 2), [1, 4])

    def test_full_adds_attribution_and_quick_dedups_cpythons(self):
        found = [{"name": "python3", "version": "3.11.2"},
                 {"name": "cpython-3.11.7", "version": "3.11.7"},
                 {"name": "cpython-3.12.1", "version": "3.12.1"}]
        built = [{"name": "cpython-3.13.5", "version": "3.13.5"},
                 {"name": "cpython-3.13.5t", "version": "3.13.5t"}]
        quick = [c["name"] for c in self.m.default_cpythons(found, built, False)]
        self.assertEqual(quick, ["python3", "cpython-3.13.5", "cpython-3.13.5t",
                                 "cpython-3.12.1"])
        full = [c["name"] for c in self.m.default_cpythons(found, built, True)]
        self.assertEqual(len(full), 5)
        self.assertEqual(self.m.default_conch_builds(False), ["gil", "ft"])
        self.assertEqual(self.m.default_conch_builds(True), ["gil", "ft", "gil-mimalloc", "ft-gil"])
        self.assertEqual(self.m.CONCH_BUILDS["ft-gil"][2], {"CONCH_GIL": "1"})

    def test_calibration_uses_cpu_time_of_busy_runs(self):
        # CPU-bound, stretched by load: its CPU time; sleeping: its wall time.
        self.assertEqual(self.m.busy_seconds({"seconds": 0.5, "cpu_seconds": 0.2}), 0.2)
        self.assertEqual(self.m.busy_seconds({"seconds": 0.5, "cpu_seconds": 0.01}), 0.5)
        self.assertEqual(self.m.busy_seconds({"seconds": 0.5, "cpu_seconds": None}), 0.5)


if __name__ == "__main__":
    unittest.main()
