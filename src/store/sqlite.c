/*
 * sqlite.c - the embedded SQLite backend of the store.
 *
 * One connection, WAL, foreign keys on, schema versioned with
 * PRAGMA user_version and migrated forward from src/store/schema/ (embedded at
 * build time).  Statements are prepared once and reused; every value is bound,
 * never spliced into SQL text.
 */
#include "compat.h"

#include <sqlite3.h>
#include <pthread.h>
#include <sys/stat.h>

#include "embedded.h"
#include "store/coverage.h"
#include "store/partners.h"
#include "store/accounts.h"
#include "store/browse.h"
#include "store/sqlite_int.h"

/* Forward-only migrations: index i brings the schema to version i + 1. */
static const unsigned char *const migrations[] = {
	schema_001,
	schema_002,
	schema_003,
	schema_006,
};



#define BILL_COLUMNS                                                                   \
	"b.id, b.period, b.payer_kind, b.payer_ref, "                                  \
	"CASE b.payer_kind WHEN 'employer' THEN e.npp ELSE CAST(b.payer_ref AS TEXT) END, " \
	"b.due_date, b.fine_ppm, b.lines, b.total_sen, b.paid_sen, b.fine_sen, b.fine_paid_sen "
#define BILL_FROM                                                                      \
	"FROM bills b LEFT JOIN employers e ON b.payer_kind = 'employer' AND e.id = b.payer_ref "
#define BILL_OPEN "(b.paid_sen < b.total_sen OR b.fine_paid_sen < b.fine_sen)"
#define PAYMENT_COLUMNS                                                                \
	"id, reference, payer_kind, payer_ref, period, amount_sen, paid_on, unallocated_sen, " \
	"coalesce(batch_id, 0) "

static const char *const stmt_sql[ST_COUNT] = {
	[ST_REGION_COUNT] = "SELECT count(*) FROM regions",
	[ST_REGION_PUT] = "INSERT INTO regions(code, level, parent, name) VALUES (?1, ?2, ?3, ?4) "
			  "ON CONFLICT(code) DO UPDATE SET name = excluded.name "
			  "WHERE name IS NOT excluded.name",
	[ST_UMK_PUT] = "INSERT INTO umk(regency_code, year, amount_sen, decree, confidence, source) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(regency_code, year) DO UPDATE SET "
		       "amount_sen = excluded.amount_sen, decree = excluded.decree, "
		       "confidence = excluded.confidence, source = excluded.source",
	[ST_KBLI_PUT] = "INSERT INTO kbli(code, section, level, title) VALUES (?1, ?2, ?3, ?4) "
			"ON CONFLICT(code) DO UPDATE SET title = excluded.title",
	[ST_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[ST_META_SET] = "INSERT INTO meta(key, value) VALUES (?1, ?2) "
			"ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	[ST_BATCH_ADD] = "INSERT INTO import_batches(kind, file_name, started_at) "
			 "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
	[ST_BATCH_FINISH] = "UPDATE import_batches SET rows_total = ?2, rows_ok = ?3, "
			    "rows_rejected = ?4, inserted = ?5, updated = ?6 WHERE id = ?1",
	[ST_EMPLOYER_UPSERT] =
		"INSERT INTO employers(npp, name, nib, npwp, kbli, region_code, address, scale, "
		"risk_group, kind, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
		"ON CONFLICT(npp) DO UPDATE SET name = excluded.name, "
		"nib = coalesce(excluded.nib, nib), npwp = coalesce(excluded.npwp, npwp), "
		"kbli = coalesce(excluded.kbli, kbli), "
		"region_code = coalesce(excluded.region_code, region_code), "
		"address = coalesce(excluded.address, address), "
		"scale = coalesce(excluded.scale, scale), "
		"risk_group = coalesce(excluded.risk_group, risk_group), kind = excluded.kind, "
		"batch_id = excluded.batch_id "
		"WHERE name IS NOT excluded.name OR nib IS NOT coalesce(excluded.nib, nib) "
		"OR npwp IS NOT coalesce(excluded.npwp, npwp) "
		"OR kbli IS NOT coalesce(excluded.kbli, kbli) "
		"OR region_code IS NOT coalesce(excluded.region_code, region_code) "
		"OR address IS NOT coalesce(excluded.address, address) "
		"OR scale IS NOT coalesce(excluded.scale, scale) "
		"OR risk_group IS NOT coalesce(excluded.risk_group, risk_group) "
		"OR kind IS NOT excluded.kind",
	[ST_EMPLOYER_ID] = "SELECT id FROM employers WHERE npp = ?1",
	[ST_EMPLOYERS_EACH] = "SELECT id, npp, name, nib, npwp, kbli, region_code, address, scale, "
			      "risk_group, kind FROM employers ORDER BY npp",
	[ST_PERSON_UPSERT] =
		"INSERT INTO persons(nik, name, birth_date, sex, region_code, phone) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(nik) DO UPDATE SET "
		"name = excluded.name, birth_date = coalesce(excluded.birth_date, birth_date), "
		"sex = coalesce(excluded.sex, sex), "
		"region_code = coalesce(excluded.region_code, region_code), "
		"phone = coalesce(excluded.phone, phone) "
		"WHERE name IS NOT excluded.name "
		"OR birth_date IS NOT coalesce(excluded.birth_date, birth_date) "
		"OR sex IS NOT coalesce(excluded.sex, sex) "
		"OR region_code IS NOT coalesce(excluded.region_code, region_code) "
		"OR phone IS NOT coalesce(excluded.phone, phone)",
	[ST_MEMBERSHIP_UPSERT] =
		"INSERT INTO memberships(person_nik, kpj, employer_id, segment, wage_sen, programs, "
		"start_date, end_date, occupation, region_code, batch_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
		"ON CONFLICT(person_nik, coalesce(employer_id, 0), segment, start_date) DO UPDATE SET "
		"kpj = coalesce(excluded.kpj, kpj), wage_sen = excluded.wage_sen, "
		"programs = excluded.programs, end_date = coalesce(excluded.end_date, end_date), "
		"occupation = coalesce(excluded.occupation, occupation), "
		"region_code = coalesce(excluded.region_code, region_code), "
		"batch_id = excluded.batch_id "
		"WHERE kpj IS NOT coalesce(excluded.kpj, kpj) OR wage_sen IS NOT excluded.wage_sen "
		"OR programs IS NOT excluded.programs "
		"OR end_date IS NOT coalesce(excluded.end_date, end_date) "
		"OR occupation IS NOT coalesce(excluded.occupation, occupation) "
		"OR region_code IS NOT coalesce(excluded.region_code, region_code)",
	[ST_KPJ_OWNER] = "SELECT person_nik, coalesce(employer_id, 0), segment, start_date "
			 "FROM memberships WHERE kpj = ?1",
	[ST_WORKERS_EACH] =
		"SELECT p.nik, p.name, p.birth_date, p.sex, p.region_code, p.phone, m.id, m.kpj, "
		"e.npp, m.segment, m.wage_sen, m.programs, m.start_date, m.end_date, m.occupation, "
		"m.region_code FROM memberships m JOIN persons p ON p.nik = m.person_nik "
		"LEFT JOIN employers e ON e.id = m.employer_id ORDER BY m.person_nik, m.start_date, m.id",
	[ST_EMPLOYER_BRIEFS] = "SELECT id, coalesce(risk_group, 0), coalesce(kbli, '') FROM employers "
			       "ORDER BY id",
	[ST_BILLS_EACH] = "SELECT " BILL_COLUMNS BILL_FROM "WHERE b.period = ?1 "
			  "ORDER BY b.payer_kind, b.payer_ref",
	[ST_OPEN_BILLS_ALL] = "SELECT " BILL_COLUMNS BILL_FROM "WHERE " BILL_OPEN
			      " ORDER BY b.payer_kind, b.payer_ref, b.period",
	[ST_OPEN_BILLS_PAYER] = "SELECT " BILL_COLUMNS BILL_FROM
				"WHERE b.payer_kind = ?1 AND b.payer_ref = ?2 AND " BILL_OPEN
				" ORDER BY b.period",
	[ST_OPEN_BILLS_KIND] = "SELECT " BILL_COLUMNS BILL_FROM "WHERE b.payer_kind = ?1 AND " BILL_OPEN
			       " ORDER BY b.payer_ref, b.period",
	[ST_BILL_NEXT_ID] = "SELECT coalesce(max(id), 0) + 1 FROM bills",
	[ST_BILL_UPDATE] = "UPDATE bills SET lines = ?2, total_sen = ?3, paid_sen = ?4, "
			   "fine_sen = ?5, fine_paid_sen = ?6 WHERE id = ?1",
	[ST_BILL_DELETE] = "DELETE FROM bills WHERE id = ?1 AND paid_sen = 0 AND fine_paid_sen = 0",
	[ST_LINES_EACH] = "SELECT membership_id, bill_id, programs, base_sen, jkk_sen, jkm_sen, "
			  "jht_sen, jp_sen, jkp_sen, worker_sen, total_sen FROM bill_lines "
			  "WHERE period = ?1 ORDER BY membership_id",
	[ST_LINE_REPLACE] = "UPDATE bill_lines SET bill_id = ?3, programs = ?4, base_sen = ?5, "
			    "jkk_sen = ?6, jkm_sen = ?7, jht_sen = ?8, jp_sen = ?9, jkp_sen = ?10, "
			    "worker_sen = ?11, total_sen = ?12 WHERE period = ?1 AND membership_id = ?2",
	[ST_LINE_DELETE] = "DELETE FROM bill_lines WHERE period = ?1 AND membership_id = ?2",
	[ST_PAYMENT_FIND] = "SELECT " PAYMENT_COLUMNS "FROM payments WHERE reference = ?1",
	[ST_PAYMENT_INSERT] = "INSERT INTO payments(reference, payer_kind, payer_ref, period, "
			      "amount_sen, paid_on, unallocated_sen, batch_id) "
			      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_PAYMENT_UNALLOCATED] = "UPDATE payments SET unallocated_sen = ?2 WHERE id = ?1",
	[ST_CREDITS_ALL] = "SELECT " PAYMENT_COLUMNS "FROM payments WHERE unallocated_sen > 0 "
			   "ORDER BY payer_kind, payer_ref, paid_on, id",
	[ST_CREDITS_PAYER] = "SELECT " PAYMENT_COLUMNS "FROM payments WHERE payer_kind = ?1 "
			     "AND payer_ref = ?2 AND unallocated_sen > 0 ORDER BY paid_on, id",
	[ST_ALLOCATION_INSERT] = "INSERT INTO payment_allocations(payment_id, bill_id, "
				 "contribution_sen, months_late, fine_sen, fine_paid_sen) "
				 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_PERSON_EXISTS] = "SELECT 1 FROM persons WHERE nik = ?1",
	[ST_BPU_INACTIVE] = "UPDATE memberships SET inactive_since = ?2 WHERE person_nik = ?1 "
			    "AND segment = 'BPU' AND ((?2 IS NULL AND inactive_since IS NOT NULL) "
			    "OR (?2 IS NOT NULL AND inactive_since IS NULL))",
	/* Per row of a cohort enrolment (and the demo's cohorts): prepared once,
	 * as preparing a write on memberships compiles its coverage triggers. */
	[ST_MEMBERSHIP_ID] =
		"SELECT id FROM memberships WHERE person_nik = ?1 AND coalesce(employer_id, 0) = ?2 "
		"AND segment = ?3 AND start_date = ?4",
	[ST_MEMBERSHIP_COHORT] =
		"UPDATE memberships SET cohort_id = ?2, payer_kind = ?3, payer_ref = ?4 WHERE id = ?1",
	/* Active as coverage counts it (003_partners.sql). */
	[ST_PERSON_ACTIVE] =
		"SELECT coalesce(c.agreement_id, 0), coalesce(m.kpj, '') FROM memberships m "
		"LEFT JOIN cohorts c ON c.id = m.cohort_id WHERE m.person_nik = ?1 "
		"AND m.start_date <= ?2 AND (m.end_date IS NULL OR m.end_date >= ?2) "
		"AND (m.inactive_since IS NULL OR m.inactive_since > ?2) "
		"ORDER BY c.agreement_id IS NULL, m.start_date DESC LIMIT 1",
	[ST_REGION_NAME] = "SELECT name FROM regions WHERE code = ?1",
};



struct sqlite_store *sq(struct store *s)
{
	return (struct sqlite_store *)s;
}

jr_err db_error(struct sqlite_store *q, struct errbuf *eb, const char *what)
{
	int code = sqlite3_extended_errcode(q->db);
	jr_err rc = ((code & 0xff) == SQLITE_CONSTRAINT) ? JR_ECONFLICT : JR_EDB;
	return errbuf_set(eb, rc, "%s: %s", what, sqlite3_errmsg(q->db));
}

/* The prepared statement id, reset and with its bindings cleared. */
sqlite3_stmt *stmt_get(struct sqlite_store *q, enum stmt_id id, struct errbuf *eb)
{
	sqlite3_stmt *st = q->stmt[id];
	if (!st) {
		if (sqlite3_prepare_v3(q->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st,
				       NULL) != SQLITE_OK) {
			db_error(q, eb, "menyiapkan perintah SQL");
			return NULL;
		}
		q->stmt[id] = st;
	} else {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	return st;
}

sqlite3_stmt *stmt_cached(struct sqlite_store *q, const char *sql, struct errbuf *eb)
{
	size_t i;
	for (i = 0; i < SQ_CACHED_MAX && q->cached[i].sql; i++) {
		if (q->cached[i].sql == sql) {
			sqlite3_reset(q->cached[i].st);
			sqlite3_clear_bindings(q->cached[i].st);
			return q->cached[i].st;
		}
	}
	if (i == SQ_CACHED_MAX) {
		errbuf_set(eb, JR_EDB, "terlalu banyak perintah SQL tersimpan");
		return NULL;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_error(q, eb, "menyiapkan perintah SQL");
		return NULL;
	}
	q->cached[i].sql = sql;
	q->cached[i].st = st;
	return st;
}

sqlite3_stmt *sq_prepare(struct sqlite_store *q, const char *sql, struct errbuf *eb)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(q, eb, "menyiapkan perintah SQL");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void bind_int_or_null(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

void copy_col(sqlite3_stmt *st, int i, char *dst, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, i) : 0;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, t, n);
	dst[n] = '\0';
}

bool col_date(sqlite3_stmt *st, int i, struct date *d)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t)
		return false;
	return date_parse((const char *)t, (size_t)sqlite3_column_bytes(st, i), d, NULL) == JR_EOK;
}

/* Runs a write statement and classifies the upsert by changes + rowid. */
jr_err step_upsert(struct sqlite_store *q, sqlite3_stmt *st, enum store_upsert *did,
			  struct errbuf *eb, const char *what)
{
	sqlite3_set_last_insert_rowid(q->db, 0);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		jr_err e = db_error(q, eb, what);
		sqlite3_reset(st);
		return e;
	}
	if (did) {
		if (sqlite3_changes(q->db) == 0)
			*did = STORE_UNCHANGED;
		else
			*did = sqlite3_last_insert_rowid(q->db) ? STORE_INSERTED : STORE_UPDATED;
	}
	return JR_EOK;
}

jr_err sq_exec(struct store *s, const char *sql, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	char *msg = NULL;
	if (sqlite3_exec(q->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		jr_err rc = errbuf_set(eb, JR_EDB, "%s: %s", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return rc;
	}
	return JR_EOK;
}

static void sq_close(struct store *s)
{
	struct sqlite_store *q = sq(s);
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(q->stmt[i]);
	for (int i = 0; i < SQ_CACHED_MAX && q->cached[i].sql; i++)
		sqlite3_finalize(q->cached[i].st);
	sqlite3_close(q->db);
	free(q);
}

static void sq_bulk_mode(struct store *s, bool on)
{
	struct errbuf ignored;
	/* A large cache keeps the b-tree pages of random-key indexes in memory
	 * during a million-row import; 2 MB (the default) makes it disk-bound. */
	sq_exec(s, on ? "PRAGMA cache_size = -1048576" : "PRAGMA cache_size = -65536", &ignored);
}
static const struct store_ops sqlite_ops = {
	.name = "sqlite",
	.close = sq_close,
	.exec = sq_exec,
	.region_count = sq_region_count,
	.region_put = sq_region_put,
	.umk_put = sq_umk_put,
	.kbli_put = sq_kbli_put,
	.meta_get = sq_meta_get,
	.meta_set = sq_meta_set,
	.batch_add = sq_batch_add,
	.batch_finish = sq_batch_finish,
	.employer_upsert = sq_employer_upsert,
	.employers_each = sq_employers_each,
	.person_upsert = sq_person_upsert,
	.membership_upsert = sq_membership_upsert,
	.kpj_holder = sq_kpj_holder,
	.workers_each = sq_workers_each,
	.counts = sq_counts,
	.bulk_mode = sq_bulk_mode,
	.employer_briefs_each = sq_employer_briefs_each,
	.billable_load = sq_billable_load,
	.bills_each = sq_bills_each,
	.open_bills_each = sq_open_bills_each,
	.bill_next_id = sq_bill_next_id,
	.bills_insert = sq_bills_insert,
	.bill_update = sq_bill_update,
	.bill_delete = sq_bill_delete,
	.bill_lines_each = sq_bill_lines_each,
	.bill_lines_insert = sq_bill_lines_insert,
	.bill_line_replace = sq_bill_line_replace,
	.bill_line_delete = sq_bill_line_delete,
	.payment_find = sq_payment_find,
	.payment_insert = sq_payment_insert,
	.payment_set_unallocated = sq_payment_set_unallocated,
	.credits_each = sq_credits_each,
	.allocation_insert = sq_allocation_insert,
	.payer_find = sq_payer_find,
	.bpu_set_inactive = sq_bpu_set_inactive,
	.partners = &sqlite_partner_ops,
	.coverage = &sqlite_coverage_ops,
	.accounts = &sqlite_accounts_ops,
	.browse = &sqlite_browse_ops,
};

static jr_err migrate(struct sqlite_store *q, struct errbuf *eb)
{
	sqlite3_stmt *st;
	int version = 0;
	if (sqlite3_prepare_v2(q->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return db_error(q, eb, "membaca versi skema");
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	int latest = (int)ARRAY_SIZE(migrations);
	if (version > latest)
		return errbuf_set(eb, JR_EUNSUPPORTED,
				  "skema basis data versi %d lebih baru dari program ini (%d); "
				  "perbarui jaring",
				  version, latest);
	q->base.schema_version = version;
	if (version == latest)
		return JR_EOK;
	jr_err rc = sq_exec(&q->base, "BEGIN IMMEDIATE", eb);
	if (rc != JR_EOK)
		return rc;
	for (int v = version; v < latest; v++) {
		char pragma[48];
		rc = sq_exec(&q->base, (const char *)migrations[v], eb);
		if (rc != JR_EOK)
			break;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v + 1);
		rc = sq_exec(&q->base, pragma, eb);
		if (rc != JR_EOK)
			break;
	}
	if (rc == JR_EOK)
		rc = sq_exec(&q->base, "COMMIT", eb);
	if (rc != JR_EOK) {
		struct errbuf ignored;
		sq_exec(&q->base, "ROLLBACK", &ignored);
		return rc;
	}
	q->base.schema_version = latest;
	return JR_EOK;
}

/*
 * Before the first connection: no memory statistics, whose counters take a
 * process-wide mutex on every allocation (connections used by several
 * threads at once, as the server's are, would queue on it).
 */
static void sqlite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

jr_err store_sqlite_open(const char *path, enum store_open_mode mode, struct store **out,
			 struct errbuf *eb)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct stat sb;
	pthread_once(&once, sqlite_configure);
	*out = NULL;
	if (mode == STORE_EXISTING && stat(path, &sb) != 0)
		return errbuf_set(eb, JR_ENOTFOUND,
				  "basis data %s belum ada; buat dulu dengan `jaring --db %s init`",
				  path, path);
	struct sqlite_store *q = calloc(1, sizeof(*q));
	if (!q)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	q->base.ops = &sqlite_ops;
	/* One thread at a time uses a store: no SQLite mutex on every call. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
		    (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &q->db, flags, NULL) != SQLITE_OK) {
		jr_err rc = errbuf_set(eb, JR_EIO, "tidak dapat membuka basis data %s: %s", path,
				       q->db ? sqlite3_errmsg(q->db) : "memori tidak cukup");
		sqlite3_close(q->db);
		free(q);
		return rc;
	}
	sqlite3_extended_result_codes(q->db, 1);
	sqlite3_busy_timeout(q->db, 5000);
	jr_err rc = sq_exec(&q->base,
			    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
			    "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; "
			    "PRAGMA temp_store = MEMORY",
			    eb);
	if (rc == JR_EOK)
		rc = migrate(q, eb);
	if (rc != JR_EOK) {
		sq_close(&q->base);
		return rc;
	}
	*out = &q->base;
	return JR_EOK;
}
