-- 006_accounts.sql: who may use the server and what they did.  Users with a
-- role, sign-in sessions and API tokens (both kept only as SHA-256 hashes of
-- the secret the client holds), failed sign-ins (to slow down guessing) and
-- the audit log of every write.  Rules in docs/rules.md "Accounts, roles and
-- sessions".
--
-- CHECKs list allowed values with OR, not IN (...) (see 001_init.sql).
-- Times are Unix seconds (UTC) where the server compares them, ISO text
-- where people read them.

-- A user.  partner_id names the partner a partner user acts for (it sees
-- that partner and the partners below it).  password_hash is libsodium's
-- argon2id string.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role = 'admin' OR role = 'officer' OR role = 'partner'
                                     OR role = 'viewer'),
  partner_id    INTEGER REFERENCES partners(id)
                CHECK ((role = 'partner') = (partner_id IS NOT NULL)),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled = 0 OR disabled = 1),
  created_at    TEXT NOT NULL
);

-- A signed-in browser.  token_hash is the hex SHA-256 of the cookie's value;
-- csrf the token every write must echo in X-CSRF-Token.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

-- A bearer token for API clients (`jaring token add USER`).
CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- One row per failed sign-in, per account ('user:NAME') and per address
-- ('addr:IP'); old rows are pruned when new ones are written.
CREATE TABLE signin_failures (
  key TEXT NOT NULL,
  at  INTEGER NOT NULL
);
CREATE INDEX signin_failures_key ON signin_failures(key, at);

-- Every write: who, when, what (action and object), the object before and
-- after as JSON (NULL when it did not exist or is gone).
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  action      TEXT NOT NULL,
  object      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
);

-- The web pages list one payer's bills (a person's, an employer's, a
-- partner's); bills_key leads with the period and bills_open holds only
-- unpaid ones.
CREATE INDEX bills_payer ON bills(payer_kind, payer_ref, period);
