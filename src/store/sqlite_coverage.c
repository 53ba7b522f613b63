/*
 * sqlite_coverage.c - workforce, targets and the coverage aggregates in
 * SQLite (003_partners.sql explains cov_dim_day, cov_dim_month, cov_state).
 */
#include "compat.h"

#include "store/coverage.h"
#include "store/sqlite_int.h"

static int month_next(int m)
{
	return m % 100 == 12 ? m + 89 : m + 1;
}

static int day_number(struct date d)
{
	return d.year * 10000 + d.month * 100 + d.day;
}

/* ---- refresh ---- */

struct cov_state {
	bool stale;
	int dirty_month; /* 0: none */
	int horizon;     /* 0: cov_month never built */
};

static jr_err state_read(struct sqlite_store *q, struct cov_state *cs, struct errbuf *eb)
{
	sqlite3_stmt *st = sq_prepare(q, "SELECT stale, coalesce(dirty_month, 0), coalesce(horizon, 0) "
				   "FROM cov_state", eb);
	if (!st)
		return JR_EDB;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		cs->stale = sqlite3_column_int(st, 0) != 0;
		cs->dirty_month = sqlite3_column_int(st, 1);
		cs->horizon = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(q, eb, "membaca status cakupan");
	return JR_EOK;
}

/* Rebuilds cov_dim_day from the memberships. */
static jr_err rebuild_days(struct store *s, struct errbuf *eb)
{
	static const char *const sql =
		"DELETE FROM cov_dim_month; DELETE FROM cov_dim_day; DELETE FROM cov_apply;"
		"CREATE TEMP TABLE cov_keyed AS SELECT * FROM cov_membership_keys;"
		"INSERT INTO cov_dim_day(dim, day, key, segment, starts, stops) "
		"  SELECT d.dim, start_day, CASE d.dim WHEN 1 THEN area WHEN 2 THEN sector "
		"  WHEN 3 THEN partner ELSE ekind END AS key, segment, count(*), 0 "
		"  FROM cov_keyed, cov_dims d GROUP BY d.dim, start_day, key, segment;"
		"INSERT INTO cov_dim_day(dim, day, key, segment, starts, stops) "
		"  SELECT d.dim, stop_day, CASE d.dim WHEN 1 THEN area WHEN 2 THEN sector "
		"  WHEN 3 THEN partner ELSE ekind END AS key, segment, 0, count(*) "
		"  FROM cov_keyed, cov_dims d WHERE stop_day IS NOT NULL "
		"  GROUP BY d.dim, stop_day, key, segment "
		"  ON CONFLICT(dim, day, key, segment) DO UPDATE SET stops = stops + excluded.stops;"
		"DROP TABLE temp.cov_keyed;"
		"UPDATE cov_state SET stale = 0, dirty_month = NULL, horizon = NULL;";
	return sq_exec(s, sql, eb);
}

static jr_err int_query(struct sqlite_store *q, const char *sql, int *out, struct errbuf *eb)
{
	sqlite3_stmt *st = sq_prepare(q, sql, eb);
	if (!st)
		return JR_EDB;
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(q, eb, "membaca cakupan");
	return JR_EOK;
}

/* A small map from "key\x1fsegment" to a running count, for one dimension. */
struct keymap {
	char (*name)[48];
	int64_t *active;
	int32_t *slot; /* index + 1; 0 empty */
	size_t n, cap, nslot;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Index of name (added when new); -1 out of memory. */
static ptrdiff_t keymap_at(struct keymap *m, const char *name)
{
	if ((m->n + 1) * 2 > m->nslot) {
		size_t nslot = m->nslot ? m->nslot * 2 : 1024;
		int32_t *slot = calloc(nslot, sizeof(*slot));
		if (!slot)
			return -1;
		for (size_t i = 0; i < m->n; i++) {
			size_t j = hash_str(m->name[i]) & (nslot - 1);
			while (slot[j])
				j = (j + 1) & (nslot - 1);
			slot[j] = (int32_t)i + 1;
		}
		free(m->slot);
		m->slot = slot;
		m->nslot = nslot;
	}
	size_t j = hash_str(name) & (m->nslot - 1);
	while (m->slot[j]) {
		size_t i = (size_t)m->slot[j] - 1;
		if (!strcmp(m->name[i], name))
			return (ptrdiff_t)i;
		j = (j + 1) & (m->nslot - 1);
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 512;
		void *a = realloc(m->name, cap * sizeof(*m->name));
		if (!a)
			return -1;
		m->name = a;
		void *b = realloc(m->active, cap * sizeof(*m->active));
		if (!b)
			return -1;
		m->active = b;
		m->cap = cap;
	}
	snprintf(m->name[m->n], sizeof(m->name[m->n]), "%s", name);
	m->active[m->n] = 0;
	m->slot[j] = (int32_t)m->n + 1;
	return (ptrdiff_t)m->n++;
}

static void keymap_free(struct keymap *m)
{
	free(m->name);
	free(m->active);
	free(m->slot);
}

static ptrdiff_t key_of_row(struct keymap *m, sqlite3_stmt *st, int col)
{
	char name[48];
	snprintf(name, sizeof(name), "%s\x1f%s", (const char *)sqlite3_column_text(st, col),
		 (const char *)sqlite3_column_text(st, col + 1));
	return keymap_at(m, name);
}

/*
 * Rewrites cov_dim_month of dim after month from (kept: nothing before it
 * changed), or every month when from_scratch, up to horizon: each month's
 * row per key is the previous month's plus that month's starts minus stops.
 */
static jr_err derive_months(struct sqlite_store *q, int dim, int from, bool from_scratch,
			    int horizon, struct errbuf *eb)
{
	struct keymap km = {0};
	jr_err err = JR_EOK;
	sqlite3_stmt *del = sq_prepare(q, "DELETE FROM cov_dim_month WHERE dim = ?1 AND month > ?2", eb);
	sqlite3_stmt *base = sq_prepare(q, "SELECT key, segment, active FROM cov_dim_month "
				     "WHERE dim = ?1 AND month = ?2", eb);
	sqlite3_stmt *ev = sq_prepare(q, "SELECT day / 100, key, segment, starts - stops FROM cov_dim_day "
				   "WHERE dim = ?1 AND day >= ?2 ORDER BY day", eb);
	sqlite3_stmt *ins = sq_prepare(q, "INSERT INTO cov_dim_month(dim, month, key, segment, active) "
				    "VALUES (?1, ?2, ?3, ?4, ?5)", eb);
	if (!del || !base || !ev || !ins) {
		err = JR_EDB;
		goto out;
	}
	int rc;
	sqlite3_bind_int(del, 1, dim);
	sqlite3_bind_int(del, 2, from_scratch ? 0 : from);
	if (sqlite3_step(del) != SQLITE_DONE) {
		err = db_error(q, eb, "menghapus cakupan bulanan");
		goto out;
	}
	if (!from_scratch) {
		sqlite3_bind_int(base, 1, dim);
		sqlite3_bind_int(base, 2, from);
		while ((rc = sqlite3_step(base)) == SQLITE_ROW) {
			ptrdiff_t k = key_of_row(&km, base, 0);
			if (k < 0)
				goto nomem;
			km.active[k] = sqlite3_column_int64(base, 2);
		}
		if (rc != SQLITE_DONE) {
			err = db_error(q, eb, "membaca cakupan bulanan");
			goto out;
		}
	}
	sqlite3_bind_int(ev, 1, dim);
	sqlite3_bind_int(ev, 2, from * 100 + 1);
	rc = sqlite3_step(ev);
	for (int m = from; m <= horizon; m = month_next(m)) {
		if (m != from || from_scratch) {
			for (size_t k = 0; k < km.n; k++) {
				if (!km.active[k])
					continue;
				const char *name = km.name[k], *sep = strchr(name, '\x1f');
				sqlite3_bind_int(ins, 1, dim);
				sqlite3_bind_int(ins, 2, m);
				sqlite3_bind_text(ins, 3, name, (int)(sep - name), SQLITE_STATIC);
				sqlite3_bind_text(ins, 4, sep + 1, -1, SQLITE_STATIC);
				sqlite3_bind_int64(ins, 5, km.active[k]);
				if (sqlite3_step(ins) != SQLITE_DONE) {
					err = db_error(q, eb, "menulis cakupan bulanan");
					goto out;
				}
				sqlite3_reset(ins);
			}
		}
		while (rc == SQLITE_ROW && sqlite3_column_int(ev, 0) == m) {
			ptrdiff_t k = key_of_row(&km, ev, 1);
			if (k < 0)
				goto nomem;
			km.active[k] += sqlite3_column_int64(ev, 3);
			rc = sqlite3_step(ev);
		}
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		err = db_error(q, eb, "membaca peristiwa cakupan");
	goto out;
nomem:
	err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk cakupan");
out:
	sqlite3_finalize(del);
	sqlite3_finalize(base);
	sqlite3_finalize(ev);
	sqlite3_finalize(ins);
	keymap_free(&km);
	return err;
}

static jr_err refresh_in_tx(struct store *s, struct date today, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	struct cov_state cs;
	jr_err err = state_read(q, &cs, eb);
	if (err == JR_EOK && cs.stale) {
		err = rebuild_days(s, eb);
		cs.dirty_month = 0;
		cs.horizon = 0;
	}
	if (err != JR_EOK)
		return err;
	int last_event = 0, first_event = 0;
	if ((err = int_query(q, "SELECT coalesce(max(day), 0) / 100 FROM cov_dim_day "
				"WHERE dim = 4", &last_event, eb)) != JR_EOK ||
	    (err = int_query(q, "SELECT coalesce(min(day), 0) / 100 FROM cov_dim_day "
				"WHERE dim = 4", &first_event, eb)) != JR_EOK)
		return err;
	/* A month past today's, so a day late in this month can count back
	 * from the next month's opening figure. */
	int horizon = month_next(today.year * 100 + today.month);
	if (last_event > horizon)
		horizon = last_event;
	if (cs.horizon && !cs.dirty_month && cs.horizon == horizon)
		return JR_EOK;
	bool scratch = !cs.horizon;
	int from = first_event;
	if (!scratch) {
		from = cs.horizon;
		if (cs.dirty_month && cs.dirty_month < from)
			from = cs.dirty_month;
		if (first_event && from < first_event)
			from = first_event;
	}
	if (first_event) {
		for (int d = COV_DIM_DISTRICT; err == JR_EOK && d <= COV_DIM_EKIND; d++)
			err = derive_months(q, d, from, scratch, horizon, eb);
	} else {
		err = sq_exec(s, "DELETE FROM cov_dim_month", eb);
	}
	if (err != JR_EOK)
		return err;
	sqlite3_stmt *st = sq_prepare(q, "UPDATE cov_state SET dirty_month = NULL, horizon = ?1", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int(st, 1, horizon);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? JR_EOK : db_error(q, eb, "menulis status cakupan");
}

static jr_err sqc_refresh(struct store *s, struct date today, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	bool own = sqlite3_get_autocommit(q->db) != 0;
	if (own) {
		/* Nothing to do is the usual case: look before taking the write lock. */
		struct cov_state cs;
		jr_err err = state_read(q, &cs, eb);
		int horizon = month_next(today.year * 100 + today.month);
		if (err != JR_EOK)
			return err;
		if (!cs.stale && !cs.dirty_month && cs.horizon >= horizon)
			return JR_EOK;
		if ((err = sq_exec(s, "BEGIN IMMEDIATE", eb)) != JR_EOK)
			return err;
	}
	jr_err err = refresh_in_tx(s, today, eb);
	if (own) {
		if (err == JR_EOK)
			err = sq_exec(s, "COMMIT", eb);
		if (err != JR_EOK)
			sq_exec(s, "ROLLBACK", &(struct errbuf){0});
	}
	return err;
}

/*
 * Keeping a membership costs about five times what rebuilding costs per
 * membership (measured: 26 us against 5 us of CPU), so a write of more than
 * a fifth of the memberships is cheaper rebuilt.
 */
static jr_err sqc_defer(struct store *s, int64_t rows, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	int have = 0;
	jr_err err = int_query(q, "SELECT coalesce(max(id), 0) FROM memberships", &have, eb);
	if (err != JR_EOK || rows * 5 <= have)
		return err;
	return sq_exec(s, "UPDATE cov_state SET stale = 1 WHERE stale = 0", eb);
}

/* ---- reads ---- */

static jr_err horizon_of(struct sqlite_store *q, int *h, struct errbuf *eb)
{
	return int_query(q, "SELECT coalesce(horizon, 0) FROM cov_state", h, eb);
}

static jr_err sqc_active(struct store *s, enum store_cov_dim dim, struct date day,
			 void (*fn)(void *ctx, const char *key, enum segment seg, int64_t active),
			 void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	int h;
	jr_err err = horizon_of(q, &h, eb);
	if (err != JR_EOK)
		return err;
	int dm = day.year * 100 + day.month, m = dm;
	if (h && m > h)
		m = h;
	int next = month_next(m);
	/* The month's opening figure plus the days of the month up to day; past
	 * the middle of the month, the next month's opening figure minus the
	 * days after day (half the rows at most).  The caller adds them up
	 * (cheaper than a GROUP BY's sorter here). */
	bool back = m == dm && day.day > 15 && h && next <= h;
	sqlite3_stmt *st = sq_prepare(q, back
		? "SELECT key, segment, active FROM cov_dim_month WHERE dim = ?3 AND month = ?1 "
		  "UNION ALL SELECT key, segment, stops - starts FROM cov_dim_day "
		  "WHERE dim = ?3 AND day > ?2 AND day < ?1 * 100 + 1"
		: "SELECT key, segment, active FROM cov_dim_month WHERE dim = ?3 AND month = ?1 "
		  "UNION ALL SELECT key, segment, starts - stops FROM cov_dim_day "
		  "WHERE dim = ?3 AND day BETWEEN ?1 * 100 + 1 AND ?2", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int(st, 1, back ? next : m);
	sqlite3_bind_int(st, 2, day_number(day));
	sqlite3_bind_int(st, 3, dim);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t n = sqlite3_column_int64(st, 2);
		const char *seg = (const char *)sqlite3_column_text(st, 1);
		if (n)
			fn(ctx, (const char *)sqlite3_column_text(st, 0),
			   segment_parse(seg, strlen(seg)), n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(q, eb, "membaca cakupan");
	return JR_EOK;
}

static jr_err sqc_months(struct store *s, int from, int to, struct store_cov_month *out,
			 struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	int h;
	jr_err err = horizon_of(q, &h, eb);
	if (err != JR_EOK)
		return err;
	/* Past the horizon nothing happens, so each month opens where the one
	 * before closed: start at the horizon when the range begins after it. */
	int first = h && from > h ? h : from;
	size_t n = 0, skip = 0;
	for (int m = first; m <= to; m = month_next(m))
		n++;
	for (int m = first; m < from; m = month_next(m))
		skip++;
	struct store_cov_month *all = calloc(n ? n : 1, sizeof(*all));
	if (!all)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk cakupan bulanan");
	size_t i = 0;
	for (int m = first; m <= to; m = month_next(m))
		all[i++].month = m;
	/* Totals from the smallest dimension (employer kind); a month without
	 * rows opened with nobody active. */
	sqlite3_stmt *st = sq_prepare(q,
		"SELECT month, sum(active), 0, 0 FROM cov_dim_month WHERE dim = ?3 "
		"AND month BETWEEN ?1 AND ?2 GROUP BY month UNION ALL "
		"SELECT day / 100, 0, sum(starts), sum(stops) FROM cov_dim_day "
		"WHERE dim = ?3 AND day BETWEEN ?1 * 100 + 1 AND ?2 * 100 + 31 GROUP BY day / 100", eb);
	if (!st) {
		free(all);
		return JR_EDB;
	}
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, to);
	sqlite3_bind_int(st, 3, COV_DIM_EKIND);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int m = sqlite3_column_int(st, 0);
		for (i = 0; i < n; i++) {
			if (all[i].month != m)
				continue;
			all[i].active_start += sqlite3_column_int64(st, 1);
			all[i].starts += sqlite3_column_int64(st, 2);
			all[i].stops += sqlite3_column_int64(st, 3);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(all);
		return db_error(q, eb, "membaca cakupan bulanan");
	}
	for (i = 1; i < n; i++) {
		if (h && all[i].month > h)
			all[i].active_start = all[i - 1].active_start + all[i - 1].starts -
					      all[i - 1].stops;
	}
	memcpy(out, all + skip, (n - skip) * sizeof(*out));
	free(all);
	return JR_EOK;
}

/* ---- workforce and targets ---- */

/*
 * Steps an upsert into a WITHOUT ROWID table, where the rowid cannot tell an
 * insert from an update: exists_sql (bound like st's first params) says
 * whether the key was there.  Finalizes both.
 */
static jr_err upsert_keyed(struct sqlite_store *q, sqlite3_stmt *exists, sqlite3_stmt *st,
			   enum store_upsert *did, struct errbuf *eb, const char *what)
{
	int rc = sqlite3_step(exists);
	bool existed = rc == SQLITE_ROW;
	sqlite3_finalize(exists);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_error(q, eb, what);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(q, eb, what);
	if (did)
		*did = sqlite3_changes(q->db) == 0 ? STORE_UNCHANGED
			: existed ? STORE_UPDATED : STORE_INSERTED;
	return JR_EOK;
}

static jr_err sqc_workforce_put(struct store *s, const struct store_workforce *w,
				int64_t batch_id, enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q,
		"INSERT INTO workforce(region_code, year, sector, segment, workers, source, batch_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(region_code, year, sector, segment) "
		"DO UPDATE SET workers = excluded.workers, source = coalesce(excluded.source, source) "
		"WHERE workers IS NOT excluded.workers OR (excluded.source IS NOT NULL AND "
		"source IS NOT excluded.source)", eb);
	if (!st)
		return JR_EDB;
	sqlite3_stmt *ex = sq_prepare(q, "SELECT 1 FROM workforce WHERE region_code = ?1 AND year = ?2 "
				   "AND sector = ?3 AND segment = ?4", eb);
	if (!ex) {
		sqlite3_finalize(st);
		return JR_EDB;
	}
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *t = i ? ex : st;
		sqlite3_bind_text(t, 1, w->region_code, -1, SQLITE_STATIC);
		sqlite3_bind_int(t, 2, w->year);
		sqlite3_bind_text(t, 3, w->sector, -1, SQLITE_STATIC);
		sqlite3_bind_text(t, 4, w->segment ? segment_name(w->segment) : "ALL", -1,
				  SQLITE_STATIC);
	}
	sqlite3_bind_int64(st, 5, w->workers);
	bind_text_or_null(st, 6, w->source);
	bind_int_or_null(st, 7, batch_id);
	return upsert_keyed(q, ex, st, did, eb, "menyimpan angkatan kerja");
}

static jr_err sqc_workforce_each(struct store *s,
				 jr_err (*fn)(void *ctx, const struct store_workforce *w),
				 void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT region_code, year, sector, segment, workers, "
				   "coalesce(source, '') FROM workforce ORDER BY region_code, year, "
				   "sector, segment", eb);
	if (!st)
		return JR_EDB;
	struct store_workforce w;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *seg = (const char *)sqlite3_column_text(st, 3);
		copy_col(st, 0, w.region_code, sizeof(w.region_code));
		w.year = sqlite3_column_int(st, 1);
		copy_col(st, 2, w.sector, sizeof(w.sector));
		w.segment = seg ? segment_parse(seg, strlen(seg)) : SEG_NONE;
		w.workers = sqlite3_column_int64(st, 4);
		copy_col(st, 5, w.source, sizeof(w.source));
		err = fn(ctx, &w);
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca angkatan kerja");
	sqlite3_finalize(st);
	return err;
}

static jr_err sqc_target_put(struct store *s, const struct store_target *t, int64_t batch_id,
			     enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q,
		"INSERT INTO targets(region_code, year, segment, target, source, batch_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(region_code, year, segment) "
		"DO UPDATE SET target = excluded.target, source = coalesce(excluded.source, source) "
		"WHERE target IS NOT excluded.target OR (excluded.source IS NOT NULL AND "
		"source IS NOT excluded.source)", eb);
	if (!st)
		return JR_EDB;
	sqlite3_stmt *ex = sq_prepare(q, "SELECT 1 FROM targets WHERE region_code = ?1 AND year = ?2 "
				   "AND segment = ?3", eb);
	if (!ex) {
		sqlite3_finalize(st);
		return JR_EDB;
	}
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *x = i ? ex : st;
		sqlite3_bind_text(x, 1, t->region_code, -1, SQLITE_STATIC);
		sqlite3_bind_int(x, 2, t->year);
		sqlite3_bind_text(x, 3, t->segment ? segment_name(t->segment) : "ALL", -1,
				  SQLITE_STATIC);
	}
	sqlite3_bind_int64(st, 4, t->target);
	bind_text_or_null(st, 5, t->source);
	bind_int_or_null(st, 6, batch_id);
	return upsert_keyed(q, ex, st, did, eb, "menyimpan target");
}

static jr_err sqc_targets_each(struct store *s,
			       jr_err (*fn)(void *ctx, const struct store_target *t), void *ctx,
			       struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT region_code, year, segment, target, coalesce(source, '') "
				   "FROM targets ORDER BY region_code, year, segment", eb);
	if (!st)
		return JR_EDB;
	struct store_target t;
	jr_err err = JR_EOK;
	int rc;
	while (err == JR_EOK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *seg = (const char *)sqlite3_column_text(st, 2);
		copy_col(st, 0, t.region_code, sizeof(t.region_code));
		t.year = sqlite3_column_int(st, 1);
		t.segment = seg ? segment_parse(seg, strlen(seg)) : SEG_NONE;
		t.target = sqlite3_column_int64(st, 3);
		copy_col(st, 4, t.source, sizeof(t.source));
		err = fn(ctx, &t);
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca target");
	sqlite3_finalize(st);
	return err;
}

static jr_err sqc_employers_known(struct store *s, int64_t *registered, int64_t *unregistered,
				  struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	int have_links = 0;
	jr_err err = int_query(q, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
				  "AND (name = 'licences' OR name = 'licence_links')", &have_links, eb);
	if (err != JR_EOK)
		return err;
	/* Licensing records count once per NIB when no employer was linked to them. */
	sqlite3_stmt *st = sq_prepare(q, have_links == 2
		? "SELECT (SELECT count(*) FROM employers), (SELECT count(DISTINCT l.nib) "
		  "FROM licences l LEFT JOIN licence_links k ON k.licence_id = l.id "
		  "WHERE NOT ((k.decision = 'match' AND k.confirmed <> -1) OR k.confirmed = 1) "
		  "OR k.licence_id IS NULL)"
		: "SELECT (SELECT count(*) FROM employers), 0", eb);
	if (!st)
		return JR_EDB;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*registered = sqlite3_column_int64(st, 0);
		*unregistered = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? JR_EOK : db_error(q, eb, "menghitung pemberi kerja");
}

static jr_err sqc_region_name(struct store *s, const char *code, char *name, size_t size,
			      bool *found, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = stmt_get(q, ST_REGION_NAME, eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		copy_col(st, 0, name, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? JR_EOK : db_error(q, eb, "membaca wilayah");
}

static jr_err sqc_kbli_sections_each(struct store *s,
				     void (*fn)(void *ctx, const char *letter, const char *title),
				     void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = sq_prepare(q, "SELECT code, title FROM kbli WHERE level = 1 ORDER BY code", eb);
	if (!st)
		return JR_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(st, 0),
		   (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? JR_EOK : db_error(q, eb, "membaca KBLI");
}

const struct store_coverage_ops sqlite_coverage_ops = {
	.refresh = sqc_refresh,
	.defer = sqc_defer,
	.active = sqc_active,
	.months = sqc_months,
	.workforce_put = sqc_workforce_put,
	.workforce_each = sqc_workforce_each,
	.target_put = sqc_target_put,
	.targets_each = sqc_targets_each,
	.employers_known = sqc_employers_known,
	.region_name = sqc_region_name,
	.kbli_sections_each = sqc_kbli_sections_each,
};
