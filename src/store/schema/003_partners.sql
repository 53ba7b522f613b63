-- 003_partners.sql: partners and their agreements (MoU / PKS), partner-funded
-- cohorts, the workforce and targets that coverage is measured against, and
-- the coverage aggregates kept up to date as memberships change.  Rules in
-- docs/rules.md "Partnerships and coverage".
--
-- CHECKs list allowed values with OR, not IN (...) (see 001_init.sql).

-- A partner: a city or regency, one of its offices, a religious organisation
-- and its regional boards, an association, a company (CSR), a village.
-- parent_id makes trees: a regional board's units, a city's offices, a trade
-- office's markets.  (name, region) is the natural key of an import.
CREATE TABLE partners (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind = 'government' OR kind = 'office'
                OR kind = 'licensing_office' OR kind = 'trade_office'
                OR kind = 'welfare_section' OR kind = 'religious_org'
                OR kind = 'association' OR kind = 'company' OR kind = 'village'),
  region_code TEXT REFERENCES regions(code),
  parent_id   INTEGER REFERENCES partners(id),
  contact     TEXT,
  phone       TEXT,
  batch_id    INTEGER REFERENCES import_batches(id)
);
CREATE UNIQUE INDEX partners_key ON partners(name, coalesce(region_code, ''));
CREATE INDEX partners_parent ON partners(parent_id) WHERE parent_id IS NOT NULL;

-- Employers that are a partner's units (a school of a religious board, an
-- office of the city, a market of the trade office), with the number of
-- employees the unit reported to its partner.
ALTER TABLE employers ADD COLUMN partner_id INTEGER REFERENCES partners(id);
ALTER TABLE employers ADD COLUMN reported_workers INTEGER
  CHECK (reported_workers IS NULL OR reported_workers >= 0);
CREATE INDEX employers_partner ON employers(partner_id) WHERE partner_id IS NOT NULL;

-- An agreement (MoU, PKS).  pays: who pays the contributions of the people
-- it brings in (the partner, the members themselves, nobody: data exchange).
-- role: what the partner does (pays, encourages its units to register,
-- exchanges data).  funding: the source code of a partner-paid group
-- (SG government, SA village APBD, SD village APBDes, SL village other,
-- SC corporate, SB banking).  segments and sectors: comma lists, '' = all.
CREATE TABLE agreements (
  id          INTEGER PRIMARY KEY,
  number      TEXT UNIQUE,
  title       TEXT NOT NULL,
  partner_id  INTEGER NOT NULL REFERENCES partners(id),
  signed_on   TEXT NOT NULL,
  valid_from  TEXT NOT NULL,
  valid_to    TEXT NOT NULL CHECK (valid_to >= valid_from),
  target      INTEGER CHECK (target IS NULL OR target >= 0),
  pays        TEXT NOT NULL DEFAULT 'none' CHECK (pays = 'partner' OR pays = 'members'
                                                  OR pays = 'none'),
  role        TEXT NOT NULL DEFAULT 'encourages' CHECK (role = 'pays' OR role = 'encourages'
                                                        OR role = 'data'),
  funding     TEXT CHECK (funding IS NULL OR funding = 'SG' OR funding = 'SA' OR funding = 'SD'
                          OR funding = 'SL' OR funding = 'SC' OR funding = 'SB'),
  segments    TEXT NOT NULL DEFAULT '',
  sectors     TEXT NOT NULL DEFAULT '',
  batch_id    INTEGER REFERENCES import_batches(id)
);
CREATE INDEX agreements_partner ON agreements(partner_id);
-- Further signatories of an agreement (a city and its licensing office).
CREATE TABLE agreement_partners (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  partner_id   INTEGER NOT NULL REFERENCES partners(id),
  PRIMARY KEY (agreement_id, partner_id)
) WITHOUT ROWID;

-- One enrolment of a partner's list under an agreement.
CREATE TABLE cohorts (
  id           INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreements(id),
  enrolled_on  TEXT NOT NULL,
  start_date   TEXT NOT NULL,
  end_date     TEXT NOT NULL CHECK (end_date >= start_date),
  file_name    TEXT NOT NULL,
  batch_id     INTEGER REFERENCES import_batches(id)
);
CREATE INDEX cohorts_agreement ON cohorts(agreement_id);
ALTER TABLE memberships ADD COLUMN cohort_id INTEGER REFERENCES cohorts(id);
CREATE INDEX memberships_cohort ON memberships(cohort_id) WHERE cohort_id IS NOT NULL;
-- Cohort renewals and "who is active" per person.
CREATE INDEX memberships_person_end ON memberships(person_nik, end_date);

-- Workers in a region (a regency or a district), a year, a sector (KBLI
-- section letter or 'ALL') and a segment (or 'ALL'): coverage's denominator.
CREATE TABLE workforce (
  region_code TEXT NOT NULL REFERENCES regions(code),
  year        INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  sector      TEXT NOT NULL,
  segment     TEXT NOT NULL CHECK (segment = 'ALL' OR segment = 'PU' OR segment = 'BPU'
                                   OR segment = 'JAKON' OR segment = 'PMI'),
  workers     INTEGER NOT NULL CHECK (workers >= 0),
  source      TEXT,
  batch_id    INTEGER REFERENCES import_batches(id),
  PRIMARY KEY (region_code, year, sector, segment)
) WITHOUT ROWID;

-- Active participants a region is to reach by the end of a year.
CREATE TABLE targets (
  region_code TEXT NOT NULL REFERENCES regions(code),
  year        INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  segment     TEXT NOT NULL CHECK (segment = 'ALL' OR segment = 'PU' OR segment = 'BPU'
                                   OR segment = 'JAKON' OR segment = 'PMI'),
  target      INTEGER NOT NULL CHECK (target >= 0),
  source      TEXT,
  batch_id    INTEGER REFERENCES import_batches(id),
  PRIMARY KEY (region_code, year, segment)
) WITHOUT ROWID;

-- ---- coverage aggregates -------------------------------------------------
--
-- Every membership belongs to one cell: where it works (the membership's
-- own region, else its employer's, else the person's home; cut to the
-- district), its segment, its employer's KBLI section, the partner behind it
-- (the paying partner of a cohort, else its employer's partner) and its
-- employer's kind.  A membership is active from start_date to the earlier of
-- end_date and the day before inactive_since.
--
-- cov_day holds, per cell and day (YYYYMMDD), how many memberships start
-- and how many stop being active that day; triggers keep it exact as
-- memberships change.  cov_month holds, per cell and month, how many were
-- active on the month's first day; it is derived from cov_day and brought up
-- to date from cov_state.dirty_month (the earliest month a change touched)
-- before coverage is read.  Active on day D = cov_month at D's month +
-- cov_day from the month's first day to D.

CREATE TABLE cov_cells (
  id         INTEGER PRIMARY KEY,
  area       TEXT NOT NULL,   -- district code '33.75.01', or a shorter code, or ''
  segment    TEXT NOT NULL,
  sector     TEXT NOT NULL,   -- KBLI section letter, or ''
  partner_id INTEGER NOT NULL, -- 0: none
  ekind      TEXT NOT NULL    -- employers.kind, or 'none'
);
CREATE UNIQUE INDEX cov_cells_key ON cov_cells(area, segment, sector, partner_id, ekind);

CREATE TABLE cov_day (
  cell   INTEGER NOT NULL,
  day    INTEGER NOT NULL,
  starts INTEGER NOT NULL,
  stops  INTEGER NOT NULL,
  PRIMARY KEY (cell, day)
) WITHOUT ROWID;
CREATE INDEX cov_day_day ON cov_day(day);

CREATE TABLE cov_month (
  month  INTEGER NOT NULL,  -- YYYYMM
  cell   INTEGER NOT NULL,
  active INTEGER NOT NULL,  -- active on the month's first day
  PRIMARY KEY (month, cell)
) WITHOUT ROWID;

-- One row.  dirty_month: cov_month is exact before it (NULL: everywhere).
-- stale: a change of an employer or person moved memberships between cells;
-- cov_day is rebuilt from memberships before the next read.
CREATE TABLE cov_state (
  only        INTEGER PRIMARY KEY CHECK (only = 1),
  dirty_month INTEGER,
  stale       INTEGER NOT NULL DEFAULT 0,
  horizon     INTEGER          -- last month cov_month holds
);
INSERT INTO cov_state(only, dirty_month, stale) VALUES (1, NULL, 1);

-- The cell of a membership, found (or made) by the triggers below.
CREATE VIEW cov_membership_cell_key AS
SELECT m.id AS membership_id,
       substr(coalesce(m.region_code, e.region_code, p.region_code, ''), 1, 8) AS area,
       m.segment AS segment,
       coalesce((SELECT k.section FROM kbli k WHERE k.code = substr(e.kbli, 1, 2)), '') AS sector,
       coalesce(CASE WHEN m.payer_kind = 'partner' THEN m.payer_ref END, e.partner_id, 0)
         AS partner_id,
       coalesce(e.kind, 'none') AS ekind,
       CAST(replace(m.start_date, '-', '') AS INTEGER) AS start_day,
       CASE
         WHEN m.end_date IS NULL AND m.inactive_since IS NULL THEN NULL
         WHEN m.inactive_since IS NULL OR date(m.end_date, '+1 day') < m.inactive_since
           THEN CAST(replace(date(m.end_date, '+1 day'), '-', '') AS INTEGER)
         ELSE CAST(replace(max(m.inactive_since, m.start_date), '-', '') AS INTEGER)
       END AS stop_day
FROM memberships m
LEFT JOIN employers e ON e.id = m.employer_id
LEFT JOIN persons p ON p.nik = m.person_nik;

CREATE TRIGGER cov_day_dirty_ins AFTER INSERT ON cov_day
WHEN (SELECT coalesce(dirty_month, 999999) FROM cov_state) > NEW.day / 100
BEGIN
  UPDATE cov_state SET dirty_month = NEW.day / 100;
END;
CREATE TRIGGER cov_day_dirty_upd AFTER UPDATE ON cov_day
WHEN (SELECT coalesce(dirty_month, 999999) FROM cov_state) > NEW.day / 100
BEGIN
  UPDATE cov_state SET dirty_month = NEW.day / 100;
END;

-- Adds (sign 1) or removes (sign -1) a membership's events.  SQLite triggers
-- cannot call one another with arguments, so each trigger repeats the two
-- statements with its own row; cov_apply below is the one place they read.
CREATE TABLE cov_apply (
  membership_id INTEGER NOT NULL,
  sign          INTEGER NOT NULL
);
CREATE TRIGGER cov_apply_ins AFTER INSERT ON cov_apply
WHEN (SELECT stale FROM cov_state) = 0
BEGIN
  INSERT OR IGNORE INTO cov_cells(area, segment, sector, partner_id, ekind)
    SELECT area, segment, sector, partner_id, ekind FROM cov_membership_cell_key
    WHERE membership_id = NEW.membership_id AND NEW.sign > 0;
  INSERT INTO cov_day(cell, day, starts, stops)
    SELECT c.id, k.start_day, NEW.sign, 0
    FROM cov_membership_cell_key k
    JOIN cov_cells c ON c.area = k.area AND c.segment = k.segment AND c.sector = k.sector
      AND c.partner_id = k.partner_id AND c.ekind = k.ekind
    WHERE k.membership_id = NEW.membership_id
      AND (k.stop_day IS NULL OR k.stop_day > k.start_day)
  ON CONFLICT(cell, day) DO UPDATE SET starts = starts + excluded.starts;
  INSERT INTO cov_day(cell, day, starts, stops)
    SELECT c.id, k.stop_day, 0, NEW.sign
    FROM cov_membership_cell_key k
    JOIN cov_cells c ON c.area = k.area AND c.segment = k.segment AND c.sector = k.sector
      AND c.partner_id = k.partner_id AND c.ekind = k.ekind
    WHERE k.membership_id = NEW.membership_id
      AND k.stop_day IS NOT NULL AND k.stop_day > k.start_day
  ON CONFLICT(cell, day) DO UPDATE SET stops = stops + excluded.stops;
  DELETE FROM cov_apply;
END;

CREATE TRIGGER cov_memberships_ins AFTER INSERT ON memberships
BEGIN
  INSERT INTO cov_apply VALUES (NEW.id, 1);
END;
CREATE TRIGGER cov_memberships_upd_before BEFORE UPDATE OF start_date, end_date,
  inactive_since, segment, employer_id, region_code, payer_kind, payer_ref ON memberships
BEGIN
  INSERT INTO cov_apply VALUES (OLD.id, -1);
END;
CREATE TRIGGER cov_memberships_upd_after AFTER UPDATE OF start_date, end_date,
  inactive_since, segment, employer_id, region_code, payer_kind, payer_ref ON memberships
BEGIN
  INSERT INTO cov_apply VALUES (NEW.id, 1);
END;
CREATE TRIGGER cov_memberships_del BEFORE DELETE ON memberships
BEGIN
  INSERT INTO cov_apply VALUES (OLD.id, -1);
END;

-- Changes that move many memberships between cells: rebuild before reading.
CREATE TRIGGER cov_employers_upd AFTER UPDATE OF region_code, kbli, partner_id, kind
  ON employers
WHEN OLD.region_code IS NOT NEW.region_code OR OLD.kbli IS NOT NEW.kbli
  OR OLD.partner_id IS NOT NEW.partner_id OR OLD.kind IS NOT NEW.kind
BEGIN
  UPDATE cov_state SET stale = 1 WHERE stale = 0;
END;
CREATE TRIGGER cov_persons_upd AFTER UPDATE OF region_code ON persons
WHEN OLD.region_code IS NOT NEW.region_code
BEGIN
  UPDATE cov_state SET stale = 1 WHERE stale = 0;
END;
