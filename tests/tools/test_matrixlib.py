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
        self.assertEqual(ml.verdict([1.0, 1.2], [1.1, 1.3]), "not significant")
        # A 5% difference with 1% noise is significant; with 10% noise it is not.
        self.assertEqual(ml.verdict([1.05, 1.055, 1.06], [1.0, 1.005, 1.01]), "slower")
        self.assertEqual(ml.verdict([1.0, 1.05, 1.1], [0.95, 1.0, 1.05]), "not significant")

    def test_micro_time_per_iteration(self):
        cpu = {"name": "BM_X", "cpu_time": 2.0, "real_time": 9.0, "time_unit": "ns"}
        wall = {"name": "BM_H/1000/iterations:100/manual_time", "cpu_time": 1.0,
                "real_time": 3.0, "time_unit": "us"}
        self.assertEqual(ml.micro_ns(cpu), 2.0)
        self.assertEqual(ml.micro_ns(wall), 3000.0)

    def test_relative_spread(self):
        self.assertAlmostEqual(ml.relative_spread([0.9, 1.0, 1.2]), 0.3)
        self.assertIsNone(ml.relative_spread([1.0]))

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
        # The driver's own peak RSS (VmHWM) wins over wait4's, which on Linux
        # includes the runner's peak from before the fork.
        own = ml._record_from('{"workload": "w", "seconds": 1.5, "checksums": [4], '
                              '"peak_rss_kb": 7000}', "", 0, base, 21000)
        self.assertEqual(own["maxrss_kb"], 7000)
        self.assertEqual(ok["maxrss_kb"], 100)
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
        self.assertIn("beta: one thread: ft/gil 1.05 is **not significant**", text)
        self.assertIn("alpha: one thread: ft is **slower** than gil", text)
        self.assertIn("2 threads: ft/gil time 0.78, ft faster", text)
        self.assertIn("Geometric mean ft/gil over 2 workloads: **%.2f**"
                      % ml.geomean([1.5, 1.05]), text)
        self.assertIn("No module named 'threading'", text)
        self.assertIn("| benchmark | gil ns | ft ns | ft/gil |", text)
        self.assertIn("| BM_Incref | 1.00 | 2.50 | 2.50 |", text)
        self.assertIn("atomic", text)
        # threads vs processes: speedup and peak memory side by side
        self.assertIn("| alpha | 2 | 1.00 | 10.0 | 1.90 | 20.0 | 1.94 | 10.0 |", text)
        self.assertIn("| gil processes | — | 20.0 |", text)
        # noise: (1.2 - 0.8) / 1.0 for beta's gil cells
        self.assertIn("| gil | 30.0% | 40.0% (beta) |", text)
        # no attribution section without its configurations
        self.assertNotIn("Where the single-thread regression comes from", text)

    def test_attribution_section(self):
        data = load_fixture()
        extra = []
        # gil-mimalloc 0.9x gil (allocator helps), ft-gil 1.5x gil-mimalloc,
        # ft == ft-gil: ft/gil 1.35 on alpha.
        for cfg, times in (("gil-mimalloc", [0.9, 0.91, 0.89]),
                           ("ft-gil", [1.35, 1.36, 1.34])):
            data["configs"].append({"name": cfg, "what": cfg, "version": ""})
            for rep, t in enumerate(times):
                extra.append({"workload": "alpha", "config": cfg, "threads": 1,
                              "mode": "threads", "rep": rep, "warmup": False,
                              "status": "ok", "seconds": t, "checksums": [7]})
        for r in data["records"]:
            if r["config"] == "ft" and r["workload"] == "alpha" and r["threads"] == 1:
                r["seconds"] = {1.5: 1.35, 1.4: 1.34, 1.6: 1.36}.get(r["seconds"], r["seconds"])
        data["records"] += extra
        text = ml.build_report(data)
        self.assertIn("Where the single-thread regression comes from", text)
        self.assertIn("allocator (gil-mimalloc/gil) | refcounting + locking (ft-gil/gil-mimalloc)"
                      " | GIL off (ft/ft-gil) | ft/gil |", text)
        self.assertIn("| share of the regression | -35.1% | 135.1% | 0.0% | 100% |", text)
        self.assertIn("| alpha | 0.90 (n.s.) | 1.50 | 1.00 (n.s.) | 1.35 |", text)

    def test_attribution_steps_and_shares(self):
        self.assertEqual(ml.attribution_steps(["gil", "ft"]), [])
        self.assertEqual(ml.attribution_steps(["gil", "ft", "ft-gil"]),
                         [("gil", "ft-gil", "allocator + refcounting + locking"),
                          ("ft-gil", "ft", "GIL off")])
        self.assertEqual(len(ml.attribution_steps(["gil", "ft", "ft-gil", "gil-mimalloc"])), 3)
        sh = ml.shares([1.2, 1.5], 1.8)
        self.assertAlmostEqual(sum(sh), 1.0)
        self.assertGreater(sh[1], sh[0])
        self.assertEqual(ml.shares([1.0, 1.0], 1.0), [None, None])

    def test_idle_estimate(self):
        base = {"status": "ok", "mode": "threads", "proc_wall_seconds": 5.0,
                "proc_cpu_seconds": 2.1}
        # GIL on, 2 threads, loaded (3 s of wall for 2 s of CPU): serial, 2 s + 0.1 start-up
        gil2 = dict(base, threads=2, gil_enabled=True, seconds=3.0, cpu_seconds=2.0)
        self.assertAlmostEqual(ml.run_idle_seconds(gil2, 2), 2.1)
        # GIL off, 2 threads on 2 cores: 1 s
        ft2 = dict(base, threads=2, gil_enabled=False, seconds=3.0, cpu_seconds=2.0)
        self.assertAlmostEqual(ml.run_idle_seconds(ft2, 2), 1.1)
        # sleeping: keeps its wall time
        io = dict(base, threads=1, gil_enabled=True, seconds=1.0, cpu_seconds=0.01,
                  proc_cpu_seconds=0.11)
        self.assertAlmostEqual(ml.run_idle_seconds(io, 2), 1.1)
        data = {"machine": {"cores": 2}, "records": [gil2, ft2],
                "phases": {"matrix": {"wall": 9.0, "cpu": 4.0},
                           "micro": {"wall": 3.0, "cpu": 2.5}}}
        self.assertEqual(ml.idle_estimate(data)[0], 12.0)
        self.assertAlmostEqual(ml.idle_estimate(data)[1], 2.1 + 1.1 + 2.5)
        self.assertIsNone(ml.idle_estimate({"records": []}))

    def test_compare_rescales_units(self):
        a = load_fixture()
        b = json.loads(json.dumps(a))
        b["units"] = {"alpha": 20, "beta": 20}
        for r in b["records"]:
            r["units"] = 20
            if "seconds" in r:
                r["seconds"] *= 2
        for r in a["records"]:
            r["units"] = 10
        text = ml.compare(a, b)
        self.assertIn("rescaled", text)
        self.assertIn("0 significant differences", text)
        self.assertIn("| gil | alpha | 1 | 1.0000 (0.9000–1.1000) | 1.0000 (0.9000–1.1000) "
                      "| 1.00 | not significant |", text)

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
            self.assertIn("gil T=1 2.00", r.stdout)
            r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "report"),
                                "--compare", FIXTURE, FIXTURE], capture_output=True, text=True)
            self.assertIn("0 significant differences", r.stdout)
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
