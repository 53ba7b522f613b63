/*
 * sqlite_licensing.c - the SQLite side of the licensing aggregate
 * (licensing.h, 004_licensing.sql).
 *
 * Statements that run once per row of a large list (licences, link
 * decisions, leads) are prepared once per call of a bulk function and
 * stepped for every row; the others are prepared per call.
 */
#include "compat.h"

#include "store/licensing.h"
#include "store/sqlite_int.h"

static sqlite3_stmt *prepare(struct sqlite_store *q, const char *sql, struct errbuf *eb)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(q, eb, "menyiapkan perintah SQL");
		return NULL;
	}
	return st;
}

static void bind_date(sqlite3_stmt *st, int i, struct date d)
{
	char iso[DATE_ISO_SIZE];
	date_format_iso(d, iso);
	sqlite3_bind_text(st, i, iso, -1, SQLITE_TRANSIENT);
}

static void bind_opt_count(sqlite3_stmt *st, int i, int64_t v)
{
	if (v >= 0)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

#define LICENCE_COLUMNS                                                                 \
	"l.id, l.nib, l.name, l.legal_form, l.address, l.region_code, l.kbli, l.employees, " \
	"l.avg_wage_sen, l.licensed_on, l.npwp "

static void read_licence(sqlite3_stmt *st, int c, struct licence *l)
{
	memset(l, 0, sizeof(*l));
	l->id = sqlite3_column_int64(st, c);
	copy_col(st, c + 1, l->nib, sizeof(l->nib));
	copy_col(st, c + 2, l->name, sizeof(l->name));
	copy_col(st, c + 3, l->legal_form, sizeof(l->legal_form));
	copy_col(st, c + 4, l->address, sizeof(l->address));
	copy_col(st, c + 5, l->region_code, sizeof(l->region_code));
	copy_col(st, c + 6, l->kbli, sizeof(l->kbli));
	l->employees = sqlite3_column_type(st, c + 7) == SQLITE_NULL ? -1
								    : sqlite3_column_int64(st, c + 7);
	l->avg_wage_sen = sqlite3_column_type(st, c + 8) == SQLITE_NULL
				  ? -1
				  : sqlite3_column_int64(st, c + 8);
	col_date(st, c + 9, &l->licensed_on);
	copy_col(st, c + 10, l->npwp, sizeof(l->npwp));
}

static jr_err sq_licences_upsert(struct store *s, struct licence *l, size_t n, int64_t batch_id,
				 enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	static const char sql[] =
		"INSERT INTO licences(nib, name, legal_form, address, region_code, kbli, employees, "
		"avg_wage_sen, licensed_on, npwp, batch_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
		"ON CONFLICT(nib, licensed_on) DO UPDATE SET name = excluded.name, "
		"legal_form = coalesce(excluded.legal_form, legal_form), "
		"address = coalesce(excluded.address, address), "
		"region_code = coalesce(excluded.region_code, region_code), "
		"kbli = coalesce(excluded.kbli, kbli), "
		"employees = coalesce(excluded.employees, employees), "
		"avg_wage_sen = coalesce(excluded.avg_wage_sen, avg_wage_sen), "
		"npwp = coalesce(excluded.npwp, npwp), batch_id = excluded.batch_id "
		"WHERE name IS NOT excluded.name "
		"OR legal_form IS NOT coalesce(excluded.legal_form, legal_form) "
		"OR address IS NOT coalesce(excluded.address, address) "
		"OR region_code IS NOT coalesce(excluded.region_code, region_code) "
		"OR kbli IS NOT coalesce(excluded.kbli, kbli) "
		"OR employees IS NOT coalesce(excluded.employees, employees) "
		"OR avg_wage_sen IS NOT coalesce(excluded.avg_wage_sen, avg_wage_sen) "
		"OR npwp IS NOT coalesce(excluded.npwp, npwp)";
	sqlite3_stmt *st = prepare(q, sql, eb), *id_st;
	if (!st)
		return JR_EDB;
	id_st = prepare(q, "SELECT id FROM licences WHERE nib = ?1 AND licensed_on = ?2", eb);
	if (!id_st) {
		sqlite3_finalize(st);
		return JR_EDB;
	}
	jr_err err = JR_EOK;
	for (size_t i = 0; i < n && err == JR_EOK; i++) {
		enum store_upsert d = STORE_UNCHANGED;
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		sqlite3_bind_text(st, 1, l[i].nib, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, l[i].name, -1, SQLITE_STATIC);
		bind_text_or_null(st, 3, l[i].legal_form);
		bind_text_or_null(st, 4, l[i].address);
		bind_text_or_null(st, 5, l[i].region_code);
		bind_text_or_null(st, 6, l[i].kbli);
		bind_opt_count(st, 7, l[i].employees);
		bind_opt_count(st, 8, l[i].avg_wage_sen);
		bind_date(st, 9, l[i].licensed_on);
		bind_text_or_null(st, 10, l[i].npwp);
		bind_int_or_null(st, 11, batch_id);
		err = step_upsert(q, st, &d, eb, "menyimpan izin usaha");
		if (err != JR_EOK)
			break;
		if (did)
			did[i] = d;
		if (d == STORE_INSERTED) {
			l[i].id = sqlite3_last_insert_rowid(q->db);
			continue;
		}
		sqlite3_reset(id_st);
		sqlite3_bind_text(id_st, 1, l[i].nib, -1, SQLITE_STATIC);
		bind_date(id_st, 2, l[i].licensed_on);
		if (sqlite3_step(id_st) == SQLITE_ROW)
			l[i].id = sqlite3_column_int64(id_st, 0);
		else
			err = db_error(q, eb, "membaca izin usaha");
	}
	sqlite3_finalize(st);
	sqlite3_finalize(id_st);
	return err;
}

static jr_err sq_licences_each(struct store *s, jr_err (*fn)(void *ctx, const struct licence *l),
			       void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(q, "SELECT " LICENCE_COLUMNS "FROM licences l ORDER BY l.id", eb);
	struct licence l;
	jr_err err = JR_EOK;
	int rc;
	if (!st)
		return JR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_licence(st, 0, &l);
		if ((err = fn(ctx, &l)) != JR_EOK)
			break;
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca izin usaha");
	sqlite3_finalize(st);
	return err;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static jr_err sq_link_employers_each(struct store *s,
				     jr_err (*fn)(void *ctx, const struct store_link_employer *e),
				     void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(q, "SELECT id, npp, name, nib, npwp, region_code FROM employers",
				   eb);
	jr_err err = JR_EOK;
	int rc;
	if (!st)
		return JR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_link_employer e = {
			sqlite3_column_int64(st, 0), col_text(st, 1), col_text(st, 2),
			col_text(st, 3),	     col_text(st, 4), col_text(st, 5),
		};
		if ((err = fn(ctx, &e)) != JR_EOK)
			break;
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca pemberi kerja");
	sqlite3_finalize(st);
	return err;
}

static void bind_link(sqlite3_stmt *st, const struct store_link *l)
{
	sqlite3_bind_int64(st, 1, l->licence_id);
	sqlite3_bind_text(st, 2, link_decision_name(l->decision), -1, SQLITE_STATIC);
	bind_int_or_null(st, 3, l->employer_id);
	sqlite3_bind_double(st, 4, l->score);
	bind_text_or_null(st, 5, l->why);
	sqlite3_bind_int(st, 6, l->confirmed);
	bind_text_or_null(st, 7, l->decided_by);
	bind_text_or_null(st, 8, l->decided_at);
}

static jr_err sq_links_put(struct store *s, const struct store_link *l, size_t n, size_t *kept,
			   struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	/* An officer's decision (confirmed <> 0) is never overwritten by the linker. */
	static const char sql[] =
		"INSERT INTO licence_links(licence_id, decision, employer_id, score, why, confirmed, "
		"decided_by, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
		"ON CONFLICT(licence_id) DO UPDATE SET decision = excluded.decision, "
		"employer_id = excluded.employer_id, score = excluded.score, why = excluded.why "
		"WHERE confirmed = 0";
	sqlite3_stmt *st = prepare(q, sql, eb);
	jr_err err = JR_EOK;
	size_t k = 0;
	if (!st)
		return JR_EDB;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		bind_link(st, &l[i]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			err = db_error(q, eb, "menyimpan keputusan pencocokan");
			break;
		}
		if (sqlite3_changes(q->db) == 0)
			k++;
	}
	sqlite3_finalize(st);
	if (kept)
		*kept = k;
	return err;
}

static jr_err sq_link_decide(struct store *s, const struct store_link *l, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(q,
				   "INSERT OR REPLACE INTO licence_links(licence_id, decision, "
				   "employer_id, score, why, confirmed, decided_by, decided_at) "
				   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				   eb);
	if (!st)
		return JR_EDB;
	bind_link(st, l);
	jr_err err = JR_EOK;
	if (sqlite3_step(st) != SQLITE_DONE)
		err = db_error(q, eb, "menyimpan keputusan petugas");
	sqlite3_finalize(st);
	return err;
}

static enum link_decision decision_parse(const char *s)
{
	if (!strcmp(s, "match"))
		return LINK_MATCH;
	if (!strcmp(s, "review"))
		return LINK_REVIEW;
	if (!strcmp(s, "none"))
		return LINK_NO_MATCH;
	return LINK_NONE_YET;
}

static jr_err sq_link_rows_each(struct store *s, enum link_decision only, int64_t licence_id,
				jr_err (*fn)(void *ctx, const struct store_link_row *r), void *ctx,
				struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(
		q,
		"SELECT " LICENCE_COLUMNS ", k.decision, coalesce(k.employer_id, 0), "
		"coalesce(k.score, 0), k.why, coalesce(k.confirmed, 0), k.decided_by, k.decided_at, "
		"e.npp, e.name FROM licences l LEFT JOIN licence_links k ON k.licence_id = l.id "
		"LEFT JOIN employers e ON e.id = k.employer_id "
		"WHERE (?1 IS NULL OR k.decision = ?1) AND (?2 = 0 OR l.id = ?2) ORDER BY l.id",
		eb);
	if (!st)
		return JR_EDB;
	if (only != LINK_NONE_YET)
		sqlite3_bind_text(st, 1, link_decision_name(only), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, licence_id);
	struct licence l;
	struct store_link k;
	char npp[NPP_SIZE], name[NAME_MAX_BYTES + 1], dec[16];
	struct store_link_row r = {&l, &k, npp, name};
	jr_err err = JR_EOK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_licence(st, 0, &l);
		memset(&k, 0, sizeof(k));
		k.licence_id = l.id;
		copy_col(st, 11, dec, sizeof(dec));
		k.decision = decision_parse(dec);
		k.employer_id = sqlite3_column_int64(st, 12);
		k.score = sqlite3_column_double(st, 13);
		copy_col(st, 14, k.why, sizeof(k.why));
		k.confirmed = sqlite3_column_int(st, 15);
		copy_col(st, 16, k.decided_by, sizeof(k.decided_by));
		copy_col(st, 17, k.decided_at, sizeof(k.decided_at));
		copy_col(st, 18, npp, sizeof(npp));
		copy_col(st, 19, name, sizeof(name));
		if ((err = fn(ctx, &r)) != JR_EOK)
			break;
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca keputusan pencocokan");
	sqlite3_finalize(st);
	return err;
}

/* ---- leads ---- */

#define LEAD_COLUMNS                                                                   \
	"id, source, source_ref, name, region_code, kbli, coalesce(risk_group, 0), workers, " \
	"monthly_sen, status, officer, created_on, status_on, note "

static void read_lead(sqlite3_stmt *st, struct store_lead *l)
{
	char status[16];
	memset(l, 0, sizeof(*l));
	l->id = sqlite3_column_int64(st, 0);
	copy_col(st, 1, l->source, sizeof(l->source));
	copy_col(st, 2, l->source_ref, sizeof(l->source_ref));
	copy_col(st, 3, l->name, sizeof(l->name));
	copy_col(st, 4, l->region_code, sizeof(l->region_code));
	copy_col(st, 5, l->kbli, sizeof(l->kbli));
	l->risk_group = sqlite3_column_int(st, 6);
	l->workers = sqlite3_column_int64(st, 7);
	l->monthly_sen = sqlite3_column_int64(st, 8);
	copy_col(st, 9, status, sizeof(status));
	l->status = lead_status_parse(status, strlen(status));
	copy_col(st, 10, l->officer, sizeof(l->officer));
	col_date(st, 11, &l->created_on);
	col_date(st, 12, &l->status_on);
	copy_col(st, 13, l->note, sizeof(l->note));
}

static jr_err sq_lead_get(struct store *s, int64_t id, struct store_lead *out, bool *found,
			  struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(q, "SELECT " LEAD_COLUMNS "FROM leads WHERE id = ?1", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_lead(st, out);
	jr_err err = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? JR_EOK
							     : db_error(q, eb, "membaca prospek");
	sqlite3_finalize(st);
	return err;
}

enum { R_FIND, R_INSERT, R_EVENT, R_UPDATE, R_OTHERS, R_UNTOUCHED, R_DEL_EVENTS, R_DEL, R_COUNT };

static const char *const refresh_sql[R_COUNT] = {
	[R_FIND] = "SELECT id FROM leads WHERE source = ?1 AND source_ref = ?2",
	[R_INSERT] = "INSERT INTO leads(source, source_ref, name, region_code, kbli, risk_group, "
		     "workers, monthly_sen, status, created_on, status_on) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'new', ?9, ?9)",
	[R_EVENT] = "INSERT INTO lead_events(lead_id, status, on_date) VALUES (?1, 'new', ?2)",
	[R_UPDATE] = "UPDATE leads SET name = ?2, region_code = ?3, kbli = ?4, risk_group = ?5, "
		     "workers = ?6, monthly_sen = ?7 WHERE id = ?1 AND (name IS NOT ?2 "
		     "OR region_code IS NOT ?3 OR kbli IS NOT ?4 OR risk_group IS NOT ?5 "
		     "OR workers IS NOT ?6 OR monthly_sen IS NOT ?7)",
	[R_OTHERS] = "SELECT id, source_ref FROM leads WHERE source = ?1 AND status = 'new'",
	[R_UNTOUCHED] = "SELECT count(*) FROM lead_events WHERE lead_id = ?1",
	[R_DEL_EVENTS] = "DELETE FROM lead_events WHERE lead_id = ?1",
	[R_DEL] = "DELETE FROM leads WHERE id = ?1",
};

static int cmp_ref(const void *key, const void *elem)
{
	return strcmp(key, ((const struct store_lead *)elem)->source_ref);
}

static jr_err refresh_one(struct sqlite_store *q, sqlite3_stmt **st, const char *source,
			  const struct store_lead *l, const char *today,
			  struct store_leads_refresh *r, struct errbuf *eb)
{
	sqlite3_stmt *f = st[R_FIND];
	sqlite3_reset(f);
	sqlite3_bind_text(f, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(f, 2, l->source_ref, -1, SQLITE_STATIC);
	int rc = sqlite3_step(f);
	if (rc == SQLITE_ROW) {
		sqlite3_stmt *u = st[R_UPDATE];
		sqlite3_reset(u);
		sqlite3_bind_int64(u, 1, sqlite3_column_int64(f, 0));
		sqlite3_bind_text(u, 2, l->name, -1, SQLITE_STATIC);
		bind_text_or_null(u, 3, l->region_code);
		bind_text_or_null(u, 4, l->kbli);
		bind_int_or_null(u, 5, l->risk_group);
		sqlite3_bind_int64(u, 6, l->workers);
		sqlite3_bind_int64(u, 7, l->monthly_sen);
		if (sqlite3_step(u) != SQLITE_DONE)
			return db_error(q, eb, "memperbarui prospek");
		if (sqlite3_changes(q->db))
			r->updated++;
		else
			r->unchanged++;
		return JR_EOK;
	}
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "mencari prospek");
	sqlite3_stmt *i = st[R_INSERT];
	sqlite3_reset(i);
	sqlite3_bind_text(i, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(i, 2, l->source_ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(i, 3, l->name, -1, SQLITE_STATIC);
	bind_text_or_null(i, 4, l->region_code);
	bind_text_or_null(i, 5, l->kbli);
	bind_int_or_null(i, 6, l->risk_group);
	sqlite3_bind_int64(i, 7, l->workers);
	sqlite3_bind_int64(i, 8, l->monthly_sen);
	sqlite3_bind_text(i, 9, today, -1, SQLITE_STATIC);
	if (sqlite3_step(i) != SQLITE_DONE)
		return db_error(q, eb, "menyimpan prospek");
	sqlite3_stmt *e = st[R_EVENT];
	sqlite3_reset(e);
	sqlite3_bind_int64(e, 1, sqlite3_last_insert_rowid(q->db));
	sqlite3_bind_text(e, 2, today, -1, SQLITE_STATIC);
	if (sqlite3_step(e) != SQLITE_DONE)
		return db_error(q, eb, "menyimpan riwayat prospek");
	r->inserted++;
	return JR_EOK;
}

/* Deletes the source's untouched leads that are no longer leads. */
static jr_err drop_stale(struct sqlite_store *q, sqlite3_stmt **st, const char *source,
			 const struct store_lead *l, size_t n, struct store_leads_refresh *r,
			 struct errbuf *eb)
{
	int64_t *gone = NULL;
	size_t ngone = 0, cap = 0;
	jr_err err = JR_EOK;
	sqlite3_stmt *o = st[R_OTHERS];
	int rc;
	sqlite3_bind_text(o, 1, source, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(o)) == SQLITE_ROW) {
		const char *ref = (const char *)sqlite3_column_text(o, 1);
		if (ref && n && bsearch(ref, l, n, sizeof(*l), cmp_ref))
			continue;
		int64_t id = sqlite3_column_int64(o, 0);
		sqlite3_stmt *c = st[R_UNTOUCHED];
		sqlite3_reset(c);
		sqlite3_bind_int64(c, 1, id);
		if (sqlite3_step(c) != SQLITE_ROW || sqlite3_column_int64(c, 0) > 1)
			continue;
		if (ngone == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			int64_t *ng = realloc(gone, ncap * sizeof(*ng));
			if (!ng) {
				free(gone);
				return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
			}
			gone = ng;
			cap = ncap;
		}
		gone[ngone++] = id;
	}
	if (rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca prospek");
	sqlite3_reset(o);
	for (size_t i = 0; i < ngone && err == JR_EOK; i++) {
		for (int k = R_DEL_EVENTS; k <= R_DEL && err == JR_EOK; k++) {
			sqlite3_reset(st[k]);
			sqlite3_bind_int64(st[k], 1, gone[i]);
			if (sqlite3_step(st[k]) != SQLITE_DONE)
				err = db_error(q, eb, "menghapus prospek");
		}
		r->dropped++;
	}
	free(gone);
	return err;
}

static jr_err sq_leads_refresh(struct store *s, const char *source, const struct store_lead *l,
			       size_t n, struct date today, struct store_leads_refresh *r,
			       struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st[R_COUNT] = {0};
	struct store_leads_refresh counts = {0};
	char day[DATE_ISO_SIZE];
	jr_err err = JR_EOK;
	date_format_iso(today, day);
	for (int k = 0; k < R_COUNT && err == JR_EOK; k++)
		if (!(st[k] = prepare(q, refresh_sql[k], eb)))
			err = JR_EDB;
	for (size_t i = 0; i < n && err == JR_EOK; i++)
		err = refresh_one(q, st, source, &l[i], day, &counts, eb);
	if (err == JR_EOK)
		err = drop_stale(q, st, source, l, n, &counts, eb);
	for (int k = 0; k < R_COUNT; k++)
		sqlite3_finalize(st[k]);
	if (r)
		*r = counts;
	return err;
}

static jr_err sq_lead_update_status(struct store *s, const struct store_lead *l,
				    struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(q,
				   "UPDATE leads SET status = ?2, status_on = ?3, officer = ?4, "
				   "note = ?5 WHERE id = ?1",
				   eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, l->id);
	sqlite3_bind_text(st, 2, lead_status_name(l->status), -1, SQLITE_STATIC);
	bind_date(st, 3, l->status_on);
	bind_text_or_null(st, 4, l->officer);
	bind_text_or_null(st, 5, l->note);
	jr_err err = JR_EOK;
	if (sqlite3_step(st) != SQLITE_DONE)
		err = db_error(q, eb, "memperbarui prospek");
	sqlite3_finalize(st);
	return err;
}

static jr_err sq_leads_each(struct store *s, enum lead_status only,
			    jr_err (*fn)(void *ctx, const struct store_lead *l), void *ctx,
			    struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(q,
				   "SELECT " LEAD_COLUMNS "FROM leads WHERE ?1 IS NULL OR status = ?1 "
				   "ORDER BY monthly_sen DESC, workers DESC, id",
				   eb);
	if (!st)
		return JR_EDB;
	if (only != LEAD_NONE)
		sqlite3_bind_text(st, 1, lead_status_name(only), -1, SQLITE_STATIC);
	struct store_lead l;
	jr_err err = JR_EOK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_lead(st, &l);
		if ((err = fn(ctx, &l)) != JR_EOK)
			break;
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca prospek");
	sqlite3_finalize(st);
	return err;
}

static jr_err sq_lead_event_add(struct store *s, struct store_lead_event *e, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(q,
				   "INSERT INTO lead_events(lead_id, status, on_date, officer, note) "
				   "VALUES (?1, ?2, ?3, ?4, ?5)",
				   eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, e->lead_id);
	sqlite3_bind_text(st, 2, lead_status_name(e->status), -1, SQLITE_STATIC);
	bind_date(st, 3, e->on);
	bind_text_or_null(st, 4, e->officer);
	bind_text_or_null(st, 5, e->note);
	jr_err err = JR_EOK;
	if (sqlite3_step(st) != SQLITE_DONE)
		err = db_error(q, eb, "menyimpan riwayat prospek");
	else
		e->id = sqlite3_last_insert_rowid(q->db);
	sqlite3_finalize(st);
	return err;
}

static jr_err sq_lead_events_each(struct store *s, int64_t lead_id,
				  jr_err (*fn)(void *ctx, const struct store_lead_event *e),
				  void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prepare(q,
				   "SELECT id, lead_id, status, on_date, officer, note FROM lead_events "
				   "WHERE ?1 = 0 OR lead_id = ?1 ORDER BY lead_id, on_date, id",
				   eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, lead_id);
	struct store_lead_event e;
	char status[16];
	jr_err err = JR_EOK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&e, 0, sizeof(e));
		e.id = sqlite3_column_int64(st, 0);
		e.lead_id = sqlite3_column_int64(st, 1);
		copy_col(st, 2, status, sizeof(status));
		e.status = lead_status_parse(status, strlen(status));
		col_date(st, 3, &e.on);
		copy_col(st, 4, e.officer, sizeof(e.officer));
		copy_col(st, 5, e.note, sizeof(e.note));
		if ((err = fn(ctx, &e)) != JR_EOK)
			break;
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca riwayat prospek");
	sqlite3_finalize(st);
	return err;
}

const struct store_licensing_ops sqlite_licensing_ops = {
	.licences_upsert = sq_licences_upsert,
	.licences_each = sq_licences_each,
	.link_employers_each = sq_link_employers_each,
	.links_put = sq_links_put,
	.link_decide = sq_link_decide,
	.link_rows_each = sq_link_rows_each,
	.lead_get = sq_lead_get,
	.leads_refresh = sq_leads_refresh,
	.lead_update_status = sq_lead_update_status,
	.leads_each = sq_leads_each,
	.lead_event_add = sq_lead_event_add,
	.lead_events_each = sq_lead_events_each,
};
