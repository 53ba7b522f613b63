#!/usr/bin/env python3
"""API tests of `jaring serve`: sign-in, sessions, CSRF, tokens, errors with
their statuses, paging, registry reads, imports, bills and arrears with
their downloads, the audit log, static files and a graceful shutdown.
argv: the jaring binary, the fixtures directory."""
import json
import os
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jaring_http import (EMPLOYER_NPP, OTHER_NIK, PARTNER_NIK, Client, Server, Tap, make_db, run,
                         sign_in)

JARING, FIX = sys.argv[1], sys.argv[2]
t = Tap()
tmp = tempfile.mkdtemp()
db, env = make_db(JARING, FIX, tmp, [("admin", "admin", None), ("petugas", "officer", None),
                                     ("lihat", "viewer", None), ("kesra", "partner", 1),
                                     ("korban", "viewer", None)])
web = os.path.join(tmp, "web")
os.makedirs(os.path.join(web, "js"))
with open(os.path.join(web, "index.html"), "w") as f:
    f.write("<!doctype html><title>Jaring</title>")
with open(os.path.join(web, "js", "app.js"), "w") as f:
    f.write("console.log(1);")
with open(os.path.join(tmp, "secret.txt"), "w") as f:
    f.write("secret")

rc, token, _ = run([JARING, "token", "add", "petugas"], env)
token = token.strip()
t.ok(rc == 0 and token.startswith("jr_") and len(token) == 67, "token add prints a bearer token")
rc, out, err = run([JARING, "token", "add", "nobody"], env)
t.ok(rc == 1, "token for an unknown user fails", err)
rc, out, err = run([JARING, "user", "add", "x", "--role", "boss", "--password-stdin"], env, "12345678\n")
t.ok(rc == 2, "unknown role is a usage error")
rc, out, err = run([JARING, "user", "add", "pendek", "--role", "viewer", "--password-stdin"], env, "123\n")
t.ok(rc == 1 and "minimal" in err, "short password refused", err)
rc, out, err = run([JARING, "user", "add", "admin", "--role", "viewer", "--password-stdin"], env, "12345678\n")
t.ok(rc == 1 and "sudah ada" in err, "duplicate user refused", err)
rc, out, err = run([JARING, "user", "list", "--json"], env)
t.ok(rc == 0 and [u["name"] for u in json.loads(out)] == ["admin", "kesra", "korban", "lihat", "petugas"],
     "user list --json", out)
rc, out, err = run([JARING, "user", "add", "m", "--role", "partner", "--password-stdin"], env, "12345678\n")
t.ok(rc == 2, "partner user needs --partner")

srv = Server(JARING, db, "--web", web, env={"JARING_TODAY": "2024-12-01"})
api = Client(token=token)

st, j, hd = srv.json("GET", "/healthz")
t.ok(st == 200 and j == {"status": "ok"}, "healthz without sign-in")
st, j, hd = srv.json("GET", "/api/v1/persons")
t.ok(st == 401 and j["error"]["code"] == "unauthenticated", "401 without a session", j)
st, j, hd = srv.json("GET", "/api/v1/persons", headers={"Authorization": "Bearer jr_nope"})
t.ok(st == 401, "401 for an unknown token")

# sign-in
st, j, hd = srv.json("POST", "/api/v1/session", {"username": "admin", "password": "salah-sekali"})
t.ok(st == 401 and j["error"]["code"] == "bad_credentials", "wrong password: 401", j)
st, j, hd = srv.json("POST", "/api/v1/session", {"username": "siapa", "password": "salah-sekali"})
t.ok(st == 401, "unknown user: 401 (same answer)")
st, j, hd = srv.json("POST", "/api/v1/session", {"username": "admin", "password": "admin-sandi-1"})
cookie = hd.get("set-cookie", "")
t.ok(st == 200 and len(j["csrf"]) == 64 and j["user"] == {"name": "admin", "role": "admin", "partner_id": None},
     "sign-in returns the CSRF token and the user", j)
t.ok("HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie, "cookie is HttpOnly, SameSite=Strict", cookie)
admin = Client(cookie=cookie.split(";")[0].split("=", 1)[1], csrf=j["csrf"])
st, j, hd = srv.json("GET", "/api/v1/session", client=admin)
t.ok(st == 200 and j["user"]["name"] == "admin" and j["csrf"] == admin.csrf, "GET session", j)

JS = {"Content-Type": "application/json"}
st, j, hd = srv.json("POST", "/api/v1/session", "{bad json", JS)
t.ok(st == 400 and j["error"]["code"] == "bad_json" and "baris" in j["error"]["message"], "malformed JSON: 400 saying where", j)
st, j, hd = srv.json("POST", "/api/v1/session", "[1,2]", JS)
t.ok(st == 400, "JSON that is not an object: 400")
st, j, hd = srv.json("POST", "/api/v1/session", {"username": "admin"})
t.ok(st == 422 and j["error"]["fields"] == {"password": "wajib diisi"}, "missing field: 422 per field", j)
st, j, hd = srv.json("POST", "/api/v1/session", {"username": 5, "password": "x"})
t.ok(st == 422 and "username" in j["error"]["fields"], "wrong type: 422", j)
st, j, hd = srv.json("POST", "/api/v1/session", '{"username":"a","username":"b","password":"x"}', JS)
t.ok(st == 400, "duplicate keys refused")
st, j, hd = srv.json("POST", "/api/v1/session", '{"username":"admin","password":"admin-sandi-1"}',
                     {"Content-Type": "text/plain"})
t.ok(st == 415 and j["error"]["code"] == "unsupported_media_type", "a sign-in that is not application/json: 415 (no cross-site form posts)", j)
st, j, hd = srv.json("POST", "/api/v1/session", "x" * 70000, JS)
t.ok(st == 413 and j["error"]["code"] == "too_large", "body over the limit: 413", j)
c = srv.conn()
c.request("POST", "/api/v1/session", body=iter([b'{"username":"' + b"a" * 8192] * 20), encode_chunked=True,
          headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
resp = c.getresponse()
t.ok(resp.status == 413, "a chunked body over the limit: 413", resp.status)
c.close()
s_ = socket.create_connection((srv.host, srv.port))
s_.sendall(b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Transfer-Encoding: chunked\r\n\r\n")
closed = False
try:
    s_.settimeout(30)
    for _ in range(400):  # 40 MB if the server kept reading
        s_.sendall(b"186a0\r\n" + b"x" * 100000 + b"\r\n")
except OSError:
    closed = True
s_.close()
t.ok(closed, "an endless chunked body is cut off, not read to its end")
st, j, hd = srv.json("PUT", "/api/v1/session")
t.ok(st == 405 and "GET" in hd.get("allow", ""), "405 with Allow", hd)
st, j, hd = srv.json("GET", "/api/v1/nothing", client=admin)
t.ok(st == 404 and j["error"]["code"] == "not_found", "unknown API path: 404")

# CSRF
bad = Client(cookie=admin.cookie, csrf="0" * 64)
st, j, hd = srv.json("POST", "/api/v1/users", {"name": "baru", "role": "viewer", "password": "rahasia-baru"}, client=bad)
t.ok(st == 403 and j["error"]["code"] == "csrf", "write with a wrong CSRF token: 403", j)
st, j, hd = srv.json("POST", "/api/v1/users", {"name": "baru", "role": "viewer", "password": "rahasia-baru"}, client=admin)
t.ok(st == 201 and j["name"] == "baru" and j["role"] == "viewer", "admin adds a user", j)
st, j, hd = srv.json("POST", "/api/v1/users", {"name": "baru", "role": "viewer", "password": "rahasia-baru"}, client=admin)
t.ok(st == 409, "same name again: 409", j)
st, j, hd = srv.json("POST", "/api/v1/users", {"name": "Bad Name", "role": "chief", "password": "x"}, client=admin)
t.ok(st == 422 and {"name", "role"} <= set(j["error"]["fields"]), "bad user fields: 422 naming them", j)
st, j, hd = srv.json("POST", "/api/v1/users", {"name": "mitra2", "role": "partner", "password": "rahasia-baru"}, client=admin)
t.ok(st == 422 and "partner_id" in j["error"]["fields"], "partner user without partner_id: 422", j)
st, j, hd = srv.json("GET", "/api/v1/users", client=admin)
t.ok(st == 200 and "baru" in [u["name"] for u in j["items"]] and j["next_cursor"] is None, "users list", j)

# registry reads (bearer token)
st, j, hd = srv.json("GET", f"/api/v1/persons/{OTHER_NIK}", client=api)
t.ok(st == 200 and j["nik"] == OTHER_NIK and j["name"] == "Wahyu Pratama" and j["memberships"][0]["employer_npp"] == EMPLOYER_NPP
     and j["memberships"][0]["programs"] == "JKK JKM JHT JP" and j["memberships"][0]["wage"] == 5000000,
     "person with memberships", j)
st, j, hd = srv.json("GET", f"/api/v1/persons/{PARTNER_NIK}", client=api)
t.ok(st == 200 and j["bills"] == [] and j["memberships"][0]["payer_kind"] == "partner"
     and j["memberships"][0]["payer_ref"] == "1", "person paid by a partner: the bills are the partner's", j)
st, j, hd = srv.json("GET", "/api/v1/persons/3375011212920012", client=api)
t.ok(st == 200 and j["bills"] and j["bills"][0]["period"] == "2024-11" and j["bills"][0]["payer_kind"] == "participant",
     "a BPU participant's own bills", j)
st, j, hd = srv.json("GET", "/api/v1/persons/3375019999990001", client=api)
t.ok(st == 404, "unknown NIK: 404")
st, j, hd = srv.json("GET", "/api/v1/persons/12ab", client=api)
t.ok(st == 400 and "nik" in j["error"]["fields"], "malformed NIK: 400 naming it", j)
st, j, hd = srv.json("GET", "/api/v1/persons?q=wahyu", client=api)
t.ok(st == 200 and [p["name"] for p in j["items"]] == ["Wahyu Pratama", "Sri Wahyuni"], "search by part of a name, any case", j)
st, j, hd = srv.json("GET", f"/api/v1/persons?q={OTHER_NIK}", client=api)
t.ok(st == 200 and len(j["items"]) == 1, "search by NIK")
st, j, hd = srv.json("GET", "/api/v1/persons?q=%25", client=api)
t.ok(st == 200 and j["items"] == [], "a LIKE wildcard is searched literally", j)
st, j, hd = srv.json("GET", "/api/v1/persons?limit=2", client=api)
first = [p["nik"] for p in j["items"]]
t.ok(st == 200 and len(first) == 2 and j["next_cursor"], "limit=2 gives a cursor", j)
st, j2, hd = srv.json("GET", f"/api/v1/persons?limit=2&cursor={j['next_cursor']}", client=api)
t.ok(st == 200 and j2["items"] and j2["items"][0]["nik"] > first[-1], "the cursor gives the next page", j2)
seen, cursor = [], ""
while True:
    st, jj, hd = srv.json("GET", f"/api/v1/persons?limit=3&cursor={cursor}", client=api)
    seen += [p["nik"] for p in jj["items"]]
    if not jj["next_cursor"]:
        break
    cursor = jj["next_cursor"]
st, jall, hd = srv.json("GET", "/api/v1/persons?limit=500", client=api)
t.ok(seen == [p["nik"] for p in jall["items"]], "paging through equals one page", seen)
for bad_q in ("limit=0", "limit=501", "limit=x", "cursor=zz", "cursor=c-1"):
    st, j, hd = srv.json("GET", f"/api/v1/persons?{bad_q}", client=api)
    t.ok(st == 400 and j["error"]["code"] == "bad_parameter", f"{bad_q}: 400", j)
st, j, hd = srv.json("GET", "/api/v1/persons?q=" + "a" * 200, client=api)
t.ok(st == 400 and "q" in j["error"]["fields"], "search text too long: 400")

st, j, hd = srv.json("GET", f"/api/v1/employers?q={EMPLOYER_NPP}", client=api)
t.ok(st == 200 and len(j["items"]) == 1 and j["items"][0]["npp"] == EMPLOYER_NPP, "employer by NPP", j)
eid = j["items"][0]["id"]
st, j, hd = srv.json("GET", f"/api/v1/employers/{eid}", client=api)
t.ok(st == 200 and j["workers"] and j["bills"] and j["findings"] == [], "employer with workers and bills", j)
st, j, hd = srv.json("GET", f"/api/v1/employers/{eid}/workers?limit=1", client=api)
t.ok(st == 200 and len(j["items"]) == 1 and j["next_cursor"], "employer workers page", j)
st, j, hd = srv.json("GET", "/api/v1/employers/999999", client=api)
t.ok(st == 404, "unknown employer: 404")
st, j, hd = srv.json("GET", "/api/v1/summary", client=api)
t.ok(st == 200 and j["as_of"] == "2024-12-01" and j["active"] > 0 and set(j["active_by_segment"]) == {"PU", "BPU", "JAKON", "PMI"},
     "summary", j)

# coverage: the same JSON as the command line
rc, cli_out, err = run([JARING, "coverage", "--by", "segment", "--json"], dict(env, JARING_TODAY="2024-12-01"))
st, j, hd = srv.json("GET", "/api/v1/coverage?by=segment", client=api)
t.ok(rc == 0 and st == 200 and j == json.loads(cli_out), "coverage is exactly `jaring coverage --json`", (j, cli_out[:300]))
rc, cli_out, err = run([JARING, "coverage", "--monthly", "2024-01", "2024-12", "--json"], dict(env, JARING_TODAY="2024-12-01"))
st, j, hd = srv.json("GET", "/api/v1/coverage/monthly?from=2024-01&to=2024-12", client=api)
t.ok(rc == 0 and st == 200 and j == json.loads(cli_out), "monthly coverage is exactly the command line's", (j, cli_out[:300]))
rc, cli_out, err = run([JARING, "coverage", "--by", "district,segment", "--json"], dict(env, JARING_TODAY="2024-12-01"))
st, j, hd = srv.json("GET", "/api/v1/coverage?by=district,segment", client=api)
t.ok(rc == 0 and st == 200 and j == json.loads(cli_out), "coverage by two dimensions is the command line's", (j, cli_out[:300]))
st, j, hd = srv.json("GET", "/api/v1/coverage?by=planet", client=api)
t.ok(st == 400 and "by" in j["error"]["fields"], "unknown coverage dimension: 400", j)
st, j, hd = srv.json("GET", "/api/v1/coverage/monthly?from=2024-13&to=2024-12", client=api)
t.ok(st == 400 and "from" in j["error"]["fields"], "bad month: 400", j)

# partners and agreements
st, j, hd = srv.json("GET", "/api/v1/agreements/1", client=api)
t.ok(st == 200 and j["target"] == 2170 and j["enrolled"] == 1 and j["active"] == 1,
     "agreement scorecard: target against enrolled and active", j)
rc, cli_out, err = run([JARING, "mou", "show", "1", "--json"], dict(env, JARING_TODAY="2024-12-01"))
t.ok(rc == 0 and j == json.loads(cli_out), "the scorecard is exactly `jaring mou show --json`", (cli_out[:300], err))
st, j, hd = srv.json("GET", "/api/v1/partners/1", client=api)
t.ok(st == 200 and j["name"].startswith("Bagian Kesra") and [a["id"] for a in j["agreements"]] == [1], "partner with agreements", j)
rc, cli_out, err = run([JARING, "partner", "show", "1", "--json"], dict(env, JARING_TODAY="2024-12-01"))
t.ok(rc == 0 and j == json.loads(cli_out), "the partner is exactly `jaring partner show --json`", (cli_out[:300], err))
st, j, hd = srv.json("GET", "/api/v1/partners/2/units", client=api)
t.ok(st == 200 and [u["npp"] for u in j["items"]] == ["22222222"] and j["items"][0]["reported"] == 5, "partner units", j)
st, j, hd = srv.json("GET", "/api/v1/agreements/1/renewals?from=2024-12-01&to=2025-01-31", client=api)
t.ok(st == 200 and [m["nik"] for m in j["items"]] == [PARTNER_NIK], "renewal list", j)
st, j, hd = srv.json("GET", "/api/v1/agreements/1/renewals?from=2025-01-01&to=2024-01-01", client=api)
t.ok(st == 400, "renewal window backwards: 400", j)
st, j, hd = srv.json("GET", "/api/v1/agreements/99", client=api)
t.ok(st == 404, "unknown agreement: 404 for staff", j)
st, j, hd = srv.json("POST", "/api/v1/users", {"name": "mitra9", "role": "partner", "partner_id": 99, "password": "rahasia-baru"}, client=admin)
t.ok(st == 422 and "partner_id" in j["error"]["fields"], "partner user of an unknown partner: 422", j)

# bills and arrears
st, j, hd = srv.json("GET", "/api/v1/bills?period=2024-11&payer_kind=employer", client=api)
t.ok(st == 200 and j["items"] and all(b["payer_kind"] == "employer" and b["period"] == "2024-11" for b in j["items"]),
     "bills filtered by period and payer kind", j)
st, j, hd = srv.json("GET", f"/api/v1/bills?payer={EMPLOYER_NPP}", client=api)
t.ok(st == 200 and len(j["items"]) == 1 and j["items"][0]["payer_code"] == EMPLOYER_NPP and j["items"][0]["status"] == "open",
     "bills of one payer", j)
for bad_q in ("period=2024-13", "payer_kind=bank", "status=late"):
    st, j, hd = srv.json("GET", f"/api/v1/bills?{bad_q}", client=api)
    t.ok(st == 400 and j["error"]["code"] == "bad_parameter", f"bills {bad_q}: 400", j)
st, hd, data = srv.request("GET", "/api/v1/bills.csv?period=2024-11", client=api)
lines = data.decode().splitlines()
t.ok(st == 200 and hd["content-type"].startswith("text/csv") and lines[0].startswith("id,period,payer_kind")
     and len(lines) > 1 and "attachment" in hd.get("content-disposition", ""), "bills.csv", data[:300])
rc, cli_csv, err = run([JARING, "export", "bills", "--period", "2024-11"], env)
t.ok(rc == 0 and cli_csv == data.decode().replace("\r\n", "\n"), "jaring export bills writes the same CSV as the server", cli_csv[:300])
xlsx_path = os.path.join(tmp, "tunggakan.xlsx")
rc, out, err = run([JARING, "export", "arrears", "--as-of", "2025-06-01", "--format", "xlsx", "-o", xlsx_path], env)
t.ok(rc == 0 and open(xlsx_path, "rb").read(2) == b"PK", "jaring export arrears --format xlsx", err)
rc, out, err = run([JARING, "export", "workers", "--format", "xlsx"], env)
t.ok(rc == 2, "xlsx only for bills and arrears", err)
st, hd, data = srv.request("GET", "/api/v1/bills.xlsx", client=api)
t.ok(st == 200 and data[:2] == b"PK" and "spreadsheetml" in hd["content-type"], "bills.xlsx is a workbook")
st, j, hd = srv.json("GET", "/api/v1/arrears?as_of=2025-06-01", client=api)
t.ok(st == 200 and j["as_of"] == "2025-06-01" and j["items"] and j["items"][0]["owed"] > 0, "arrears", j)
st, j, hd = srv.json("GET", "/api/v1/arrears?as_of=2025-06-01&limit=1", client=api)
t.ok(st == 200 and len(j["items"]) == 1 and j["next_cursor"], "arrears page", j)
st, j2, hd = srv.json("GET", f"/api/v1/arrears?as_of=2025-06-01&limit=1&cursor={j['next_cursor']}", client=api)
t.ok(st == 200 and j2["items"] and j2["items"][0] != j["items"][0], "arrears next page")
st, j, hd = srv.json("GET", "/api/v1/arrears?as_of=2025-02-30", client=api)
t.ok(st == 400 and "as_of" in j["error"]["fields"], "bad as_of: 400", j)
st, hd, data = srv.request("GET", "/api/v1/arrears.xlsx?as_of=2025-06-01", client=api)
t.ok(st == 200 and data[:2] == b"PK", "arrears.xlsx")
st, hd, data = srv.request("GET", "/api/v1/arrears.csv?as_of=2025-06-01", client=api)
t.ok(st == 200 and data.decode().startswith("payer,payer_kind,owed"), "arrears.csv", data[:200])

# imports: dry run, then commit; bad rows reported
with open(os.path.join(FIX, "workers_bad.csv"), "rb") as f:
    bad_csv = f.read()
with open(os.path.join(FIX, "employers.csv"), "rb") as f:
    emp_csv = f.read()
hdr = {"Content-Type": "text/csv"}
st, j, hd = srv.json("POST", "/api/v1/imports?kind=employers&dry_run=1", emp_csv, hdr, client=api)
t.ok(st == 200 and j["committed"] is False and j["inserted"] == j["rows"] > 0 and j["rejected"] == 0, "import dry run", j)
emp_rows = j["rows"]
st, j, hd = srv.json("GET", "/api/v1/employers?q=Batik%20Jaya", client=api)
t.ok(st == 200 and j["items"] == [], "a dry run writes nothing", j)
st, j, hd = srv.json("POST", "/api/v1/imports?kind=employers", emp_csv, hdr, client=api)
t.ok(st == 200 and j["committed"] is True and j["inserted"] == emp_rows and j["batch_id"] > 0, "import commit", j)
st, j, hd = srv.json("GET", "/api/v1/employers?q=batik%20jaya", client=api)
t.ok(st == 200 and len(j["items"]) == 1, "committed rows are there")
st, j, hd = srv.json("POST", "/api/v1/imports?kind=workers&dry_run=1", bad_csv, hdr, client=api)
t.ok(st == 200 and j["rejected"] >= 3 and all({"line", "column", "value", "reason", "severity"} <= set(i) for i in j["issues"]),
     "rejected rows with line, column, value, reason", j)
st, hd, data = srv.request("POST", "/api/v1/imports/errors.csv?kind=workers", bad_csv, hdr, client=api)
t.ok(st == 200 and data.decode().startswith("line,column,value,reason,severity") and data.count(b"\n") >= 4,
     "error report CSV", data[:300])
st, j, hd = srv.json("POST", "/api/v1/imports?kind=cats", emp_csv, hdr, client=api)
t.ok(st == 400 and "kind" in j["error"]["fields"], "unknown import kind: 400", j)
st, j, hd = srv.json("POST", "/api/v1/imports?kind=workers", b"", hdr, client=api)
t.ok(st == 400, "empty upload: 400", j)
st, j, hd = srv.json("POST", "/api/v1/imports?kind=workers", b"a,b\n1,2\n", hdr, client=api)
t.ok(st == 422 and j["error"]["code"] == "invalid_file", "file without required columns: 422", j)
st, j, hd = srv.json("POST", "/api/v1/imports?kind=workers&dry_run=maybe", emp_csv, hdr, client=api)
t.ok(st == 400, "bad dry_run: 400")

# cohort enrolment under agreement 1 (partner 1 pays): a dry run, then for real, then again
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "samples", "cohort.csv"), "rb") as f:
    cohort_csv = f.read()
kesra = sign_in(srv, "kesra", "kesra-sandi-1")
st, j, hd = srv.json("POST", "/api/v1/agreements/1/cohorts?dry_run=1", cohort_csv, hdr, client=kesra)
t.ok(st == 200 and j["committed"] is False and j["rows"] > 0 and j["cohort_id"] == 0 or (st == 200 and not j["committed"]),
     "the partner checks its list (dry run)", j)
st, j, hd = srv.json("POST", "/api/v1/agreements/1/cohorts", cohort_csv, hdr, client=kesra)
enrolled = j.get("inserted", 0) if isinstance(j, dict) else 0
t.ok(st == 200 and j["committed"] and j["cohort_id"] > 0 and j["ok"] > 0, "the partner enrols its list", j)
st, j, hd = srv.json("POST", "/api/v1/agreements/1/cohorts", cohort_csv, hdr, client=kesra)
t.ok(st == 200 and j["ok"] == 0 or (st == 200 and j["inserted"] == 0), "enrolling again adds nobody", j)
st, j, hd = srv.json("GET", "/api/v1/persons?limit=500", client=kesra)
t.ok(st == 200 and len(j["items"]) > 1, "the partner now finds the people it enrolled", len(j.get("items", [])))

# audit
st, j, hd = srv.json("GET", "/api/v1/audit", client=admin)
actions = [a["action"] for a in j["items"]]
t.ok(st == 200 and "import" in actions and "user.add" in actions and "cohort.enrol" in actions, "writes are in the audit log", actions)
imp = [a for a in j["items"] if a["action"] == "import"][0]
t.ok(imp["user"] == "petugas" and imp["after"]["inserted"] == emp_rows and imp["before"] is None and imp["at"], "audit entry: who, when, what, after", imp)
st, hd, data = srv.request("GET", "/api/v1/audit.csv", client=admin)
t.ok(st == 200 and data.decode().startswith("id,at,user,action,object,before,after"), "audit export")
st, j, hd = srv.json("GET", "/api/v1/audit", client=api)
t.ok(st == 403, "officer may not read the audit log")

# disable, password change, throttling
st, j, hd = srv.json("PATCH", "/api/v1/users/lihat", {"disabled": True}, client=admin)
t.ok(st == 200 and j["disabled"] is True, "admin disables a user", j)
st, j, hd = srv.json("POST", "/api/v1/session", {"username": "lihat", "password": "lihat-sandi-1"})
t.ok(st == 401, "a disabled user cannot sign in")
st, j, hd = srv.json("PATCH", "/api/v1/users/nobody", {"disabled": True}, client=admin)
t.ok(st == 404, "unknown user: 404", j)
st, j, hd = srv.json("PATCH", "/api/v1/users/lihat", {"disabled": "yes"}, client=admin)
t.ok(st == 422, "disabled must be boolean", j)
for i in range(5):
    srv.json("POST", "/api/v1/session", {"username": "korban", "password": f"tebakan-{i}"})
st, j, hd = srv.json("POST", "/api/v1/session", {"username": "korban", "password": "korban-sandi-1"})
t.ok(st == 429 and int(hd.get("retry-after", "0")) > 0, "after 5 failures even the right password waits", (st, j))

# sign-out
st, j, hd = srv.json("DELETE", "/api/v1/session", client=admin)
t.ok(st == 200 and "Max-Age=0" in hd.get("set-cookie", ""), "sign-out clears the cookie")
st, j, hd = srv.json("GET", "/api/v1/session", client=admin)
t.ok(st == 401, "the old session is gone")

# static files
st, hd, data = srv.request("GET", "/")
t.ok(st == 200 and b"Jaring" in data and hd["content-type"].startswith("text/html") and "default-src 'self'" in hd.get("content-security-policy", ""),
     "/ serves index.html with a CSP")
st, hd, data = srv.request("GET", "/js/app.js")
t.ok(st == 200 and hd["content-type"].startswith("text/javascript"), "JS with its type")
for p in ("/../secret.txt", "/js/../../secret.txt", "/%2e%2e/secret.txt", "/js/", "/js", "/.hidden", "/vendor/none/x.js"):
    st, hd, data = srv.request("GET", p)
    t.ok(st == 404 and data != b"secret", f"{p}: 404", (st, data[:100]))
st, hd, data = srv.request("POST", "/index.html")
t.ok(st == 405, "POST to a static file: 405")

# bounded headers; a silent client does not block others
s = socket.create_connection((srv.host, srv.port))
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
resp = s.recv(100)
s.close()
t.ok(resp.startswith(b"HTTP/1.1 4"), "headers over the limit are refused", resp)
slow = socket.create_connection((srv.host, srv.port))
slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
st, j, hd = srv.json("GET", "/healthz")
t.ok(st == 200, "a slow client does not block the others")
slow.close()

# graceful shutdown: an import in flight when SIGTERM comes finishes and is answered
import threading
rows = ["nik,name,birth_date,sex,segment,wage,programs,start_date"]
for i in range(3000):
    rows.append(f"337502{(i // 9000) % 28 + 1:02d}0185{i % 9000 + 1000:04d},Peserta {i},1985-01-{(i // 9000) % 28 + 1:02d},M,BPU,1500000,JKK JKM,2024-06-01")
big = ("\n".join(rows) + "\n").encode()
answer = {}
def upload():
    answer["r"] = srv.json("POST", "/api/v1/imports?kind=workers", big, hdr, client=api)
th = threading.Thread(target=upload)
th.start()
time.sleep(0.3)
rc = srv.stop()
th.join()
st, j, hd = answer["r"]
t.ok(st == 200 and j["committed"] and j["inserted"] == 3000, "an import in flight at SIGTERM finishes and is answered", (st, j and {k: j[k] for k in j if k != "issues"}))
t.ok(rc == 0 and "berhenti" in srv.stderr, "SIGTERM: clean exit", srv.stderr[-500:])
srv2 = Server(JARING, db)
st, j, hd = srv2.json("GET", "/api/v1/employers?q=batik%20jaya", client=api)
t.ok(st == 200 and len(j["items"]) == 1, "the database is intact after shutdown")
st, j, hd = srv2.json("GET", "/api/v1/persons?q=Peserta%202999", client=api)
t.ok(st == 200 and len(j["items"]) == 1, "the import answered during shutdown is in the database", j)
t.ok(srv2.stop() == 0, "second server stops cleanly")
t.finish()
