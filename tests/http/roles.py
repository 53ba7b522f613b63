#!/usr/bin/env python3
"""The role matrix: every route of `jaring serve --routes`, called with no
session, as admin, officer, viewer, a partner user, and a user of another
partner, must be allowed or denied exactly as the table below says
(docs/rules.md "Accounts, roles and sessions").  A route missing from the
table fails the test.  argv: the jaring binary, the fixtures directory."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jaring_http import OTHER_NIK, PARTNER_NIK, Server, Tap, make_db, sign_in

JARING, FIX = sys.argv[1], sys.argv[2]
ROLES = ["none", "admin", "officer", "viewer", "partner", "other_partner"]
ALL = set(ROLES)
SIGNED = ALL - {"none"}
STAFF = {"admin", "officer", "viewer"}
OFFICE = {"admin", "officer"}
ADMIN = {"admin"}

# (method, path as called) -> who may.  {nik} is called twice: a person the
# partner pays for, and one it does not.
MATRIX = {
    ("GET", "/healthz"): ALL,
    ("GET", "/api/v1/session"): SIGNED,
    ("POST", "/api/v1/session"): ALL,
    ("DELETE", "/api/v1/session"): SIGNED,
    ("GET", "/api/v1/summary"): STAFF,
    ("GET", "/api/v1/persons"): SIGNED,
    ("GET", f"/api/v1/persons/{PARTNER_NIK}"): SIGNED - {"other_partner"},
    ("GET", f"/api/v1/persons/{OTHER_NIK}"): STAFF,
    ("GET", "/api/v1/employers"): SIGNED,
    ("GET", "/api/v1/employers/1"): STAFF,
    ("GET", "/api/v1/employers/1/workers"): STAFF,
    ("GET", "/api/v1/employers/2"): STAFF | {"other_partner"},
    ("GET", "/api/v1/employers/2/workers"): STAFF | {"other_partner"},
    ("GET", "/api/v1/coverage?by=segment"): STAFF,
    ("GET", "/api/v1/coverage/monthly?from=2024-01&to=2024-12"): STAFF,
    ("GET", "/api/v1/partners"): SIGNED,
    ("GET", "/api/v1/partners/1"): SIGNED - {"other_partner"},
    ("GET", "/api/v1/partners/2"): SIGNED - {"partner"},
    ("GET", "/api/v1/partners/3"): SIGNED - {"other_partner"},
    ("GET", "/api/v1/partners/1/units"): SIGNED - {"other_partner"},
    ("GET", "/api/v1/partners/2/units"): SIGNED - {"partner"},
    ("GET", "/api/v1/agreements"): SIGNED,
    ("GET", "/api/v1/agreements/1"): SIGNED - {"other_partner"},
    ("GET", "/api/v1/agreements/2"): SIGNED - {"partner"},
    ("GET", "/api/v1/agreements/99"): STAFF,
    ("GET", "/api/v1/agreements/1/members"): SIGNED - {"other_partner"},
    ("POST", "/api/v1/agreements/1/cohorts?dry_run=1"): {"admin", "officer", "partner"},
    ("GET", "/api/v1/agreements/1/renewals?from=2024-10-01&to=2025-01-31"): SIGNED - {"other_partner"},
    ("GET", "/api/v1/bills"): SIGNED,
    ("GET", "/api/v1/bills.csv"): SIGNED,
    ("GET", "/api/v1/bills.xlsx"): SIGNED,
    ("GET", "/api/v1/arrears"): SIGNED,
    ("GET", "/api/v1/arrears.csv"): SIGNED,
    ("GET", "/api/v1/arrears.xlsx"): SIGNED,
    ("POST", "/api/v1/imports?kind=employers&dry_run=1"): OFFICE,
    ("POST", "/api/v1/imports/errors.csv?kind=employers"): OFFICE,
    ("GET", "/api/v1/users"): ADMIN,
    ("POST", "/api/v1/users"): ADMIN,
    ("PATCH", "/api/v1/users/spare"): ADMIN,
    ("GET", "/api/v1/audit"): ADMIN,
    ("GET", "/api/v1/audit.csv"): ADMIN,
}
PARAMS = {"{nik}": [PARTNER_NIK, OTHER_NIK], "{id}": ["1"], "{name}": ["spare"]}
# Allowed roles on an unknown id get a 404, not a 403: still "allowed" here.

t = Tap()
tmp = tempfile.mkdtemp()
db, env = make_db(JARING, FIX, tmp, [("admin", "admin", None), ("officer", "officer", None),
                                     ("viewer", "viewer", None), ("partner", "partner", 1),
                                     ("other_partner", "partner", 2), ("spare", "viewer", None)])
routes = [l.split() for l in subprocess.check_output([JARING, "serve", "--routes"], text=True).splitlines()]
called = set()
for method, path, access in routes:
    for key, values in PARAMS.items():
        if key in path:
            for v in values:
                called.add((method, path.replace(key, v)))
            break
    else:
        called.add((method, path))
for method, path in sorted(called):
    t.ok(any(k[0] == method and k[1].split("?")[0] == path for k in MATRIX), f"{method} {path} is in the matrix")

with open(os.path.join(FIX, "employers.csv"), "rb") as f:
    csv_body = f.read()
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "samples", "cohort.csv"), "rb") as f:
    cohort_body = f.read()
srv = Server(JARING, db, env={"JARING_TODAY": "2024-12-01"})
# The partners' bills: partner 1 pays for PARTNER_NIK; partner 2 for nobody.
clients = {}
for (method, path), allowed in MATRIX.items():
    for role in ROLES:
        if role != "none" and role not in clients:
            clients[role] = sign_in(srv, role, f"{role}-sandi-1")
        client = clients.get(role)
        if method == "DELETE" and path == "/api/v1/session":
            clients.pop(role, None)  # signed out: sign in again next time
        if role != "none" and client is None:
            t.ok(False, f"{role} signs in")
            continue
        body, headers = None, {}
        if path.startswith("/api/v1/imports"):
            body, headers = csv_body, {"Content-Type": "text/csv"}
        elif path.endswith("/cohorts?dry_run=1"):
            body, headers = cohort_body, {"Content-Type": "text/csv"}
        elif method == "POST" and path == "/api/v1/session":
            body = {"username": "viewer", "password": "viewer-sandi-1"}
        elif method == "POST" and path == "/api/v1/users":
            body = {"name": f"new-{role.replace('_', '-')}", "role": "viewer", "password": "rahasia-baru-1"}
        elif method == "PATCH":
            body = {"disabled": False}
        st, j, hd = srv.json(method, path, body, headers, client=client)
        if role in allowed:
            good = st < 400 or (st == 404 and "/99" in path)
            want = "allowed"
        else:
            good = st == (401 if role == "none" else 403)
            want = "401" if role == "none" else "403"
        t.ok(good, f"{method} {path} as {role}: {want}", (st, j))

# What a partner sees inside allowed lists.
p = sign_in(srv, "partner", "partner-sandi-1")
o = sign_in(srv, "other_partner", "other_partner-sandi-1")
st, j, hd = srv.json("GET", "/api/v1/persons?limit=500", client=p)
t.ok(st == 200 and [x["nik"] for x in j["items"]] == [PARTNER_NIK], "a partner finds only the people it pays for", j)
st, j, hd = srv.json("GET", "/api/v1/bills?limit=500", client=p)
t.ok(st == 200 and j["items"] and all(b["payer_kind"] == "partner" and b["payer_ref"] == "1" for b in j["items"]),
     "a partner sees only its own bills", j)
st, j, hd = srv.json("GET", "/api/v1/bills?limit=500", client=o)
t.ok(st == 200 and j["items"] == [], "another partner sees none of them", j)
st, j, hd = srv.json("GET", "/api/v1/arrears?as_of=2025-06-01", client=p)
t.ok(st == 200 and j["items"] and all(a["payer_kind"] == "partner" and a["payer"] == "1" for a in j["items"]),
     "a partner's arrears are its own", j)
st, j, hd = srv.json("GET", "/api/v1/employers", client=p)
t.ok(st == 200 and j["items"] == [], "a partner sees no employers outside its partners", j)
st, j, hd = srv.json("GET", "/api/v1/employers", client=o)
t.ok(st == 200 and [e["id"] for e in j["items"]] == [2], "a partner sees its units", j)
st, j, hd = srv.json("GET", "/api/v1/persons?limit=500", client=o)
t.ok(st == 200 and j["items"] and all(x["nik"] != PARTNER_NIK for x in j["items"]),
     "a partner finds the people its units employ", j)
st, j, hd = srv.json("GET", "/api/v1/partners", client=p)
t.ok(st == 200 and sorted(x["id"] for x in j["items"]) == [1, 3], "a partner sees itself and the partners below it", j)
st, j, hd = srv.json("GET", "/api/v1/agreements", client=o)
t.ok(st == 200 and [a["id"] for a in j["items"]] == [2], "a partner sees its own agreements", j)
st, j, hd = srv.json("GET", "/api/v1/agreements/99", client=p)
t.ok(st == 403, "an unknown agreement is 403 for a partner (existence not revealed)", j)
st, j, hd = srv.json("GET", "/api/v1/agreements/1/members", client=p)
t.ok(st == 200 and [m["nik"] for m in j["items"]] == [PARTNER_NIK] and "active" in j["items"][0],
     "a partner sees its cohort members with their NIKs", j)
st, hd, data = srv.request("GET", "/api/v1/bills.csv", client=o)
t.ok(st == 200 and data.count(b"\n") == 1, "another partner's export is only the header", data[:200])
st, j, hd = srv.json("POST", "/api/v1/agreements/2/cohorts?dry_run=1", cohort_body, {"Content-Type": "text/csv"}, client=p)
t.ok(st == 403, "a partner cannot enrol under another partner's agreement", j)
t.ok(srv.stop() == 0, "server stops cleanly")
t.finish()
