"""CPython 3.13, GIL and free-threaded, built from Debian's source package.

The comparison researchers most want beside conch's two builds is CPython's
own two builds, made the same way.  This module obtains the CPython source
from Debian's `python3.13` source package (Debian 13 "trixie" carries it;
this machine runs Debian 12) and builds it twice with identical flags except
`--disable-gil`, into a cache outside the repository that later runs reuse.

Trust chain, all verified before anything is built:
  1. a private apt configuration under the cache (sources list, lists,
     archives), so the system's apt sources stay untouched; apt checks the
     trixie Release file against Debian's archive keyring and every
     downloaded file against the signed Sources index;
  2. the .dsc's SHA-256 of the upstream tarball is re-checked here;
  3. the upstream tarball's OpenPGP signature (.orig.tar.xz.asc) is checked
     with gpgv against the release manager's key that Debian ships in
     debian/upstream/signing-key.asc.

Used by `tools/bootstrap --cpython` and `tools/matrix --with-cpython`.
Runnable on its own: `python3 tools/cpythonlib.py [--cache DIR]`.
"""

import argparse
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys

SUITE = "trixie"
PACKAGE = "python3.13"
MIRROR = "http://deb.debian.org/debian"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
# Identical for both builds; only --disable-gil differs.  No PGO/LTO: the
# numbers compare the GIL's removal, not the optimiser's luck.
CONFIGURE_FLAGS = ["--without-ensurepip", "--disable-test-modules"]
CFLAGS = "-O3"


def log(msg):
    print("cpython: " + msg, file=sys.stderr, flush=True)


def default_cache():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "conch", "cpython")


def apt_options(cache):
    apt = os.path.join(cache, "apt")
    return ["-o", "Dir::Etc::SourceList=" + os.path.join(apt, "sources.list"),
            "-o", "Dir::Etc::SourceParts=/dev/null",
            "-o", "Dir::State=" + os.path.join(apt, "state"),
            "-o", "Dir::State::Lists=" + os.path.join(apt, "lists"),
            "-o", "Dir::Cache=" + os.path.join(apt, "cache")]


def fetch_source(cache):
    """Downloads the source package into cache/src; returns the .dsc path."""
    src = os.path.join(cache, "src")
    have = glob.glob(os.path.join(src, PACKAGE + "_*.dsc"))
    if have:
        return sorted(have)[-1]
    apt = os.path.join(cache, "apt")
    for d in ("lists/partial", "cache/archives/partial", "state"):
        os.makedirs(os.path.join(apt, d), exist_ok=True)
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(apt, "sources.list"), "w") as f:
        f.write("deb-src [signed-by=%s] %s %s main\n" % (KEYRING, MIRROR, SUITE))
    opts = apt_options(cache)
    log("apt-get update (private configuration in %s)" % apt)
    subprocess.run(["apt-get"] + opts + ["-q", "update"], check=True)
    log("apt-get source --download-only %s" % PACKAGE)
    subprocess.run(["apt-get"] + opts + ["-q", "source", "--download-only", PACKAGE],
                   cwd=src, check=True)
    have = glob.glob(os.path.join(src, PACKAGE + "_*.dsc"))
    if not have:
        raise SystemExit("cpython: apt-get source left no .dsc in " + src)
    return sorted(have)[-1]


def dsc_sha256(dsc):
    """{file name: sha256} from the .dsc's Checksums-Sha256 field."""
    sums, inside = {}, False
    with open(dsc) as f:
        for line in f:
            if line.startswith("Checksums-Sha256:"):
                inside = True
                continue
            if inside:
                if not line.startswith(" "):
                    break
                digest, _size, name = line.split()
                sums[name] = digest
    return sums


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify(dsc):
    """Returns the verified upstream tarball's path, or exits."""
    src = os.path.dirname(dsc)
    sums = dsc_sha256(dsc)
    for name, digest in sums.items():
        if sha256(os.path.join(src, name)) != digest:
            raise SystemExit("cpython: SHA-256 mismatch for %s" % name)
    orig = next(n for n in sums if n.endswith(".orig.tar.xz"))
    debian = next(n for n in sums if n.endswith(".debian.tar.xz"))
    key_dir = os.path.join(src, "upstream-key")
    os.makedirs(key_dir, exist_ok=True)
    subprocess.run(["tar", "-xJf", os.path.join(src, debian), "-C", key_dir,
                    "debian/upstream/signing-key.asc"], check=True)
    armored = os.path.join(key_dir, "debian", "upstream", "signing-key.asc")
    keyring = os.path.join(key_dir, "upstream.gpg")
    with open(keyring, "wb") as out:
        subprocess.run(["gpg", "--batch", "--dearmor", "-o", "-", armored], stdout=out,
                       check=True)
    sig = os.path.join(src, orig + ".asc")
    if not os.path.exists(sig):
        raise SystemExit("cpython: no upstream signature %s" % sig)
    r = subprocess.run(["gpgv", "--keyring", keyring, sig, os.path.join(src, orig)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("cpython: upstream signature check failed:\n" + r.stderr)
    log("verified %s (apt-signed SHA-256 and upstream OpenPGP signature)" % orig)
    return os.path.join(src, orig)


def unpack(tarball, cache):
    version = re.search(r"_(\d+\.\d+\.\d+)\.orig", tarball).group(1)
    tree = os.path.join(cache, "Python-" + version)
    if not os.path.exists(os.path.join(tree, "configure")):
        log("unpacking %s" % os.path.basename(tarball))
        subprocess.run(["tar", "-xJf", tarball, "-C", cache], check=True)
    return tree, version


def build(tree, version, cache, free_threaded, jobs):
    """Out-of-tree build; returns the interpreter's path."""
    name = "%s-%s" % (version, "ft" if free_threaded else "gil")
    bdir = os.path.join(cache, "build-" + name)
    exe = os.path.join(bdir, "python")
    if os.path.exists(exe) and os.path.exists(os.path.join(bdir, ".conch-built")):
        return exe
    os.makedirs(bdir, exist_ok=True)
    flags = CONFIGURE_FLAGS + (["--disable-gil"] if free_threaded else [])
    log("building CPython %s (%s) in %s" % (version, " ".join(flags), bdir))
    env = dict(os.environ, CFLAGS=CFLAGS)
    quiet = {"stdout": subprocess.DEVNULL}
    subprocess.run([os.path.join(tree, "configure")] + flags, cwd=bdir, env=env,
                   check=True, **quiet)
    subprocess.run(["make", "-j%d" % jobs, "python"], cwd=bdir, check=True, **quiet)
    # The stdlib's pure-Python modules come from the source tree; build the
    # shared extension modules the workloads import (math, _random, ...).
    subprocess.run(["make", "-j%d" % jobs, "sharedmods"], cwd=bdir, check=True, **quiet)
    open(os.path.join(bdir, ".conch-built"), "w").close()
    return exe


def describe(exe, version, ft):
    tag = "cpython-%s%s" % (version, "t" if ft else "")
    return {"name": tag, "cmd": [exe], "env": {"PYTHON_GIL": "0"} if ft else {},
            "kind": "cpython", "version": version + ("t" if ft else ""),
            "what": "CPython %s %s, built from Debian's source (-O3, no PGO)" % (
                version, "free-threaded (--disable-gil)" if ft else "GIL")}


def cached(cache=None):
    """The interpreters an earlier ensure() built, without fetching or
    building anything (tools/matrix adds them to its default columns)."""
    cache = cache or default_cache()
    out = []
    for bdir in sorted(glob.glob(os.path.join(cache, "build-*-gil")) +
                       glob.glob(os.path.join(cache, "build-*-ft"))):
        m = re.search(r"build-(\d+\.\d+\.\d+)-(gil|ft)$", bdir)
        exe = os.path.join(bdir, "python")
        if m and os.path.exists(os.path.join(bdir, ".conch-built")):
            out.append(describe(exe, m.group(1), m.group(2) == "ft"))
    return out


def ensure(cache=None, jobs=None):
    """Both interpreters, built if missing.  Returns a list of
    {"name", "cmd", "env", "kind", "version", "what"} in tools/matrix's shape."""
    cache = cache or default_cache()
    jobs = jobs or os.cpu_count() or 1
    os.makedirs(cache, exist_ok=True)
    if shutil.which("apt-get") is None or shutil.which("gpgv") is None:
        raise SystemExit("cpython: needs apt-get and gpgv (Debian)")
    tree, version = unpack(verify(fetch_source(cache)), cache)
    out = []
    for ft in (False, True):
        out.append(describe(build(tree, version, cache, ft, jobs), version, ft))
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", default=None, help="cache directory (default %s)" % default_cache())
    ap.add_argument("-j", "--jobs", type=int, default=None)
    args = ap.parse_args(argv)
    for c in ensure(args.cache, args.jobs):
        print("%s %s" % (c["name"], c["cmd"][0]))


if __name__ == "__main__":
    main(sys.argv[1:])
