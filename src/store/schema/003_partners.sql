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

-- Where a person lives, as a partner's list gives it (the workers file has
-- only the region code).
ALTER TABLE persons ADD COLUMN address TEXT;

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
-- A membership is counted where it works (the membership's own region, else
-- its employer's, else the person's home; cut to the district), in its
-- segment, and by its employer's KBLI section, the partner behind it (the
-- paying partner of a cohort, else its employer's partner) and its
-- employer's kind.  It is active from start_date to the earlier of end_date
-- and the day before inactive_since.
--
-- For each dimension (dim 1 district, 2 KBLI section, 3 partner, 4 employer
-- kind), always with the segment, cov_dim_day holds how many memberships
-- start and how many stop being active on each day (YYYYMMDD); triggers keep
-- it exact as memberships, employers and persons change.  cov_dim_month
-- holds how many were active on each month's first day (rows of 0 left out);
-- it is derived from cov_dim_day, from cov_state.dirty_month (the earliest
-- month a change touched) on, before coverage is read.  Active on day D =
-- cov_dim_month at D's month + cov_dim_day from the month's first day to D:
-- a few thousand rows whatever the number of memberships.

CREATE TABLE cov_dim_day (
  dim     INTEGER NOT NULL,
  day     INTEGER NOT NULL,
  key     TEXT NOT NULL,
  segment TEXT NOT NULL,
  starts  INTEGER NOT NULL,
  stops   INTEGER NOT NULL,
  PRIMARY KEY (dim, day, key, segment)
) WITHOUT ROWID;

CREATE TABLE cov_dim_month (
  dim     INTEGER NOT NULL,
  month   INTEGER NOT NULL,  -- YYYYMM
  key     TEXT NOT NULL,
  segment TEXT NOT NULL,
  active  INTEGER NOT NULL,  -- active on the month's first day
  PRIMARY KEY (dim, month, key, segment)
) WITHOUT ROWID;

-- One row.  dirty_month: cov_dim_month is exact before it (NULL:
-- everywhere).  stale: cov_dim_day is not kept (a database migrated with
-- memberships in it); the next read rebuilds it from the memberships.
CREATE TABLE cov_state (
  only        INTEGER PRIMARY KEY CHECK (only = 1),
  dirty_month INTEGER,
  stale       INTEGER NOT NULL DEFAULT 0,
  horizon     INTEGER          -- last month cov_dim_month holds
);
INSERT INTO cov_state(only, dirty_month, stale) VALUES (1, NULL, 1);

CREATE TABLE cov_dims (dim INTEGER PRIMARY KEY);
INSERT INTO cov_dims VALUES (1), (2), (3), (4);

-- Each membership's keys and the days it starts and stops being active.
CREATE VIEW cov_membership_keys AS
SELECT m.id AS membership_id,
       m.segment AS segment,
       substr(coalesce(m.region_code, e.region_code, p.region_code, ''), 1, 8) AS area,
       coalesce((SELECT k.section FROM kbli k WHERE k.code = substr(e.kbli, 1, 2)), '') AS sector,
       CAST(coalesce(CASE WHEN m.payer_kind = 'partner' THEN m.payer_ref END, e.partner_id, 0)
            AS TEXT) AS partner,
       coalesce(e.kind, 'none') AS ekind,
       CAST(replace(m.start_date, '-', '') AS INTEGER) AS start_day,
       -- Never before the start: a membership non-active from its first day
       -- starts and stops that day, and counts nowhere.
       CASE
         WHEN m.end_date IS NULL AND m.inactive_since IS NULL THEN NULL
         WHEN m.inactive_since IS NULL OR date(m.end_date, '+1 day') < m.inactive_since
           THEN CAST(replace(date(m.end_date, '+1 day'), '-', '') AS INTEGER)
         ELSE CAST(replace(max(m.inactive_since, m.start_date), '-', '') AS INTEGER)
       END AS stop_day
FROM memberships m
LEFT JOIN employers e ON e.id = m.employer_id
LEFT JOIN persons p ON p.nik = m.person_nik;

-- Adds (sign 1) or removes (sign -1) a membership's events in every
-- dimension; stop_only leaves its start alone (only the end changed).
-- SQLite triggers take no arguments: the other triggers insert a row here
-- and this one does the work.
CREATE TABLE cov_apply (
  membership_id INTEGER NOT NULL,
  sign          INTEGER NOT NULL,
  stop_only     INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER cov_apply_ins AFTER INSERT ON cov_apply
BEGIN
  INSERT INTO cov_dim_day(dim, day, key, segment, starts, stops)
    SELECT d.dim, k.start_day,
           CASE d.dim WHEN 1 THEN k.area WHEN 2 THEN k.sector WHEN 3 THEN k.partner
                      ELSE k.ekind END,
           k.segment, NEW.sign, 0
    FROM cov_membership_keys k, cov_dims d
    WHERE k.membership_id = NEW.membership_id AND NEW.stop_only = 0
  ON CONFLICT(dim, day, key, segment) DO UPDATE SET starts = starts + excluded.starts;
  INSERT INTO cov_dim_day(dim, day, key, segment, starts, stops)
    SELECT d.dim, k.stop_day,
           CASE d.dim WHEN 1 THEN k.area WHEN 2 THEN k.sector WHEN 3 THEN k.partner
                      ELSE k.ekind END,
           k.segment, 0, NEW.sign
    FROM cov_membership_keys k, cov_dims d
    WHERE k.membership_id = NEW.membership_id AND k.stop_day IS NOT NULL
  ON CONFLICT(dim, day, key, segment) DO UPDATE SET stops = stops + excluded.stops;
  -- The earliest month this change touched.
  UPDATE cov_state SET dirty_month = (
      SELECT min(CASE WHEN NEW.stop_only THEN 999999 ELSE k.start_day / 100 END,
                 coalesce(k.stop_day / 100, 999999))
      FROM cov_membership_keys k WHERE k.membership_id = NEW.membership_id)
    WHERE coalesce(dirty_month, 999999) > (
      SELECT min(CASE WHEN NEW.stop_only THEN 999999 ELSE k.start_day / 100 END,
                 coalesce(k.stop_day / 100, 999999))
      FROM cov_membership_keys k WHERE k.membership_id = NEW.membership_id);
  DELETE FROM cov_apply;
END;

-- While the aggregates are stale nothing is tracked: the next read rebuilds.
CREATE TRIGGER cov_memberships_ins AFTER INSERT ON memberships
WHEN (SELECT stale FROM cov_state) = 0
BEGIN
  INSERT INTO cov_apply(membership_id, sign) VALUES (NEW.id, 1);
END;
CREATE TRIGGER cov_memberships_del BEFORE DELETE ON memberships
WHEN (SELECT stale FROM cov_state) = 0
BEGIN
  INSERT INTO cov_apply(membership_id, sign) VALUES (OLD.id, -1);
END;
-- A change of what places the membership moves both its events...
CREATE TRIGGER cov_memberships_move_before BEFORE UPDATE OF start_date, segment, employer_id,
  region_code, payer_kind, payer_ref ON memberships
WHEN (SELECT stale FROM cov_state) = 0 AND (OLD.start_date IS NOT NEW.start_date
  OR OLD.segment IS NOT NEW.segment OR OLD.employer_id IS NOT NEW.employer_id
  OR OLD.region_code IS NOT NEW.region_code OR OLD.payer_kind IS NOT NEW.payer_kind
  OR OLD.payer_ref IS NOT NEW.payer_ref)
BEGIN
  INSERT INTO cov_apply(membership_id, sign) VALUES (OLD.id, -1);
END;
CREATE TRIGGER cov_memberships_move_after AFTER UPDATE OF start_date, segment, employer_id,
  region_code, payer_kind, payer_ref ON memberships
WHEN (SELECT stale FROM cov_state) = 0 AND (OLD.start_date IS NOT NEW.start_date
  OR OLD.segment IS NOT NEW.segment OR OLD.employer_id IS NOT NEW.employer_id
  OR OLD.region_code IS NOT NEW.region_code OR OLD.payer_kind IS NOT NEW.payer_kind
  OR OLD.payer_ref IS NOT NEW.payer_ref)
BEGIN
  INSERT INTO cov_apply(membership_id, sign) VALUES (NEW.id, 1);
END;
-- ...an end (or non-active since) alone moves only the stop: the start's
-- month stays exact, so a lapse does not re-derive years of months.
CREATE TRIGGER cov_memberships_end_before BEFORE UPDATE OF end_date, inactive_since
  ON memberships
WHEN (SELECT stale FROM cov_state) = 0
  AND (OLD.end_date IS NOT NEW.end_date OR OLD.inactive_since IS NOT NEW.inactive_since)
  AND OLD.start_date IS NEW.start_date AND OLD.segment IS NEW.segment
  AND OLD.employer_id IS NEW.employer_id AND OLD.region_code IS NEW.region_code
  AND OLD.payer_kind IS NEW.payer_kind AND OLD.payer_ref IS NEW.payer_ref
BEGIN
  INSERT INTO cov_apply(membership_id, sign, stop_only) VALUES (OLD.id, -1, 1);
END;
CREATE TRIGGER cov_memberships_end_after AFTER UPDATE OF end_date, inactive_since
  ON memberships
WHEN (SELECT stale FROM cov_state) = 0
  AND (OLD.end_date IS NOT NEW.end_date OR OLD.inactive_since IS NOT NEW.inactive_since)
  AND OLD.start_date IS NEW.start_date AND OLD.segment IS NEW.segment
  AND OLD.employer_id IS NEW.employer_id AND OLD.region_code IS NEW.region_code
  AND OLD.payer_kind IS NEW.payer_kind AND OLD.payer_ref IS NEW.payer_ref
BEGIN
  INSERT INTO cov_apply(membership_id, sign, stop_only) VALUES (NEW.id, 1, 1);
END;

-- An employer or person change moves their memberships between keys.
CREATE TRIGGER cov_employers_before BEFORE UPDATE OF region_code, kbli, partner_id, kind
  ON employers
WHEN (SELECT stale FROM cov_state) = 0 AND (OLD.region_code IS NOT NEW.region_code
  OR OLD.kbli IS NOT NEW.kbli OR OLD.partner_id IS NOT NEW.partner_id
  OR OLD.kind IS NOT NEW.kind)
BEGIN
  INSERT INTO cov_apply(membership_id, sign)
    SELECT id, -1 FROM memberships WHERE employer_id = OLD.id;
END;
CREATE TRIGGER cov_employers_after AFTER UPDATE OF region_code, kbli, partner_id, kind
  ON employers
WHEN (SELECT stale FROM cov_state) = 0 AND (OLD.region_code IS NOT NEW.region_code
  OR OLD.kbli IS NOT NEW.kbli OR OLD.partner_id IS NOT NEW.partner_id
  OR OLD.kind IS NOT NEW.kind)
BEGIN
  INSERT INTO cov_apply(membership_id, sign)
    SELECT id, 1 FROM memberships WHERE employer_id = NEW.id;
END;
CREATE TRIGGER cov_persons_before BEFORE UPDATE OF region_code ON persons
WHEN (SELECT stale FROM cov_state) = 0 AND OLD.region_code IS NOT NEW.region_code
BEGIN
  INSERT INTO cov_apply(membership_id, sign)
    SELECT id, -1 FROM memberships WHERE person_nik = OLD.nik;
END;
CREATE TRIGGER cov_persons_after AFTER UPDATE OF region_code ON persons
WHEN (SELECT stale FROM cov_state) = 0 AND OLD.region_code IS NOT NEW.region_code
BEGIN
  INSERT INTO cov_apply(membership_id, sign)
    SELECT id, 1 FROM memberships WHERE person_nik = NEW.nik;
END;
