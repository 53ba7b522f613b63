#!/usr/bin/env python3
"""Runs every test meson knows in a build directory and sums the results.

Each test speaks TAP (cmocka with CMOCKA_MESSAGE_OUTPUT=TAP, the fuzz corpus
replays, the CLI scripts).  Prints one line per suite and, last, the line CI
reads: "N passed, N failed".  Exit status 0 only when nothing failed.
"""
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

build = sys.argv[1] if len(sys.argv) > 1 else "build-san"
tests = json.loads(subprocess.check_output(["meson", "introspect", "--tests", build]))

OK = re.compile(r"^ok\b")
NOT_OK = re.compile(r"^not ok\b")


def run(t):
    env = dict(os.environ)
    env.update(t.get("env") or {})
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    try:
        p = subprocess.run(t["cmd"], env=env, cwd=t.get("workdir") or None,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=t.get("timeout") or 600)
        out, err, rc = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace"), p.returncode
    except subprocess.TimeoutExpired:
        out, err, rc = "", "timed out", -1
    passed = sum(1 for l in out.splitlines() if OK.match(l))
    failed = [l for l in out.splitlines() if NOT_OK.match(l)]
    if rc != 0 and not failed:
        failed = ["not ok - %s exited with status %d" % (t["name"], rc)]
    return t["name"], passed, failed, out, err


total_pass = total_fail = 0
with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    for name, passed, failed, out, err in pool.map(run, tests):
        total_pass += passed
        total_fail += len(failed)
        print("%-24s %4d passed, %d failed" % (name, passed, len(failed)))
        if failed:
            for l in failed:
                print("    " + l)
            tail = (out + err).splitlines()[-40:]
            for l in tail:
                print("    | " + l)
print("%d passed, %d failed" % (total_pass, total_fail))
sys.exit(1 if total_fail else 0)
