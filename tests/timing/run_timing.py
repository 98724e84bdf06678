"""Driver for the `timing` ctest label: runs each tests/timing/*.py check under
conch (only) with generous bounds.  Usage: run_timing.py CONCH TEST.py

A check prints "OK ..." lines and exits 0; the SIGINT check is driven from here.
"""
import os, signal, subprocess, sys, time

conch, test = sys.argv[1], sys.argv[2]
name = os.path.basename(test)
if name == "sigint_sleep.py":
    p = subprocess.Popen([conch, test], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "sleeping"
    time.sleep(0.2)
    t0 = time.monotonic()
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=10)
    elapsed = time.monotonic() - t0
    print(out, err)
    ok = "caught KeyboardInterrupt" in out and elapsed < 2.0
    sys.exit(0 if ok else 1)
r = subprocess.run([conch, test], timeout=120)
sys.exit(r.returncode)
