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
#include <sys/stat.h>

#include "embedded.h"
#include "store/store.h"

/* Forward-only migrations: index i brings the schema to version i + 1. */
static const unsigned char *const migrations[] = {
	schema_001,
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
	ST_COUNT
};

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
	int flags = SQLITE_OPEN_READWRITE | (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
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
