#!/usr/bin/env python3
"""docs/api.yaml and the server's route table describe the same API: every
route is a documented operation with the same access, and every documented
operation is a route.  (A line-based reading of the YAML: the file keeps
paths at two spaces, methods at four and x-jaring-access at six.)
argv: the jaring binary, the fixtures directory (unused)."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jaring_http import Tap

JARING = sys.argv[1]
spec = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "api.yaml")
t = Tap()
documented = {}
path = method = None
in_paths = False
for line in open(spec, encoding="utf-8"):
    if line.startswith("paths:"):
        in_paths = True
        continue
    if not in_paths:
        continue
    if m := re.match(r"^  (/\S*):\s*$", line):
        path, method = m.group(1), None
    elif m := re.match(r"^    (get|post|put|patch|delete):\s*$", line):
        method = m.group(1).upper()
        documented[(method, path)] = None
    elif (m := re.match(r"^      x-jaring-access:\s*(\w+)", line)) and method:
        documented[(method, path)] = m.group(1)

routes = {}
for line in subprocess.check_output([JARING, "serve", "--routes"], text=True).splitlines():
    m, p, a = line.split()
    routes[(m, p)] = a

t.ok(len(routes) > 10, f"the server lists its routes ({len(routes)})")
for key, access in sorted(routes.items()):
    t.ok(key in documented, f"{key[0]} {key[1]} is documented in docs/api.yaml")
    if key in documented:
        t.ok(documented[key] == access, f"{key[0]} {key[1]} access is {access} in both", documented[key])
for key in sorted(documented):
    t.ok(key in routes, f"documented {key[0]} {key[1]} is a route")
t.finish()
