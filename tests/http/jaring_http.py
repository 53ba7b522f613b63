"""Shared by the server tests: a TAP counter, a database with users, a
running `jaring serve` and small HTTP helpers (standard library only)."""
import http.client
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, desc, detail=None):
        self.n += 1
        if cond:
            print(f"ok {self.n} - {desc}")
        else:
            self.failed += 1
            print(f"not ok {self.n} - {desc}")
            if detail is not None:
                for line in str(detail).splitlines()[:20]:
                    print(f"# {line}")
        sys.stdout.flush()
        return cond

    def finish(self):
        print(f"1..{self.n}")
        sys.exit(1 if self.failed else 0)


class Server:
    """`jaring serve --listen 127.0.0.1:0` on db; stop() sends SIGTERM."""

    def __init__(self, jaring, db, *extra, env=None):
        e = dict(os.environ, JARING_DB=db, JARING_TODAY=os.environ.get("JARING_TODAY", "2026-11-22"))
        if env:
            e.update(env)
        self.proc = subprocess.Popen([jaring, "serve", "--listen", "127.0.0.1:0", "--threads", "2", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e, text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http://"):
            err = self.proc.stderr.read()
            raise RuntimeError(f"server did not start: {self.url!r} {err}")
        hostport = self.url[len("http://"):].rstrip("/")
        self.host, port = hostport.split(":")
        self.port = int(port)

    def conn(self):
        return http.client.HTTPConnection(self.host, self.port, timeout=30)

    def request(self, method, path, body=None, headers=None, client=None):
        """Returns (status, headers dict lower-case, bytes)."""
        h = dict(headers or {})
        if client:
            h.update(client.headers(method))
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode()
        c = self.conn()
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        hd = {k.lower(): v for k, v in r.getheaders()}
        c.close()
        return r.status, hd, data

    def json(self, method, path, body=None, headers=None, client=None):
        st, hd, data = self.request(method, path, body, headers, client)
        try:
            j = json.loads(data) if data else None
        except ValueError:
            j = {"_raw": data[:200].decode(errors="replace")}
        return st, j, hd

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self.stderr = self.proc.stderr.read()
        return rc


class Client:
    """A signed-in browser (cookie + CSRF) or an API client (bearer token)."""

    def __init__(self, cookie=None, csrf=None, token=None):
        self.cookie, self.csrf, self.token = cookie, csrf, token

    def headers(self, method):
        h = {}
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        if self.cookie:
            h["Cookie"] = f"jaring_session={self.cookie}"
            if method not in ("GET", "HEAD") and self.csrf:
                h["X-CSRF-Token"] = self.csrf
        return h


def sign_in(srv, name, password):
    st, hd, data = srv.request("POST", "/api/v1/session", {"username": name, "password": password})
    if st != 200:
        return None
    cookie = hd.get("set-cookie", "").split(";")[0].split("=", 1)[1]
    return Client(cookie=cookie, csrf=json.loads(data)["csrf"])


def run(cmd, env, stdin=None):
    p = subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


# In the billing fixture: a PU worker of employer 1, a BPU participant paid
# for by partner 1, and employer 1's NPP.
OTHER_NIK = "3375010101800001"
PARTNER_NIK = "3375011010900010"
EMPLOYER_NPP = "11111111"


FIXTURE_SQL = """
INSERT INTO partners(id, name, kind, region_code, parent_id) VALUES
  (1, 'Bagian Kesra Setda Kota Pekalongan', 'welfare_section', NULL, NULL),
  (2, 'PD Muhammadiyah Kota Pekalongan', 'religious_org', NULL, NULL),
  (3, 'Kelurahan Krapyak', 'village', NULL, 1);
INSERT INTO agreements(id, number, title, partner_id, signed_on, valid_from, valid_to, target,
                       pays, role, funding) VALUES
  (1, 'PKS/001/2024', 'Perlindungan pekerja rentan', 1, '2024-01-01', '2024-01-01',
   '2024-12-31', 2170, 'partner', 'pays', 'SG'),
  (2, 'MOU/002/2024', 'Kepesertaan amal usaha', 2, '2024-02-01', '2024-02-01', '2026-01-31',
   300, 'none', 'encourages', NULL);
INSERT INTO cohorts(id, agreement_id, enrolled_on, start_date, end_date, file_name) VALUES
  (1, 1, '2024-01-01', '2024-01-01', '2024-12-31', 'kesra.csv');
UPDATE employers SET partner_id = 2, reported_workers = 5 WHERE id = 2;
"""


def make_db(jaring, fixtures, tmp, users):
    """A database with the billing fixture and users [(name, role, partner)]."""
    db = os.path.join(tmp, "test.db")
    env = dict(os.environ, JARING_DB=db, JARING_TODAY="2024-12-01")
    b = os.path.join(fixtures, "billing")
    for cmd in (["init"], ["import", "employers", os.path.join(b, "employers.csv")],
                ["import", "workers", os.path.join(b, "workers.csv")], None,
                ["bill", "--period", "2024-11"]):
        if cmd is None:
            # Partner 1 (the city's welfare section, with a child partner 3)
            # pays for one BPU participant (PARTNER_NIK) under agreement 1;
            # partner 2 has employer 2 as its unit and agreement 2.
            with sqlite3.connect(db) as c:
                c.executescript(FIXTURE_SQL)
                c.execute("UPDATE memberships SET payer_kind = 'partner', payer_ref = 1, "
                          "cohort_id = 1, end_date = '2024-12-31' WHERE person_nik = ?", (int(PARTNER_NIK),))
            continue
        rc, out, err = run([jaring, *cmd], env)
        if rc not in (0, 3):
            raise RuntimeError(f"{cmd}: {rc} {err}")
    for name, role, partner in users:
        cmd = [jaring, "user", "add", name, "--role", role, "--password-stdin"]
        if partner:
            cmd += ["--partner", str(partner)]
        rc, out, err = run(cmd, env, stdin=f"{name}-sandi-1\n")
        if rc:
            raise RuntimeError(f"user add {name}: {err}")
    return db, env
