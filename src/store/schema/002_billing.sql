-- 002_billing.sql: monthly bills, their lines, payments and what each payment
-- paid.  Rules in docs/rules.md "Bills, payments, arrears".
--
-- CHECKs list allowed values with OR, not IN (...) (see 001_init.sql).
-- Periods (contribution months) are integers YYYYMM: 202411 is November 2024.

-- Who pays a membership's contributions when it is not the default (the
-- employer for PU and JAKON, the participant for BPU): a partner paying for
-- a cohort (partners come in a later migration; payer_ref is its id).
ALTER TABLE memberships ADD COLUMN payer_kind TEXT
  CHECK (payer_kind IS NULL OR payer_kind = 'employer' OR payer_kind = 'participant'
         OR payer_kind = 'partner');
ALTER TABLE memberships ADD COLUMN payer_ref INTEGER;
-- BPU: the day the membership became non-active after 3 unpaid months; NULL
-- while active.  Cleared when the arrears are paid.
ALTER TABLE memberships ADD COLUMN inactive_since TEXT;

-- One bill per payer and period.  payer_ref is employers.id (employer),
-- persons.nik (participant) or the partner's id.  lines and total_sen are the
-- count and sum of its bill_lines; paid_sen what payments allocated to it;
-- fine_sen the late-payment fines assessed when late money arrived.
CREATE TABLE bills (
  id            INTEGER PRIMARY KEY,
  period        INTEGER NOT NULL CHECK (period BETWEEN 201501 AND 999912),
  payer_kind    TEXT NOT NULL CHECK (payer_kind = 'employer' OR payer_kind = 'participant'
                                     OR payer_kind = 'partner'),
  payer_ref     INTEGER NOT NULL,
  due_date      TEXT NOT NULL,
  fine_ppm      INTEGER NOT NULL CHECK (fine_ppm >= 0),
  lines         INTEGER NOT NULL CHECK (lines >= 0),
  total_sen     INTEGER NOT NULL CHECK (total_sen >= 0),
  paid_sen      INTEGER NOT NULL DEFAULT 0 CHECK (paid_sen >= 0 AND paid_sen <= total_sen),
  fine_sen      INTEGER NOT NULL DEFAULT 0 CHECK (fine_sen >= 0),
  fine_paid_sen INTEGER NOT NULL DEFAULT 0 CHECK (fine_paid_sen >= 0 AND fine_paid_sen <= fine_sen)
);
CREATE UNIQUE INDEX bills_key ON bills(period, payer_kind, payer_ref);
-- Bills with something left to pay, by payer and age: payments and arrears.
CREATE INDEX bills_open ON bills(payer_kind, payer_ref, period)
  WHERE paid_sen < total_sen OR fine_paid_sen < fine_sen;

-- A bill line: one membership in one period, with the amount of each program
-- (whole rupiah, in sen).  worker_sen is the part of total_sen the worker
-- bears (JHT 2 %, JP 1 % for PU), deducted from wages by the employer.
-- Written only by the bill run, which checks its references; declaring them
-- would double the cost of writing a million lines.
CREATE TABLE bill_lines (
  period        INTEGER NOT NULL,
  membership_id INTEGER NOT NULL,
  bill_id       INTEGER NOT NULL,
  programs      INTEGER NOT NULL CHECK (programs BETWEEN 1 AND 31),
  base_sen      INTEGER NOT NULL,
  jkk_sen       INTEGER NOT NULL,
  jkm_sen       INTEGER NOT NULL,
  jht_sen       INTEGER NOT NULL,
  jp_sen        INTEGER NOT NULL,
  jkp_sen       INTEGER NOT NULL,
  worker_sen    INTEGER NOT NULL,
  total_sen     INTEGER NOT NULL,
  PRIMARY KEY (period, membership_id)
) WITHOUT ROWID;

-- A payment as received (a bank transfer, a counter receipt).  reference is
-- unique: a payment is applied once.  period is what the payer wrote; money
-- is applied to the payer's oldest unpaid bill first.  unallocated_sen is
-- what is left as credit for later bills.
CREATE TABLE payments (
  id              INTEGER PRIMARY KEY,
  reference       TEXT NOT NULL UNIQUE,
  payer_kind      TEXT NOT NULL CHECK (payer_kind = 'employer' OR payer_kind = 'participant'
                                       OR payer_kind = 'partner'),
  payer_ref       INTEGER NOT NULL,
  period          INTEGER NOT NULL CHECK (period BETWEEN 201501 AND 999912),
  amount_sen      INTEGER NOT NULL CHECK (amount_sen > 0),
  paid_on         TEXT NOT NULL,
  unallocated_sen INTEGER NOT NULL CHECK (unallocated_sen >= 0 AND unallocated_sen <= amount_sen),
  batch_id        INTEGER REFERENCES import_batches(id)
);
CREATE INDEX payments_credit ON payments(payer_kind, payer_ref, paid_on)
  WHERE unallocated_sen > 0;

-- What a payment paid on a bill: contribution, and the fine assessed for the
-- months of delay of that contribution (fine_sen) and how much of the bill's
-- fines it paid (fine_paid_sen).
CREATE TABLE payment_allocations (
  id               INTEGER PRIMARY KEY,
  payment_id       INTEGER NOT NULL REFERENCES payments(id),
  bill_id          INTEGER NOT NULL REFERENCES bills(id),
  contribution_sen INTEGER NOT NULL CHECK (contribution_sen >= 0),
  months_late      INTEGER NOT NULL CHECK (months_late >= 0),
  fine_sen         INTEGER NOT NULL CHECK (fine_sen >= 0),
  fine_paid_sen    INTEGER NOT NULL CHECK (fine_paid_sen >= 0)
);
CREATE INDEX payment_allocations_bill ON payment_allocations(bill_id);
CREATE INDEX payment_allocations_payment ON payment_allocations(payment_id);
