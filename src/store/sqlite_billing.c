/* sqlite_billing.c - the SQLite backend's billing operations: bills, bill
 * lines, payments, allocations, and the bulk feeds of the bill run. */
#include "compat.h"

#include <pthread.h>

#include "store/sqlite_int.h"

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

jr_err sq_bill_next_id(struct store *s, int64_t *id, struct errbuf *eb)
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

jr_err sq_bills_insert(struct store *s, struct store_bill *(*next)(void *ctx), void *ctx,
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

jr_err sq_bill_lines_insert(struct store *s, int period,
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

jr_err sq_employer_briefs_each(struct store *s,
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
	"payer_kind, coalesce(payer_ref, 0), inactive_since IS NOT NULL, "                \
	"CASE WHEN cohort_id IS NULL THEN 0 ELSE (SELECT a.funding = 'SG' OR "            \
	"a.funding = 'SA' FROM cohorts c JOIN agreements a ON a.id = c.agreement_id "     \
	"WHERE c.id = cohort_id) END FROM memberships "                                    \
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
		m->apbd_funded = sqlite3_column_int(st, 9) != 0;
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

jr_err sq_billable_load(struct store *s, struct date first, struct date last,
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

jr_err sq_bills_each(struct store *s, int period,
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

jr_err sq_open_bills_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
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

jr_err sq_bill_update(struct store *s, const struct store_bill *b, struct errbuf *eb)
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

jr_err sq_bill_delete(struct store *s, int64_t id, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_BILL_DELETE, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int64(st, 1, id);
	return step_upsert(q, st, NULL, eb, "menghapus tagihan kosong");
}

jr_err sq_bill_lines_each(struct store *s, int period,
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

jr_err sq_bill_line_replace(struct store *s, int period, const struct store_bill_line *l,
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

jr_err sq_bill_line_delete(struct store *s, int period, int64_t membership_id,
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

jr_err sq_payment_find(struct store *s, const char *reference, struct store_payment *p,
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

jr_err sq_payment_insert(struct store *s, struct store_payment *p, struct errbuf *eb)
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

jr_err sq_payment_set_unallocated(struct store *s, int64_t id, int64_t unallocated_sen,
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

jr_err sq_credits_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
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

jr_err sq_allocation_insert(struct store *s, const struct store_allocation *a,
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

jr_err sq_payer_find(struct store *s, const char *code, enum payer_kind kind,
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

jr_err sq_bpu_set_inactive(struct store *s, int64_t person_nik, const struct date *since,
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
