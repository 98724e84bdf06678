#!/bin/bash
# dev helper: run given lang programs under /usr/bin/python3 and show output
cd /work/main/tests/lang
for f in "$@"; do echo "=== $f"; timeout 10 /usr/bin/python3 "$f" 2>&1 | tail -n ${LINES_:-40}; echo "rc=${PIPESTATUS[0]}"; done
