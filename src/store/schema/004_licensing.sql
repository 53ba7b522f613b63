-- 004_licensing.sql: business licences from the licensing office (OSS /
-- DPMPTSP), their links to the employer registry, and the leads that the
-- unlinked ones become.  Rules in docs/rules.md "Record linkage" and "Leads".
--
-- CHECKs list allowed values with OR, not IN (...) (see 001_init.sql).

-- A licence as the licensing office sent it.  One row per NIB and licence
-- date: importing the same list again changes nothing, a business that takes
-- a new licence later gets a second row.  employees and avg_wage_sen are what
-- the business declared to the office (NULL when not given).
CREATE TABLE licences (
  id           INTEGER PRIMARY KEY,
  nib          TEXT NOT NULL,
  name         TEXT NOT NULL,
  legal_form   TEXT,
  address      TEXT,
  region_code  TEXT REFERENCES regions(code),
  kbli         TEXT,
  employees    INTEGER CHECK (employees IS NULL OR employees >= 0),
  avg_wage_sen INTEGER CHECK (avg_wage_sen IS NULL OR avg_wage_sen >= 0),
  licensed_on  TEXT NOT NULL, -- YYYY-MM-DD
  npwp         TEXT,
  batch_id     INTEGER REFERENCES import_batches(id),
  UNIQUE (nib, licensed_on)
);
CREATE INDEX licences_npwp ON licences(npwp) WHERE npwp IS NOT NULL;

-- The linker's decision for a licence: the registered employer it is
-- (match), may be (review, for an officer) or none.  `jaring link` rewrites
-- decisions with confirmed = 0 and never touches an officer's: confirmed 1
-- (the officer confirmed employer_id) or -1 (the officer rejected the
-- candidate; the licence is then no one's).
CREATE TABLE licence_links (
  licence_id  INTEGER PRIMARY KEY REFERENCES licences(id),
  decision    TEXT NOT NULL CHECK (decision = 'match' OR decision = 'review' OR decision = 'none'),
  employer_id INTEGER REFERENCES employers(id),
  score       REAL,
  why         TEXT,
  confirmed   INTEGER NOT NULL DEFAULT 0 CHECK (confirmed = -1 OR confirmed = 0 OR confirmed = 1),
  decided_by  TEXT,
  decided_at  TEXT
);
CREATE INDEX licence_links_employer ON licence_links(employer_id) WHERE employer_id IS NOT NULL;

-- A lead (prospek): a business that should be registered and is not (PWBD
-- candidate).  source 'licensing' has source_ref = the licence's NIB (one
-- lead per business, from its latest licence); other sources name their own
-- key.  workers and monthly_sen are the potential: workers to register and
-- the estimated monthly contribution for them (docs/rules.md "Leads").
-- status follows the pipeline new -> contacted -> visited -> registered or
-- refused; status_on is the day of the last step.
CREATE TABLE leads (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL CHECK (source = 'licensing' OR source = 'sirup' OR source = 'other'),
  source_ref  TEXT NOT NULL,
  name        TEXT NOT NULL,
  region_code TEXT REFERENCES regions(code),
  kbli        TEXT,
  risk_group  INTEGER CHECK (risk_group IS NULL OR risk_group BETWEEN 1 AND 5),
  workers     INTEGER NOT NULL DEFAULT 0 CHECK (workers >= 0),
  monthly_sen INTEGER NOT NULL DEFAULT 0 CHECK (monthly_sen >= 0),
  status      TEXT NOT NULL DEFAULT 'new' CHECK (status = 'new' OR status = 'contacted'
                OR status = 'visited' OR status = 'registered' OR status = 'refused'),
  officer     TEXT,
  created_on  TEXT NOT NULL,
  status_on   TEXT NOT NULL,
  note        TEXT,
  UNIQUE (source, source_ref)
);
CREATE INDEX leads_status ON leads(status, monthly_sen);

-- Every step of a lead's follow-up, with its day, officer and note.
CREATE TABLE lead_events (
  id          INTEGER PRIMARY KEY,
  lead_id     INTEGER NOT NULL REFERENCES leads(id),
  status      TEXT NOT NULL CHECK (status = 'new' OR status = 'contacted' OR status = 'visited'
                OR status = 'registered' OR status = 'refused'),
  on_date     TEXT NOT NULL,
  officer     TEXT,
  note        TEXT
);
CREATE INDEX lead_events_lead ON lead_events(lead_id);
