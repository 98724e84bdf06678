"""Unit tests of the benchmark harness's code (tools/matrixlib.py): statistics,
the significance rule, parsing the driver's JSON line, checksum verification
and report generation from a small fixture."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import matrixlib as ml  # noqa: E402

FIXTURE = os.path.join(HERE, "fixtures", "small_matrix.json")


def load_fixture():
    with open(FIXTURE) as f:
        return json.load(f)


class Statistics(unittest.TestCase):
    def test_median_odd_even(self):
        self.assertEqual(ml.median([3, 1, 2]), 2)
        self.assertEqual(ml.median([4, 1, 3, 2]), 2.5)
        self.assertRaises(ValueError, ml.median, [])

    def test_spread(self):
        self.assertEqual(ml.spread([2.0, 5.0, 3.0]), (2.0, 5.0))

    def test_geomean(self):
        self.assertAlmostEqual(ml.geomean([1.0, 4.0]), 2.0)
        self.assertAlmostEqual(ml.geomean([2.0, None, 8.0]), 4.0)
        self.assertIsNone(ml.geomean([]))

    def test_significance_rule(self):
        self.assertTrue(ml.significant([1.0, 1.1], [1.2, 1.3]))
        self.assertFalse(ml.significant([1.0, 1.25], [1.2, 1.3]))
        self.assertFalse(ml.significant([], [1.0]))
        self.assertEqual(ml.verdict([2.0, 2.1], [1.0, 1.1]), "slower")
        self.assertEqual(ml.verdict([0.5, 0.6], [1.0, 1.1]), "faster")
        self.assertEqual(ml.verdict([1.0, 1.2], [1.1, 1.3]), "within noise")

    def test_ratio_range(self):
        r, lo, hi = ml.ratio_range([2.0, 3.0, 4.0], [1.0, 2.0])
        self.assertAlmostEqual(r, 3.0 / 1.5)
        self.assertAlmostEqual(lo, 1.0)
        self.assertAlmostEqual(hi, 4.0)

    def test_speedup_is_weak_scaling(self):
        data = load_fixture()
        # gil: t1 median 1.0, t2 median 2.0 -> 2 * 1.0 / 2.0 = 1.0
        self.assertAlmostEqual(ml.speedup(data["records"], "alpha", "gil", 2), 1.0)
        # ft: t1 median 1.5, t2 median 1.55 -> 2 * 1.5 / 1.55
        self.assertAlmostEqual(ml.speedup(data["records"], "alpha", "ft", 2), 3.0 / 1.55)
        # the warm-up record (99 s) is excluded
        self.assertEqual(ml.samples(data["records"], "alpha", "gil", 1), [1.0, 1.1, 0.9])
        self.assertIsNone(ml.speedup(data["records"], "beta", "ft", 2))


class Parsing(unittest.TestCase):
    def test_last_json_line_wins(self):
        out = 'noise\n{"workload": "w", "seconds": 0.5, "checksums": [1, 1]}\n'
        self.assertEqual(ml.parse_driver_output(out)["checksums"], [1, 1])

    def test_garbage_raises(self):
        self.assertRaises(ValueError, ml.parse_driver_output, "Segmentation fault\n")
        self.assertRaises(ValueError, ml.parse_driver_output, '{"broken": \n')

    def test_record_statuses(self):
        base = {"config": "c"}
        ok = ml._record_from('{"workload": "w", "seconds": 1.5, "checksums": [4]}', "", 0,
                             base, 100)
        self.assertEqual((ok["status"], ok["seconds"], ok["checksums"]), ("ok", 1.5, [4]))
        un = ml._record_from('{"workload": "w", "unsupported": "ImportError: x"}', "", 3,
                             base, 100)
        self.assertEqual((un["status"], un["reason"]), ("unsupported", "ImportError: x"))
        err = ml._record_from("", "Traceback\nValueError: boom\n", 1, base, 100)
        self.assertEqual(err["status"], "error")
        self.assertIn("ValueError: boom", err["reason"])


class Checksums(unittest.TestCase):
    def rec(self, config, threads, sums, status="ok"):
        return {"workload": "w", "config": config, "threads": threads, "mode": "threads",
                "status": status, "checksums": sums, "seconds": 1.0}

    def test_agreement(self):
        recs = [self.rec("gil", 1, [5]), self.rec("ft", 2, [5, 5]),
                self.rec("ft", 2, [9], status="unsupported")]
        self.assertEqual(ml.checksum_mismatches(recs), [])

    def test_mismatch_between_configs(self):
        recs = [self.rec("gil", 1, [5]), self.rec("ft", 1, [6])]
        probs = ml.checksum_mismatches(recs)
        self.assertEqual(len(probs), 1)
        self.assertIn("ft", probs[0])

    def test_mismatch_between_threads(self):
        probs = ml.checksum_mismatches([self.rec("ft", 2, [5, 4])])
        self.assertEqual(len(probs), 1)


class Report(unittest.TestCase):
    def test_report_from_fixture(self):
        text = ml.build_report(load_fixture())
        self.assertIn("| alpha | 1.0000 (0.9000–1.1000) | 1.5000 (1.4000–1.6000) | **1.50** |",
                      text)
        self.assertIn("beta: ft/gil 1.05 is **within noise**", text)
        self.assertIn("alpha: ft is slower than gil", text)
        self.assertIn("Geometric mean ft/gil over 2 workloads: **%.2f**"
                      % ml.geomean([1.5, 1.05]), text)
        self.assertIn("No module named 'threading'", text)
        self.assertIn("BM_Incref", text)
        self.assertIn("atomic", text)
        self.assertIn("| alpha | gil processes | 2 | 1.90 | 20.0 |", text)

    def test_tools_report_cli_and_compare(self):
        tmp = tempfile.mkdtemp()
        try:
            r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "report"), FIXTURE,
                                "--out", tmp], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(os.path.join(tmp, "REPORT.md")) as f:
                self.assertIn("Single-thread regression", f.read())
            # A run compared with a copy of itself slowed down 2x everywhere.
            data = load_fixture()
            for rec in data["records"]:
                if "seconds" in rec:
                    rec["seconds"] *= 2
            slow = os.path.join(tmp, "slow.json")
            with open(slow, "w") as f:
                json.dump(data, f)
            r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "report"),
                                "--compare", FIXTURE, slow], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("| gil | alpha | 1 | 1.0000 (0.9000–1.1000) | 2.0000 (1.8000–2.2000) "
                          "| 2.00 | slower |", r.stdout)
            r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "report"),
                                "--compare", FIXTURE, FIXTURE], capture_output=True, text=True)
            self.assertIn("0 significant differences", r.stdout)
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
