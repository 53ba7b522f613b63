/*
 * sqlite_procurement.c - the SQLite side of the procurement aggregate
 * (procurement.h, 005_procurement.sql).  Procurement files hold hundreds of
 * rows, not millions: statements are prepared per call and finalized, so the
 * aggregate needs nothing from the connection's statement cache.
 */
#include "compat.h"

#include "store/procurement.h"
#include "store/sqlite_int.h"

static jr_err prep(struct sqlite_store *q, const char *sql, sqlite3_stmt **st,
		   struct errbuf *eb)
{
	*st = NULL;
	if (sqlite3_prepare_v2(q->db, sql, -1, st, NULL) != SQLITE_OK) {
		jr_err err = db_error(q, eb, "menyiapkan perintah SQL");
		sqlite3_finalize(*st);
		*st = NULL;
		return err;
	}
	return JR_EOK;
}

/* Runs a write statement to its end and finalizes it. */
static jr_err run(struct sqlite_store *q, sqlite3_stmt *st, struct errbuf *eb, const char *what)
{
	jr_err err = JR_EOK;
	if (sqlite3_step(st) != SQLITE_DONE)
		err = db_error(q, eb, what);
	sqlite3_finalize(st);
	return err;
}

static void bind_money_or_null(sqlite3_stmt *st, int i, int64_t v)
{
	if (v >= 0)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static int64_t col_money(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
}

#define PACKAGE_COLUMNS                                                                    \
	"id, kd_rup, name, owner, owner_code, klpd, year, kind, pagu_sen, hps_sen, "       \
	"contract_sen, value_sen, value_source, status, failed, location, priced_on, "     \
	"expected_sen, expected_workers "

static void read_package(sqlite3_stmt *st, struct store_package *pk)
{
	struct sirup_package *p = &pk->p;
	char source[16];
	memset(pk, 0, sizeof(*pk));
	pk->id = sqlite3_column_int64(st, 0);
	copy_col(st, 1, p->kd_rup, sizeof(p->kd_rup));
	copy_col(st, 2, p->name, sizeof(p->name));
	copy_col(st, 3, p->owner, sizeof(p->owner));
	copy_col(st, 4, p->owner_code, sizeof(p->owner_code));
	copy_col(st, 5, p->klpd, sizeof(p->klpd));
	p->year = sqlite3_column_int(st, 6);
	copy_col(st, 7, p->kind, sizeof(p->kind));
	p->construction = text_ieq(p->kind, strlen(p->kind), "Pekerjaan Konstruksi");
	p->pagu_sen = col_money(st, 8);
	p->hps_sen = col_money(st, 9);
	p->contract_sen = col_money(st, 10);
	p->value_sen = sqlite3_column_int64(st, 11);
	copy_col(st, 12, source, sizeof(source));
	p->value_source = !strcmp(source, "contract") ? SIRUP_VALUE_CONTRACT
			  : !strcmp(source, "hps")    ? SIRUP_VALUE_HPS
						      : SIRUP_VALUE_PAGU;
	copy_col(st, 13, p->status, sizeof(p->status));
	p->failed = sqlite3_column_int(st, 14) != 0;
	copy_col(st, 15, p->location, sizeof(p->location));
	col_date(st, 16, &p->priced_on);
	p->expected_sen = sqlite3_column_int64(st, 17);
	p->expected_workers = sqlite3_column_int64(st, 18);
}

static jr_err sq_package_find(struct store *s, const char *kd_rup, struct store_package *out,
			      bool *found, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st;
	jr_err perr = prep(q, "SELECT " PACKAGE_COLUMNS
				   "FROM procurement_packages WHERE kd_rup = ?1", &st, eb);
	if (perr != JR_EOK)
		return perr;
	sqlite3_bind_text(st, 1, kd_rup, -1, SQLITE_STATIC);
	jr_err err = JR_EOK;
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW)
		read_package(st, out);
	else if (rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca paket pengadaan");
	sqlite3_finalize(st);
	return err;
}

static jr_err sq_package_put(struct store *s, struct store_package *pk, int64_t batch_id,
			     struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	const struct sirup_package *p = &pk->p;
	sqlite3_stmt *st;
	jr_err perr = prep(q,
		"INSERT INTO procurement_packages(kd_rup, name, owner, owner_code, klpd, year, kind, "
		"pagu_sen, hps_sen, contract_sen, value_sen, value_source, status, failed, "
		"location, priced_on, expected_sen, expected_workers, batch_id) VALUES "
		"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) "
		"ON CONFLICT(kd_rup) DO UPDATE SET name = excluded.name, owner = excluded.owner, "
		"owner_code = excluded.owner_code, klpd = excluded.klpd, year = excluded.year, "
		"kind = excluded.kind, pagu_sen = excluded.pagu_sen, hps_sen = excluded.hps_sen, "
		"contract_sen = excluded.contract_sen, value_sen = excluded.value_sen, "
		"value_source = excluded.value_source, status = excluded.status, "
		"failed = excluded.failed, location = excluded.location, "
		"priced_on = excluded.priced_on, expected_sen = excluded.expected_sen, "
		"expected_workers = excluded.expected_workers, batch_id = excluded.batch_id "
		"RETURNING id", &st, eb);
	if (perr != JR_EOK)
		return perr;
	char priced[DATE_ISO_SIZE];
	date_format_iso(p->priced_on, priced);
	sqlite3_bind_text(st, 1, p->kd_rup, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->owner, -1, SQLITE_STATIC);
	bind_text_or_null(st, 4, p->owner_code);
	bind_text_or_null(st, 5, p->klpd);
	sqlite3_bind_int(st, 6, p->year);
	sqlite3_bind_text(st, 7, p->kind, -1, SQLITE_STATIC);
	bind_money_or_null(st, 8, p->pagu_sen);
	bind_money_or_null(st, 9, p->hps_sen);
	bind_money_or_null(st, 10, p->contract_sen);
	sqlite3_bind_int64(st, 11, p->value_sen);
	sqlite3_bind_text(st, 12, sirup_value_source_name(p->value_source), -1, SQLITE_STATIC);
	bind_text_or_null(st, 13, p->status);
	sqlite3_bind_int(st, 14, p->failed ? 1 : 0);
	bind_text_or_null(st, 15, p->location);
	sqlite3_bind_text(st, 16, priced, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 17, p->expected_sen);
	sqlite3_bind_int64(st, 18, p->expected_workers);
	bind_int_or_null(st, 19, batch_id);
	jr_err err = JR_EOK;
	if (sqlite3_step(st) == SQLITE_ROW)
		pk->id = sqlite3_column_int64(st, 0);
	else
		err = db_error(q, eb, "menyimpan paket pengadaan");
	sqlite3_finalize(st);
	return err;
}

static jr_err sq_packages_each(struct store *s,
			       jr_err (*fn)(void *ctx, const struct store_package *pk), void *ctx,
			       struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st;
	jr_err perr = prep(q, "SELECT " PACKAGE_COLUMNS
				   "FROM procurement_packages ORDER BY owner, kd_rup", &st, eb);
	if (perr != JR_EOK)
		return perr;
	struct store_package pk;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_package(st, &pk);
		err = fn(ctx, &pk);
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca paket pengadaan");
	sqlite3_finalize(st);
	return err;
}

static jr_err sq_project_upsert(struct store *s, struct store_project *pr, int64_t batch_id,
				enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	char start[DATE_ISO_SIZE], end[DATE_ISO_SIZE];
	sqlite3_stmt *st;
	jr_err perr = prep(q, "SELECT id FROM projects WHERE employer_id = ?1 AND name = ?2 "
				   "AND start_date = ?3", &st, eb);
	if (perr != JR_EOK)
		return perr;
	date_format_iso(pr->start, start);
	if (pr->has_end)
		date_format_iso(pr->end, end);
	sqlite3_bind_int64(st, 1, pr->employer_id);
	sqlite3_bind_text(st, 2, pr->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, start, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(q, eb, "membaca proyek");

	if (id)
		perr = prep(q,
			  "UPDATE projects SET owner = coalesce(?4, owner), value_sen = ?5, "
			  "kd_rup = coalesce(?6, kd_rup), end_date = coalesce(?7, end_date), "
			  "region_code = coalesce(?8, region_code), batch_id = ?9 WHERE id = ?10 AND "
			  "(owner IS NOT coalesce(?4, owner) OR value_sen IS NOT ?5 "
			  "OR kd_rup IS NOT coalesce(?6, kd_rup) OR end_date IS NOT coalesce(?7, end_date) "
			  "OR region_code IS NOT coalesce(?8, region_code))", &st, eb);
	else
		perr = prep(q,
			  "INSERT INTO projects(employer_id, name, start_date, owner, value_sen, kd_rup, "
			  "end_date, region_code, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st, eb);
	if (perr != JR_EOK)
		return perr;
	sqlite3_bind_int64(st, 1, pr->employer_id);
	sqlite3_bind_text(st, 2, pr->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, start, -1, SQLITE_STATIC);
	bind_text_or_null(st, 4, pr->owner);
	sqlite3_bind_int64(st, 5, pr->value_sen);
	bind_text_or_null(st, 6, pr->kd_rup);
	bind_text_or_null(st, 7, pr->has_end ? end : NULL);
	bind_text_or_null(st, 8, pr->region_code);
	bind_int_or_null(st, 9, batch_id);
	if (id)
		sqlite3_bind_int64(st, 10, id);
	jr_err err = run(q, st, eb, "menyimpan proyek");
	if (err != JR_EOK)
		return err;
	if (id) {
		*did = sqlite3_changes(q->db) ? STORE_UPDATED : STORE_UNCHANGED;
		pr->id = id;
	} else {
		*did = STORE_INSERTED;
		pr->id = sqlite3_last_insert_rowid(q->db);
	}
	return JR_EOK;
}

static jr_err sq_project_claim(struct store *s, int64_t id, int64_t employer_id, struct date from,
			       const struct date *to, int64_t *claimed, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
	sqlite3_stmt *st;
	jr_err perr = prep(q,
				"UPDATE memberships SET project_id = ?1 WHERE employer_id = ?2 "
				"AND segment = 'JAKON' AND project_id IS NULL AND start_date >= ?3 "
				"AND (?4 IS NULL OR start_date <= ?4)", &st, eb);
	if (perr != JR_EOK)
		return perr;
	date_format_iso(from, a);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, employer_id);
	sqlite3_bind_text(st, 3, a, -1, SQLITE_STATIC);
	if (to) {
		date_format_iso(*to, b);
		sqlite3_bind_text(st, 4, b, -1, SQLITE_STATIC);
	}
	jr_err err = run(q, st, eb, "mengaitkan peserta JAKON ke proyek");
	if (err == JR_EOK)
		*claimed = sqlite3_changes(q->db);
	return err;
}

static jr_err sq_projects_each(struct store *s,
			       jr_err (*fn)(void *ctx, const struct store_project *pr), void *ctx,
			       struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st;
	jr_err perr = prep(q,
		"SELECT p.id, p.employer_id, e.npp, e.name, p.name, p.owner, p.value_sen, p.kd_rup, "
		"p.start_date, p.end_date, p.region_code, "
		"(SELECT count(*) FROM memberships m WHERE m.project_id = p.id) "
		"FROM projects p JOIN employers e ON e.id = p.employer_id ORDER BY p.id", &st, eb);
	if (perr != JR_EOK)
		return perr;
	struct store_project pr;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&pr, 0, sizeof(pr));
		pr.id = sqlite3_column_int64(st, 0);
		pr.employer_id = sqlite3_column_int64(st, 1);
		copy_col(st, 2, pr.employer_npp, sizeof(pr.employer_npp));
		copy_col(st, 3, pr.employer_name, sizeof(pr.employer_name));
		copy_col(st, 4, pr.name, sizeof(pr.name));
		copy_col(st, 5, pr.owner, sizeof(pr.owner));
		pr.value_sen = sqlite3_column_int64(st, 6);
		copy_col(st, 7, pr.kd_rup, sizeof(pr.kd_rup));
		col_date(st, 8, &pr.start);
		pr.has_end = col_date(st, 9, &pr.end);
		copy_col(st, 10, pr.region_code, sizeof(pr.region_code));
		pr.workers = sqlite3_column_int64(st, 11);
		err = fn(ctx, &pr);
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca proyek");
	sqlite3_finalize(st);
	return err;
}

static jr_err sq_contractor_id(struct store *s, const char *npp, int64_t *id, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st;
	jr_err err = prep(q, "SELECT id FROM employers WHERE npp = ?1", &st, eb);
	if (err != JR_EOK)
		return err;
	sqlite3_bind_text(st, 1, npp, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		err = db_error(q, eb, "mencari pemberi kerja");
	sqlite3_finalize(st);
	return err;
}

const struct store_procurement_ops sqlite_procurement_ops = {
	.contractor_id = sq_contractor_id,
	.package_find = sq_package_find,
	.package_put = sq_package_put,
	.packages_each = sq_packages_each,
	.project_upsert = sq_project_upsert,
	.project_claim = sq_project_claim,
	.projects_each = sq_projects_each,
};
