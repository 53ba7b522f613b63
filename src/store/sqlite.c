/*
 * sqlite.c - the embedded SQLite backend of the store.
 *
 * One connection, WAL, foreign keys on, schema versioned with
 * PRAGMA user_version and migrated forward from src/store/schema/ (embedded at
 * build time).  Statements are prepared once and reused; every value is bound,
 * never spliced into SQL text.
 */
#include "compat.h"

#include <pthread.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "embedded.h"
#include "store/store.h"

/* Forward-only migrations: index i brings the schema to version i + 1. */
static const unsigned char *const migrations[] = {
	schema_001,
	schema_002,
};

enum stmt_id {
	ST_REGION_COUNT,
	ST_REGION_PUT,
	ST_UMK_PUT,
	ST_KBLI_PUT,
	ST_META_GET,
	ST_META_SET,
	ST_BATCH_ADD,
	ST_BATCH_FINISH,
	ST_EMPLOYER_UPSERT,
	ST_EMPLOYER_ID,
	ST_EMPLOYERS_EACH,
	ST_PERSON_UPSERT,
	ST_MEMBERSHIP_UPSERT,
	ST_KPJ_OWNER,
	ST_WORKERS_EACH,
	ST_EMPLOYER_BRIEFS,
	ST_BILLS_EACH,
	ST_OPEN_BILLS_ALL,
	ST_OPEN_BILLS_PAYER,
	ST_OPEN_BILLS_KIND,
	ST_BILL_NEXT_ID,
	ST_BILL_UPDATE,
	ST_BILL_DELETE,
	ST_LINES_EACH,
	ST_LINE_REPLACE,
	ST_LINE_DELETE,
	ST_PAYMENT_FIND,
	ST_PAYMENT_INSERT,
	ST_PAYMENT_UNALLOCATED,
	ST_CREDITS_ALL,
	ST_CREDITS_PAYER,
	ST_ALLOCATION_INSERT,
	ST_PERSON_EXISTS,
	ST_BPU_INACTIVE,
	ST_COUNT
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
};

struct sqlite_store {
	struct store base;
	sqlite3 *db;
	sqlite3_stmt *stmt[ST_COUNT];
};

static struct sqlite_store *sq(struct store *s)
{
	return (struct sqlite_store *)s;
}

static jr_err db_error(struct sqlite_store *q, struct errbuf *eb, const char *what)
{
	int code = sqlite3_extended_errcode(q->db);
	jr_err rc = ((code & 0xff) == SQLITE_CONSTRAINT) ? JR_ECONFLICT : JR_EDB;
	return errbuf_set(eb, rc, "%s: %s", what, sqlite3_errmsg(q->db));
}

/* The prepared statement id, reset and with its bindings cleared. */
static sqlite3_stmt *stmt_get(struct sqlite_store *q, enum stmt_id id, struct errbuf *eb)
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

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_int_or_null(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void copy_col(sqlite3_stmt *st, int i, char *dst, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, i) : 0;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, t, n);
	dst[n] = '\0';
}

static bool col_date(sqlite3_stmt *st, int i, struct date *d)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t)
		return false;
	return date_parse((const char *)t, (size_t)sqlite3_column_bytes(st, i), d, NULL) == JR_EOK;
}

/* Runs a write statement and classifies the upsert by changes + rowid. */
static jr_err step_upsert(struct sqlite_store *q, sqlite3_stmt *st, enum store_upsert *did,
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

static jr_err sq_exec(struct store *s, const char *sql, struct errbuf *eb)
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

static jr_err sq_region_count(struct store *s, int64_t *n, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_REGION_COUNT, eb);
	if (!st)
		return JR_EDB;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_error(q, eb, "menghitung wilayah");
	*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return JR_EOK;
}

/* The parent of a dotted code: "33.75.01" -> "33.75"; "" for a province. */
static void region_parent(const char *code, char parent[static REGION_CODE_SIZE])
{
	const char *dot = strrchr(code, '.');
	size_t n = dot ? (size_t)(dot - code) : 0;
	if (n >= REGION_CODE_SIZE)
		n = 0;
	memcpy(parent, code, n);
	parent[n] = '\0';
}

static jr_err sq_region_put(struct store *s, const char *code, int level, const char *name,
			    struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_REGION_PUT, eb);
	char parent[REGION_CODE_SIZE];
	if (!st)
		return JR_EDB;
	region_parent(code, parent);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, level);
	bind_text_or_null(st, 3, parent);
	sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
	return step_upsert(q, st, NULL, eb, "menyimpan wilayah");
}

static jr_err sq_umk_put(struct store *s, const char *regency_code, int year, int64_t amount_sen,
			 const char *decree, const char *confidence, const char *source,
			 struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_UMK_PUT, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, regency_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, amount_sen);
	sqlite3_bind_text(st, 4, decree, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, confidence, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, source, -1, SQLITE_STATIC);
	return step_upsert(q, st, NULL, eb, "menyimpan UMK");
}

static jr_err sq_kbli_put(struct store *s, const char *code, const char *section, int level,
			  const char *title, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_KBLI_PUT, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, section, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, level);
	sqlite3_bind_text(st, 4, title, -1, SQLITE_STATIC);
	return step_upsert(q, st, NULL, eb, "menyimpan KBLI");
}

static jr_err sq_meta_get(struct store *s, const char *key, char *value, size_t size,
			  struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_META_GET, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		copy_col(st, 0, value, size);
	else if (rc == SQLITE_DONE)
		value[0] = '\0';
	else
		return db_error(q, eb, "membaca meta");
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_meta_set(struct store *s, const char *key, const char *value, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_META_SET, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return step_upsert(q, st, NULL, eb, "menyimpan meta");
}

static jr_err sq_batch_add(struct store *s, struct store_batch *b, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BATCH_ADD, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, b->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b->file_name, -1, SQLITE_STATIC);
	jr_err rc = step_upsert(q, st, NULL, eb, "mencatat batch impor");
	if (rc == JR_EOK)
		b->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

static jr_err sq_batch_finish(struct store *s, const struct store_batch *b, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BATCH_FINISH, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, b->id);
	sqlite3_bind_int64(st, 2, b->rows_total);
	sqlite3_bind_int64(st, 3, b->rows_ok);
	sqlite3_bind_int64(st, 4, b->rows_rejected);
	sqlite3_bind_int64(st, 5, b->inserted);
	sqlite3_bind_int64(st, 6, b->updated);
	return step_upsert(q, st, NULL, eb, "menutup batch impor");
}

static jr_err sq_employer_upsert(struct store *s, struct employer *e, int64_t batch_id,
				 enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_EMPLOYER_UPSERT, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, e->npp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->name, -1, SQLITE_STATIC);
	bind_text_or_null(st, 3, e->nib);
	bind_text_or_null(st, 4, e->npwp);
	bind_text_or_null(st, 5, e->kbli);
	bind_text_or_null(st, 6, e->region_code);
	bind_text_or_null(st, 7, e->address);
	bind_text_or_null(st, 8, scale_name(e->scale));
	bind_int_or_null(st, 9, e->risk_group);
	sqlite3_bind_text(st, 10, employer_kind_name(e->kind ? e->kind : EKIND_COMPANY), -1,
			  SQLITE_STATIC);
	bind_int_or_null(st, 11, batch_id);
	jr_err rc = step_upsert(q, st, did, eb, "menyimpan pemberi kerja");
	if (rc != JR_EOK)
		return rc;
	st = stmt_get(q, ST_EMPLOYER_ID, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, e->npp, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_error(q, eb, "mencari pemberi kerja");
	e->id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_employers_each(struct store *s, jr_err (*fn)(void *ctx, const struct employer *e),
				void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_EMPLOYERS_EACH, eb);
	struct employer e;
	int rc;
	if (!st)
		return JR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char buf[32];
		memset(&e, 0, sizeof(e));
		e.id = sqlite3_column_int64(st, 0);
		copy_col(st, 1, e.npp, sizeof(e.npp));
		copy_col(st, 2, e.name, sizeof(e.name));
		copy_col(st, 3, e.nib, sizeof(e.nib));
		copy_col(st, 4, e.npwp, sizeof(e.npwp));
		copy_col(st, 5, e.kbli, sizeof(e.kbli));
		copy_col(st, 6, e.region_code, sizeof(e.region_code));
		copy_col(st, 7, e.address, sizeof(e.address));
		copy_col(st, 8, buf, sizeof(buf));
		e.scale = scale_parse(buf, strlen(buf));
		e.risk_group = sqlite3_column_int(st, 9);
		copy_col(st, 10, buf, sizeof(buf));
		e.kind = employer_kind_parse(buf, strlen(buf));
		jr_err frc = fn(ctx, &e);
		if (frc != JR_EOK) {
			sqlite3_reset(st);
			return frc;
		}
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca pemberi kerja");
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_person_upsert(struct store *s, const struct person *p, enum store_upsert *did,
			       struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_PERSON_UPSERT, eb);
	char bd[DATE_ISO_SIZE], sex[2] = {p->sex, 0};
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, p->nik);
	sqlite3_bind_text(st, 2, p->name, -1, SQLITE_STATIC);
	if (p->has_birth_date) {
		date_format_iso(p->birth_date, bd);
		sqlite3_bind_text(st, 3, bd, -1, SQLITE_STATIC);
	}
	bind_text_or_null(st, 4, sex);
	bind_text_or_null(st, 5, p->region_code);
	bind_text_or_null(st, 6, p->phone);
	return step_upsert(q, st, did, eb, "menyimpan orang");
}

static jr_err sq_membership_upsert(struct store *s, const struct membership *m, int64_t batch_id,
				   enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_MEMBERSHIP_UPSERT, eb);
	char start[DATE_ISO_SIZE], end[DATE_ISO_SIZE];
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, m->person_nik);
	bind_text_or_null(st, 2, m->kpj);
	bind_int_or_null(st, 3, m->employer_id);
	sqlite3_bind_text(st, 4, segment_name(m->segment), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, m->wage_sen);
	sqlite3_bind_int(st, 6, (int)m->programs);
	date_format_iso(m->start, start);
	sqlite3_bind_text(st, 7, start, -1, SQLITE_STATIC);
	if (m->has_end) {
		date_format_iso(m->end, end);
		sqlite3_bind_text(st, 8, end, -1, SQLITE_STATIC);
	}
	bind_text_or_null(st, 9, m->occupation);
	bind_text_or_null(st, 10, m->region_code);
	bind_int_or_null(st, 11, batch_id);
	jr_err rc = step_upsert(q, st, did, eb, "menyimpan kepesertaan");
	if (rc == JR_ECONFLICT && m->kpj[0]) {
		/* Name the holder of the KPJ, which is what the officer must check. */
		sqlite3_stmt *k = stmt_get(q, ST_KPJ_OWNER, eb);
		if (k) {
			sqlite3_bind_text(k, 1, m->kpj, -1, SQLITE_STATIC);
			if (sqlite3_step(k) == SQLITE_ROW) {
				char nik[NIK_DIGITS + 1];
				nik_from_int(sqlite3_column_int64(k, 0), nik);
				rc = errbuf_set(eb, JR_ECONFLICT,
						"KPJ %s sudah dipakai kepesertaan lain (NIK %s, %s, "
						"mulai %s)",
						m->kpj, nik, (const char *)sqlite3_column_text(k, 2),
						(const char *)sqlite3_column_text(k, 3));
			}
			sqlite3_reset(k);
		}
	}
	return rc;
}

static jr_err sq_kpj_holder(struct store *s, const char *kpj, struct membership_key *holder,
			    bool *found, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_KPJ_OWNER, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, kpj, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		const char *seg = (const char *)sqlite3_column_text(st, 2);
		holder->person_nik = sqlite3_column_int64(st, 0);
		holder->employer_id = sqlite3_column_int64(st, 1);
		holder->segment = segment_parse(seg, strlen(seg));
		col_date(st, 3, &holder->start);
	} else if (rc != SQLITE_DONE) {
		return db_error(q, eb, "mencari pemegang KPJ");
	}
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_workers_each(struct store *s, jr_err (*fn)(void *ctx, const struct store_worker *w),
			      void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_WORKERS_EACH, eb);
	struct person p;
	struct membership m;
	char npp[NPP_SIZE], buf[16];
	int rc;
	if (!st)
		return JR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&p, 0, sizeof(p));
		memset(&m, 0, sizeof(m));
		p.nik = sqlite3_column_int64(st, 0);
		copy_col(st, 1, p.name, sizeof(p.name));
		p.has_birth_date = col_date(st, 2, &p.birth_date);
		copy_col(st, 3, buf, sizeof(buf));
		p.sex = buf[0];
		copy_col(st, 4, p.region_code, sizeof(p.region_code));
		copy_col(st, 5, p.phone, sizeof(p.phone));
		m.id = sqlite3_column_int64(st, 6);
		m.person_nik = p.nik;
		copy_col(st, 7, m.kpj, sizeof(m.kpj));
		copy_col(st, 8, npp, sizeof(npp));
		copy_col(st, 9, buf, sizeof(buf));
		m.segment = segment_parse(buf, strlen(buf));
		m.wage_sen = sqlite3_column_int64(st, 10);
		m.programs = (unsigned)sqlite3_column_int(st, 11);
		col_date(st, 12, &m.start);
		m.has_end = col_date(st, 13, &m.end);
		copy_col(st, 14, m.occupation, sizeof(m.occupation));
		copy_col(st, 15, m.region_code, sizeof(m.region_code));
		struct store_worker w = {&p, &m, npp};
		jr_err frc = fn(ctx, &w);
		if (frc != JR_EOK) {
			sqlite3_reset(st);
			return frc;
		}
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca tenaga kerja");
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_counts(struct store *s, struct date as_of, struct store_counts *c,
			struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = NULL;
	char day[DATE_ISO_SIZE];
	memset(c, 0, sizeof(*c));
	date_format_iso(as_of, day);
	if (sqlite3_prepare_v2(q->db,
			       "SELECT (SELECT count(*) FROM employers), (SELECT count(*) FROM persons), "
			       "(SELECT count(*) FROM memberships)",
			       -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(q, eb, "menghitung registri");
	}
	c->employers = sqlite3_column_int64(st, 0);
	c->persons = sqlite3_column_int64(st, 1);
	c->memberships = sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(q->db,
			       "SELECT segment, count(DISTINCT person_nik) FROM memberships "
			       "WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1) "
			       "GROUP BY segment",
			       -1, &st, NULL) != SQLITE_OK)
		return db_error(q, eb, "menghitung peserta aktif");
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *seg = (const char *)sqlite3_column_text(st, 0);
		enum segment sg = segment_parse(seg, strlen(seg));
		c->active_by_segment[sg] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "menghitung peserta aktif");
	if (sqlite3_prepare_v2(q->db,
			       "SELECT count(DISTINCT person_nik) FROM memberships "
			       "WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1)",
			       -1, &st, NULL) != SQLITE_OK)
		return db_error(q, eb, "menghitung peserta aktif");
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		c->active = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return JR_EOK;
}

/* ---- billing ---- */

static enum payer_kind col_payer_kind(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? payer_kind_parse((const char *)t, (size_t)sqlite3_column_bytes(st, i))
		 : PAYER_KIND_NONE;
}

/*
 * Feeding rows computed in C to one INSERT ... SELECT.  A prepared INSERT
 * run once per row seeks every index from its root each time; one
 * INSERT ... SELECT keeps its cursors where the last row went, which makes
 * a million ordered rows about three times cheaper.  The rows come from an
 * eponymous virtual table that exists only for the length of the call.
 */
enum feed_kind { FEED_LINES, FEED_BILLS };

struct feed {
	enum feed_kind kind;
	int period;
	const struct store_bill_line *(*next_line)(void *ctx);
	struct store_bill *(*next_bill)(void *ctx);
	void *ctx;
	int64_t next_id; /* bills: the id the next one gets */
};

struct feed_vtab {
	sqlite3_vtab base;
	struct feed *feed;
};

struct feed_cursor {
	sqlite3_vtab_cursor base;
	struct feed *feed;
	const void *row;
	sqlite3_int64 rowid;
};

static int feed_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
			sqlite3_vtab **out, char **err)
{
	struct feed *f = aux;
	(void)argc;
	(void)argv;
	(void)err;
	int rc = sqlite3_declare_vtab(
		db, f->kind == FEED_LINES
			    ? "CREATE TABLE x(period, membership_id, bill_id, programs, base_sen, "
			      "jkk_sen, jkm_sen, jht_sen, jp_sen, jkp_sen, worker_sen, total_sen)"
			    : "CREATE TABLE x(id, period, payer_kind, payer_ref, due_date, fine_ppm, "
			      "lines, total_sen, paid_sen, fine_sen, fine_paid_sen)");
	if (rc != SQLITE_OK)
		return rc;
	struct feed_vtab *v = sqlite3_malloc(sizeof(*v));
	if (!v)
		return SQLITE_NOMEM;
	memset(v, 0, sizeof(*v));
	v->feed = f;
	*out = &v->base;
	return SQLITE_OK;
}

static int feed_disconnect(sqlite3_vtab *v)
{
	sqlite3_free(v);
	return SQLITE_OK;
}

static int feed_best_index(sqlite3_vtab *v, sqlite3_index_info *info)
{
	(void)v;
	info->estimatedCost = 1e6;
	info->estimatedRows = 1000000;
	return SQLITE_OK;
}

static int feed_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out)
{
	struct feed_cursor *c = sqlite3_malloc(sizeof(*c));
	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	c->feed = ((struct feed_vtab *)v)->feed;
	*out = &c->base;
	return SQLITE_OK;
}

static int feed_close(sqlite3_vtab_cursor *c)
{
	sqlite3_free(c);
	return SQLITE_OK;
}

static int feed_next(sqlite3_vtab_cursor *cur)
{
	struct feed_cursor *c = (struct feed_cursor *)cur;
	struct feed *f = c->feed;
	if (f->kind == FEED_LINES) {
		c->row = f->next_line(f->ctx);
	} else {
		struct store_bill *b = f->next_bill(f->ctx);
		if (b && !b->id)
			b->id = f->next_id;
		if (b && b->id >= f->next_id)
			f->next_id = b->id + 1;
		c->row = b;
	}
	c->rowid++;
	return SQLITE_OK;
}

static int feed_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc,
		       sqlite3_value **argv)
{
	(void)idx;
	(void)idxstr;
	(void)argc;
	(void)argv;
	((struct feed_cursor *)cur)->rowid = 0;
	return feed_next(cur);
}

static int feed_eof(sqlite3_vtab_cursor *cur)
{
	return ((struct feed_cursor *)cur)->row == NULL;
}

static int feed_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i)
{
	struct feed_cursor *c = (struct feed_cursor *)cur;
	if (c->feed->kind == FEED_LINES) {
		const struct store_bill_line *l = c->row;
		int64_t v;
		switch (i) {
		case 0: v = c->feed->period; break;
		case 1: v = l->membership_id; break;
		case 2: v = l->bill_id; break;
		case 3: v = l->programs; break;
		case 4: v = l->base_sen; break;
		case 10: v = l->worker_sen; break;
		case 11: v = l->total_sen; break;
		default: v = (i >= 5 && i < 5 + BILL_PROGRAMS) ? l->program_sen[i - 5] : 0; break;
		}
		sqlite3_result_int64(ctx, v);
		return SQLITE_OK;
	}
	const struct store_bill *b = c->row;
	char due[DATE_ISO_SIZE];
	switch (i) {
	case 0: sqlite3_result_int64(ctx, b->id); break;
	case 1: sqlite3_result_int(ctx, b->period); break;
	case 2: sqlite3_result_text(ctx, payer_kind_name(b->payer_kind), -1, SQLITE_STATIC); break;
	case 3: sqlite3_result_int64(ctx, b->payer_ref); break;
	case 4:
		date_format_iso(b->due, due);
		sqlite3_result_text(ctx, due, -1, SQLITE_TRANSIENT);
		break;
	case 5: sqlite3_result_int64(ctx, b->fine_ppm); break;
	case 6: sqlite3_result_int64(ctx, b->lines); break;
	case 7: sqlite3_result_int64(ctx, b->total_sen); break;
	case 8: sqlite3_result_int64(ctx, b->paid_sen); break;
	case 9: sqlite3_result_int64(ctx, b->fine_sen); break;
	default: sqlite3_result_int64(ctx, b->fine_paid_sen); break;
	}
	return SQLITE_OK;
}

static int feed_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
	*rowid = ((struct feed_cursor *)cur)->rowid;
	return SQLITE_OK;
}

static const sqlite3_module feed_module = {
	.iVersion = 0,
	.xCreate = NULL, /* eponymous only: never a table in the schema */
	.xConnect = feed_connect,
	.xBestIndex = feed_best_index,
	.xDisconnect = feed_disconnect,
	.xOpen = feed_open,
	.xClose = feed_close,
	.xFilter = feed_filter,
	.xNext = feed_next,
	.xEof = feed_eof,
	.xColumn = feed_column,
	.xRowid = feed_rowid,
};

/* Registers the feed as table `name`, runs sql once, and removes the table. */
static jr_err feed_run(struct sqlite_store *q, const char *name, struct feed *f, const char *sql,
		       struct errbuf *eb, const char *what)
{
	sqlite3_stmt *st = NULL;
	jr_err err = JR_EOK;
	if (sqlite3_create_module(q->db, name, &feed_module, f) != SQLITE_OK)
		return db_error(q, eb, what);
	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
		err = db_error(q, eb, what);
	else if (sqlite3_step(st) != SQLITE_DONE)
		err = db_error(q, eb, what);
	sqlite3_finalize(st);
	sqlite3_create_module(q->db, name, NULL, NULL);
	return err;
}

static jr_err sq_bill_next_id(struct store *s, int64_t *id, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BILL_NEXT_ID, eb);
	if (!st)
		return JR_EDB;
	if (sqlite3_step(st) != SQLITE_ROW) {
		jr_err e = db_error(q, eb, "membaca nomor tagihan");
		sqlite3_reset(st);
		return e;
	}
	*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_bills_insert(struct store *s, struct store_bill *(*next)(void *ctx), void *ctx,
			      struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	struct feed f = {.kind = FEED_BILLS, .next_bill = next, .ctx = ctx};
	/* Ids are given here when the caller has not, so that it learns them
	 * without a query per bill. */
	jr_err err = sq_bill_next_id(s, &f.next_id, eb);
	if (err != JR_EOK)
		return err;
	return feed_run(q, "jaring_bill_feed", &f,
			"INSERT INTO bills(id, period, payer_kind, payer_ref, due_date, fine_ppm, "
			"lines, total_sen, paid_sen, fine_sen, fine_paid_sen) SELECT id, period, "
			"payer_kind, payer_ref, due_date, fine_ppm, lines, total_sen, paid_sen, "
			"fine_sen, fine_paid_sen FROM jaring_bill_feed",
			eb, "menyimpan tagihan");
}

static jr_err sq_bill_lines_insert(struct store *s, int period,
				   const struct store_bill_line *(*next)(void *ctx), void *ctx,
				   struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	struct feed f = {.kind = FEED_LINES, .period = period, .next_line = next, .ctx = ctx};
	return feed_run(q, "jaring_line_feed", &f,
			"INSERT INTO bill_lines(period, membership_id, bill_id, programs, base_sen, "
			"jkk_sen, jkm_sen, jht_sen, jp_sen, jkp_sen, worker_sen, total_sen) "
			"SELECT period, membership_id, bill_id, programs, base_sen, jkk_sen, jkm_sen, "
			"jht_sen, jp_sen, jkp_sen, worker_sen, total_sen FROM jaring_line_feed",
			eb, "menyimpan baris tagihan");
}

static jr_err sq_employer_briefs_each(struct store *s,
				      jr_err (*fn)(void *ctx, const struct store_employer_brief *e),
				      void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_EMPLOYER_BRIEFS, eb);
	struct store_employer_brief e;
	int rc;
	if (!st)
		return JR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e.id = sqlite3_column_int64(st, 0);
		e.risk_group = sqlite3_column_int(st, 1);
		copy_col(st, 2, e.kbli, sizeof(e.kbli));
		jr_err frc = fn(ctx, &e);
		if (frc != JR_EOK) {
			sqlite3_reset(st);
			return frc;
		}
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca pemberi kerja");
	sqlite3_reset(st);
	return JR_EOK;
}

/* The segment code of a memberships row, without a general parse per row. */
static enum segment col_segment(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	int n = sqlite3_column_bytes(st, i);
	if (!t)
		return SEG_NONE;
	if (n == 2 && !memcmp(t, "PU", 2))
		return SEG_PU;
	if (n == 3 && !memcmp(t, "BPU", 3))
		return SEG_BPU;
	if (n == 5 && !memcmp(t, "JAKON", 5))
		return SEG_JAKON;
	if (n == 3 && !memcmp(t, "PMI", 3))
		return SEG_PMI;
	return segment_parse(t, (size_t)n);
}

/* One id range of store_billable_load, read on its own connection or the store's. */
struct scan_part {
	sqlite3 *db;
	struct date first, last;
	int64_t lo, hi;
	struct store_billable *rows;
	size_t n, cap;
	bool failed;
	char msg[256];
};

#define BILLABLE_SQL                                                                   \
	"SELECT id, person_nik, coalesce(employer_id, 0), segment, wage_sen, programs, "   \
	"payer_kind, coalesce(payer_ref, 0), inactive_since IS NOT NULL FROM memberships " \
	"WHERE id BETWEEN ?3 AND ?4 AND start_date <= ?2 "                                 \
	"AND (end_date IS NULL OR end_date >= ?1) ORDER BY id"

static void *scan_part_run(void *arg)
{
	struct scan_part *p = arg;
	sqlite3_stmt *st = NULL;
	char d1[DATE_ISO_SIZE], d2[DATE_ISO_SIZE];
	int rc;
	if (sqlite3_prepare_v2(p->db, BILLABLE_SQL, -1, &st, NULL) != SQLITE_OK)
		goto fail;
	date_format_iso(p->first, d1);
	date_format_iso(p->last, d2);
	sqlite3_bind_text(st, 1, d1, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d2, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, p->lo);
	sqlite3_bind_int64(st, 4, p->hi);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (p->n == p->cap) {
			size_t ncap = p->cap ? p->cap * 2 : 4096;
			struct store_billable *nr = realloc(p->rows, ncap * sizeof(*nr));
			if (!nr) {
				snprintf(p->msg, sizeof(p->msg), "memori tidak cukup");
				p->failed = true;
				sqlite3_finalize(st);
				return NULL;
			}
			p->rows = nr;
			p->cap = ncap;
		}
		struct store_billable *m = &p->rows[p->n++];
		m->membership_id = sqlite3_column_int64(st, 0);
		m->person_nik = sqlite3_column_int64(st, 1);
		m->employer_id = sqlite3_column_int64(st, 2);
		m->segment = col_segment(st, 3);
		m->wage_sen = sqlite3_column_int64(st, 4);
		m->programs = (unsigned)sqlite3_column_int(st, 5);
		m->payer_kind = col_payer_kind(st, 6);
		m->payer_ref = sqlite3_column_int64(st, 7);
		m->inactive = sqlite3_column_int(st, 8) != 0;
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	return NULL;
fail:
	snprintf(p->msg, sizeof(p->msg), "%s", sqlite3_errmsg(p->db));
	p->failed = true;
	sqlite3_finalize(st);
	return NULL;
}

/* Below this many memberships one thread reads them all. */
#define SCAN_SPLIT_MIN 50000

static jr_err sq_billable_load(struct store *s, struct date first, struct date last,
			       struct store_billable **out, size_t *n, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	struct scan_part part[2];
	sqlite3_stmt *st = NULL;
	int64_t max_id = 0;
	int nparts = 1;
	pthread_t thread;
	bool started = false;
	jr_err err = JR_EOK;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(q->db, "SELECT coalesce(max(id), 0) FROM memberships", -1, &st,
			       NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(q, eb, "membaca kepesertaan untuk tagihan");
	}
	max_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);

	memset(part, 0, sizeof(part));
	for (int i = 0; i < 2; i++) {
		part[i].first = first;
		part[i].last = last;
	}
	part[0].db = q->db;
	part[0].lo = 0;
	part[0].hi = max_id;
	/* A large table is read in two halves by two threads, each on a
	 * read-only connection of its own with a small page cache: the store's
	 * own cache stays free for the writing that follows.  With WAL they see
	 * the last commit, which is what this connection sees as long as its
	 * transaction has not written. */
	const char *path = sqlite3_db_filename(q->db, "main");
	if (max_id >= SCAN_SPLIT_MIN && path && *path) {
		sqlite3 *db[2] = {NULL, NULL};
		int ok = 0;
		for (int i = 0; i < 2; i++) {
			if (sqlite3_open_v2(path, &db[i], SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
					    NULL) == SQLITE_OK) {
				sqlite3_busy_timeout(db[i], 5000);
				ok++;
			}
		}
		if (ok == 2) {
			part[0].db = db[0];
			part[0].hi = max_id / 2;
			part[1].db = db[1];
			part[1].lo = max_id / 2 + 1;
			part[1].hi = max_id;
			nparts = 2;
			started = pthread_create(&thread, NULL, scan_part_run, &part[1]) == 0;
		}
		if (!started) {
			/* No second connection or thread: read it all here. */
			sqlite3_close(db[0]);
			sqlite3_close(db[1]);
			part[0].db = q->db;
			part[0].hi = max_id;
			part[1].db = NULL;
			nparts = 1;
		}
	}
	scan_part_run(&part[0]);
	if (started)
		pthread_join(thread, NULL);
	if (part[0].db != q->db)
		sqlite3_close(part[0].db);
	if (part[1].db)
		sqlite3_close(part[1].db);
	for (int i = 0; i < nparts && err == JR_EOK; i++)
		if (part[i].failed)
			err = errbuf_set(eb, JR_EDB, "membaca kepesertaan untuk tagihan: %s",
					 part[i].msg);
	if (err == JR_EOK && nparts == 2 && part[1].n) {
		size_t total = part[0].n + part[1].n;
		struct store_billable *all = realloc(part[0].rows, total * sizeof(*all));
		if (!all) {
			err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
		} else {
			memcpy(all + part[0].n, part[1].rows, part[1].n * sizeof(*all));
			part[0].rows = all;
			part[0].n = total;
		}
	}
	free(part[1].rows);
	if (err != JR_EOK) {
		free(part[0].rows);
		return err;
	}
	*out = part[0].rows;
	*n = part[0].n;
	return JR_EOK;
}

static void col_bill(sqlite3_stmt *st, struct store_bill *b)
{
	memset(b, 0, sizeof(*b));
	b->id = sqlite3_column_int64(st, 0);
	b->period = sqlite3_column_int(st, 1);
	b->payer_kind = col_payer_kind(st, 2);
	b->payer_ref = sqlite3_column_int64(st, 3);
	copy_col(st, 4, b->payer_code, sizeof(b->payer_code));
	col_date(st, 5, &b->due);
	b->fine_ppm = sqlite3_column_int64(st, 6);
	b->lines = sqlite3_column_int64(st, 7);
	b->total_sen = sqlite3_column_int64(st, 8);
	b->paid_sen = sqlite3_column_int64(st, 9);
	b->fine_sen = sqlite3_column_int64(st, 10);
	b->fine_paid_sen = sqlite3_column_int64(st, 11);
}

/* Steps a bill query to the end, handing each row to fn. */
static jr_err each_bill(struct sqlite_store *q, sqlite3_stmt *st,
			jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
			struct errbuf *eb)
{
	struct store_bill b;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		col_bill(st, &b);
		jr_err frc = fn(ctx, &b);
		if (frc != JR_EOK) {
			sqlite3_reset(st);
			return frc;
		}
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca tagihan");
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_bills_each(struct store *s, int period,
			    jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
			    struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BILLS_EACH, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int(st, 1, period);
	return each_bill(q, st, fn, ctx, eb);
}

static jr_err sq_open_bills_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
				 jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
				 struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	enum stmt_id id = kind == PAYER_KIND_NONE ? ST_OPEN_BILLS_ALL
			  : payer_ref ? ST_OPEN_BILLS_PAYER
				      : ST_OPEN_BILLS_KIND;
	sqlite3_stmt *st = stmt_get(q, id, eb);
	if (!st)
		return JR_EDB;
	if (kind != PAYER_KIND_NONE)
		sqlite3_bind_text(st, 1, payer_kind_name(kind), -1, SQLITE_STATIC);
	if (payer_ref)
		sqlite3_bind_int64(st, 2, payer_ref);
	return each_bill(q, st, fn, ctx, eb);
}

static jr_err sq_bill_update(struct store *s, const struct store_bill *b, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BILL_UPDATE, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, b->id);
	sqlite3_bind_int64(st, 2, b->lines);
	sqlite3_bind_int64(st, 3, b->total_sen);
	sqlite3_bind_int64(st, 4, b->paid_sen);
	sqlite3_bind_int64(st, 5, b->fine_sen);
	sqlite3_bind_int64(st, 6, b->fine_paid_sen);
	return step_upsert(q, st, NULL, eb, "memperbarui tagihan");
}

static jr_err sq_bill_delete(struct store *s, int64_t id, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BILL_DELETE, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	return step_upsert(q, st, NULL, eb, "menghapus tagihan kosong");
}

static jr_err sq_bill_lines_each(struct store *s, int period,
				 jr_err (*fn)(void *ctx, const struct store_bill_line *l), void *ctx,
				 struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_LINES_EACH, eb);
	struct store_bill_line l;
	int rc;
	if (!st)
		return JR_EDB;
	sqlite3_bind_int(st, 1, period);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		l.membership_id = sqlite3_column_int64(st, 0);
		l.bill_id = sqlite3_column_int64(st, 1);
		l.programs = (unsigned)sqlite3_column_int(st, 2);
		l.base_sen = sqlite3_column_int64(st, 3);
		for (int i = 0; i < BILL_PROGRAMS; i++)
			l.program_sen[i] = sqlite3_column_int64(st, 4 + i);
		l.worker_sen = sqlite3_column_int64(st, 4 + BILL_PROGRAMS);
		l.total_sen = sqlite3_column_int64(st, 5 + BILL_PROGRAMS);
		jr_err frc = fn(ctx, &l);
		if (frc != JR_EOK) {
			sqlite3_reset(st);
			return frc;
		}
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca baris tagihan");
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_bill_line_replace(struct store *s, int period, const struct store_bill_line *l,
				   struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_LINE_REPLACE, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int(st, 1, period);
	sqlite3_bind_int64(st, 2, l->membership_id);
	sqlite3_bind_int64(st, 3, l->bill_id);
	sqlite3_bind_int(st, 4, (int)l->programs);
	sqlite3_bind_int64(st, 5, l->base_sen);
	for (int i = 0; i < BILL_PROGRAMS; i++)
		sqlite3_bind_int64(st, 6 + i, l->program_sen[i]);
	sqlite3_bind_int64(st, 6 + BILL_PROGRAMS, l->worker_sen);
	sqlite3_bind_int64(st, 7 + BILL_PROGRAMS, l->total_sen);
	return step_upsert(q, st, NULL, eb, "memperbarui baris tagihan");
}

static jr_err sq_bill_line_delete(struct store *s, int period, int64_t membership_id,
				  struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_LINE_DELETE, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int(st, 1, period);
	sqlite3_bind_int64(st, 2, membership_id);
	return step_upsert(q, st, NULL, eb, "menghapus baris tagihan");
}

static void col_payment(sqlite3_stmt *st, struct store_payment *p)
{
	memset(p, 0, sizeof(*p));
	p->id = sqlite3_column_int64(st, 0);
	copy_col(st, 1, p->reference, sizeof(p->reference));
	p->payer_kind = col_payer_kind(st, 2);
	p->payer_ref = sqlite3_column_int64(st, 3);
	p->period = sqlite3_column_int(st, 4);
	p->amount_sen = sqlite3_column_int64(st, 5);
	col_date(st, 6, &p->paid_on);
	p->unallocated_sen = sqlite3_column_int64(st, 7);
	p->batch_id = sqlite3_column_int64(st, 8);
}

static jr_err sq_payment_find(struct store *s, const char *reference, struct store_payment *p,
			      bool *found, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_PAYMENT_FIND, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, reference, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW)
		col_payment(st, p);
	else if (rc != SQLITE_DONE)
		return db_error(q, eb, "mencari pembayaran");
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_payment_insert(struct store *s, struct store_payment *p, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_PAYMENT_INSERT, eb);
	char day[DATE_ISO_SIZE];
	if (!st)
		return JR_EDB;
	date_format_iso(p->paid_on, day);
	sqlite3_bind_text(st, 1, p->reference, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, payer_kind_name(p->payer_kind), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, p->payer_ref);
	sqlite3_bind_int(st, 4, p->period);
	sqlite3_bind_int64(st, 5, p->amount_sen);
	sqlite3_bind_text(st, 6, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, p->unallocated_sen);
	bind_int_or_null(st, 8, p->batch_id);
	jr_err rc = step_upsert(q, st, NULL, eb, "menyimpan pembayaran");
	if (rc == JR_EOK)
		p->id = sqlite3_last_insert_rowid(q->db);
	return rc;
}

static jr_err sq_payment_set_unallocated(struct store *s, int64_t id, int64_t unallocated_sen,
					 struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_PAYMENT_UNALLOCATED, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, unallocated_sen);
	return step_upsert(q, st, NULL, eb, "memperbarui sisa pembayaran");
}

static jr_err sq_credits_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
			      jr_err (*fn)(void *ctx, const struct store_payment *p), void *ctx,
			      struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st =
		stmt_get(q, kind == PAYER_KIND_NONE ? ST_CREDITS_ALL : ST_CREDITS_PAYER, eb);
	struct store_payment p;
	int rc;
	if (!st)
		return JR_EDB;
	if (kind != PAYER_KIND_NONE) {
		sqlite3_bind_text(st, 1, payer_kind_name(kind), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, payer_ref);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		col_payment(st, &p);
		jr_err frc = fn(ctx, &p);
		if (frc != JR_EOK) {
			sqlite3_reset(st);
			return frc;
		}
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca kredit pembayaran");
	sqlite3_reset(st);
	return JR_EOK;
}

static jr_err sq_allocation_insert(struct store *s, const struct store_allocation *a,
				   struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_ALLOCATION_INSERT, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, a->payment_id);
	sqlite3_bind_int64(st, 2, a->bill_id);
	sqlite3_bind_int64(st, 3, a->contribution_sen);
	sqlite3_bind_int(st, 4, a->months_late);
	sqlite3_bind_int64(st, 5, a->fine_sen);
	sqlite3_bind_int64(st, 6, a->fine_paid_sen);
	return step_upsert(q, st, NULL, eb, "menyimpan alokasi pembayaran");
}

static jr_err sq_payer_find(struct store *s, const char *code, enum payer_kind kind,
			    enum payer_kind *found_kind, int64_t *ref, int *matches,
			    struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st;
	int rc;
	*matches = 0;
	*found_kind = PAYER_KIND_NONE;
	*ref = 0;
	if (kind == PAYER_KIND_NONE || kind == PAYER_KIND_EMPLOYER) {
		if (!(st = stmt_get(q, ST_EMPLOYER_ID, eb)))
			return JR_EDB;
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*found_kind = PAYER_KIND_EMPLOYER;
			*ref = sqlite3_column_int64(st, 0);
			(*matches)++;
		} else if (rc != SQLITE_DONE) {
			return db_error(q, eb, "mencari pemberi kerja");
		}
		sqlite3_reset(st);
	}
	/* A NIK is 16 digits and never starts with 0 (persons.nik CHECK). */
	if ((kind == PAYER_KIND_NONE || kind == PAYER_KIND_PARTICIPANT) && strlen(code) == 16 &&
	    code[0] != '0' && strspn(code, "0123456789") == 16) {
		int64_t nik = 0;
		for (int i = 0; i < 16; i++)
			nik = nik * 10 + (code[i] - '0');
		if (!(st = stmt_get(q, ST_PERSON_EXISTS, eb)))
			return JR_EDB;
		sqlite3_bind_int64(st, 1, nik);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			if (*matches == 0) {
				*found_kind = PAYER_KIND_PARTICIPANT;
				*ref = nik;
			}
			(*matches)++;
		} else if (rc != SQLITE_DONE) {
			return db_error(q, eb, "mencari peserta");
		}
		sqlite3_reset(st);
	}
	return JR_EOK;
}

static jr_err sq_bpu_set_inactive(struct store *s, int64_t person_nik, const struct date *since,
				  struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BPU_INACTIVE, eb);
	char day[DATE_ISO_SIZE];
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, person_nik);
	if (since) {
		date_format_iso(*since, day);
		sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	}
	return step_upsert(q, st, NULL, eb, "memperbarui status peserta BPU");
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

jr_err store_sqlite_open(const char *path, enum store_open_mode mode, struct store **out,
			 struct errbuf *eb)
{
	struct stat sb;
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
