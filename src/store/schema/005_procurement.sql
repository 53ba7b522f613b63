-- 005_procurement.sql: government procurement packages (LKPP SiRUP / SPSE
-- tender records) and the construction projects registered for JAKON, so
-- that planned construction can be matched against what was registered.
-- Rules in docs/rules.md "Construction from procurement data".
--
-- CHECKs list allowed values with OR, not IN (...) (see 001_init.sql).

-- A construction package of a procurement plan, one per RUP code (kd_rup).
-- A tender for several RUP codes at once keeps them all, sorted and joined
-- by ';' ("56168859;56168861").  value_sen is the contract value when known,
-- else the HPS (owner's estimate), else the pagu (budget ceiling);
-- value_source says which.  expected_sen is the JAKON contribution on it by
-- the marginal tiers, expected_workers the estimate of docs/rules.md.
CREATE TABLE procurement_packages (
  id               INTEGER PRIMARY KEY,
  kd_rup           TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  owner            TEXT NOT NULL,          -- nama_satker: the office that buys
  owner_code       TEXT,                   -- kd_satker
  klpd             TEXT,                   -- nama_klpd: the local government
  year             INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
  kind             TEXT NOT NULL,          -- jenis_pengadaan, as written
  pagu_sen         INTEGER CHECK (pagu_sen IS NULL OR pagu_sen >= 0),
  hps_sen          INTEGER CHECK (hps_sen IS NULL OR hps_sen >= 0),
  contract_sen     INTEGER CHECK (contract_sen IS NULL OR contract_sen >= 0),
  value_sen        INTEGER NOT NULL CHECK (value_sen >= 0),
  value_source     TEXT NOT NULL CHECK (value_source = 'contract' OR value_source = 'hps'
                                        OR value_source = 'pagu'),
  status           TEXT,                   -- status_tender: Selesai, Berlangsung, Gagal/Batal
  failed           INTEGER NOT NULL DEFAULT 0 CHECK (failed = 0 OR failed = 1),
  location         TEXT,
  priced_on        TEXT NOT NULL,          -- the month the rates were taken from (YYYY-MM-01)
  expected_sen     INTEGER NOT NULL CHECK (expected_sen >= 0),
  expected_workers INTEGER NOT NULL CHECK (expected_workers >= 0),
  batch_id         INTEGER REFERENCES import_batches(id)
);
CREATE INDEX procurement_packages_owner ON procurement_packages(owner);

-- A construction project registered for JAKON by its contractor.  kd_rup
-- when the contractor gave it; otherwise it is matched on name, owner and
-- year (docs/rules.md).
CREATE TABLE projects (
  id          INTEGER PRIMARY KEY,
  employer_id INTEGER NOT NULL REFERENCES employers(id),
  name        TEXT NOT NULL,
  owner       TEXT,
  value_sen   INTEGER NOT NULL CHECK (value_sen >= 0),
  kd_rup      TEXT,
  start_date  TEXT NOT NULL,
  end_date    TEXT CHECK (end_date IS NULL OR end_date >= start_date),
  region_code TEXT REFERENCES regions(code),
  batch_id    INTEGER REFERENCES import_batches(id)
);
CREATE UNIQUE INDEX projects_key ON projects(employer_id, name, start_date);
CREATE INDEX projects_kd_rup ON projects(kd_rup) WHERE kd_rup IS NOT NULL;

-- The project a JAKON membership works on, when known.
ALTER TABLE memberships ADD COLUMN project_id INTEGER REFERENCES projects(id);
CREATE INDEX memberships_project ON memberships(project_id) WHERE project_id IS NOT NULL;
