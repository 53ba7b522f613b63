-- CHECKs list allowed values with OR, not IN (...): SQLite builds an ephemeral
-- index for an IN list on every statement execution, which costs a million-row
-- import most of its time.
--
-- 001_init.sql: the registry (regions, employers, persons, memberships),
-- reference data (UMK, KBLI) and import batches.  Forward-only: a later
-- change is a new file 002_*.sql, never an edit of this one.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Kemendagri region codes, dotted: 33 / 33.75 / 33.75.01 / 33.75.01.1001.
CREATE TABLE regions (
  code   TEXT PRIMARY KEY,
  level  INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent TEXT REFERENCES regions(code),
  name   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX regions_parent ON regions(parent);

-- Minimum wage (UMK) per regency and year, from the governor's decree.
CREATE TABLE umk (
  regency_code TEXT NOT NULL REFERENCES regions(code),
  year         INTEGER NOT NULL,
  amount_sen   INTEGER NOT NULL CHECK (amount_sen > 0),
  decree       TEXT NOT NULL,
  confidence   TEXT NOT NULL,
  source       TEXT NOT NULL,
  PRIMARY KEY (regency_code, year)
) WITHOUT ROWID;

-- KBLI 2020 (Peraturan BPS 2/2020): sections A-U and 2- to 5-digit codes.
CREATE TABLE kbli (
  code    TEXT PRIMARY KEY,
  section TEXT NOT NULL,
  level   INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  title   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE import_batches (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  rows_total    INTEGER NOT NULL DEFAULT 0,
  rows_ok       INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  inserted      INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0
);

-- Employers: badan usaha, government offices (OPD), amal usaha, markets...
CREATE TABLE employers (
  id          INTEGER PRIMARY KEY,
  npp         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  nib         TEXT,
  npwp        TEXT,
  kbli        TEXT,
  region_code TEXT REFERENCES regions(code),
  address     TEXT,
  scale       TEXT CHECK (scale = 'micro' OR scale = 'small' OR scale = 'medium'
                          OR scale = 'large'),
  risk_group  INTEGER CHECK (risk_group BETWEEN 1 AND 5),
  kind        TEXT NOT NULL DEFAULT 'company' CHECK (kind = 'company'
                OR kind = 'government_office' OR kind = 'religious_unit' OR kind = 'market'
                OR kind = 'cooperative' OR kind = 'other'),
  batch_id    INTEGER REFERENCES import_batches(id)
);
CREATE INDEX employers_nib ON employers(nib) WHERE nib IS NOT NULL;
CREATE INDEX employers_npwp ON employers(npwp) WHERE npwp IS NOT NULL;
CREATE INDEX employers_region ON employers(region_code);

-- A person, keyed by the NIK held as an integer (16 digits, never 0-led).
CREATE TABLE persons (
  nik         INTEGER PRIMARY KEY CHECK (nik BETWEEN 1100000000000000 AND 9999999999999999),
  name        TEXT NOT NULL,
  birth_date  TEXT,
  sex         TEXT CHECK (sex = 'M' OR sex = 'F'),
  region_code TEXT REFERENCES regions(code),
  phone       TEXT
);

-- Kepesertaan: one person in one segment, with one employer (PU, JAKON) or
-- none (BPU), from a start date.  That is also its natural key.
CREATE TABLE memberships (
  id          INTEGER PRIMARY KEY,
  person_nik  INTEGER NOT NULL REFERENCES persons(nik),
  kpj         TEXT,
  employer_id INTEGER REFERENCES employers(id),
  segment     TEXT NOT NULL CHECK (segment = 'PU' OR segment = 'BPU' OR segment = 'JAKON'
                                   OR segment = 'PMI'),
  wage_sen    INTEGER NOT NULL CHECK (wage_sen >= 0),
  programs    INTEGER NOT NULL CHECK (programs BETWEEN 1 AND 31),
  start_date  TEXT NOT NULL,
  end_date    TEXT CHECK (end_date IS NULL OR end_date >= start_date),
  occupation  TEXT,
  region_code TEXT REFERENCES regions(code),
  batch_id    INTEGER REFERENCES import_batches(id)
);
CREATE UNIQUE INDEX memberships_key
  ON memberships(person_nik, coalesce(employer_id, 0), segment, start_date);
CREATE UNIQUE INDEX memberships_kpj ON memberships(kpj) WHERE kpj IS NOT NULL;
CREATE INDEX memberships_employer ON memberships(employer_id) WHERE employer_id IS NOT NULL;
