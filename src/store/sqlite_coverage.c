/*
 * sqlite_coverage.c - workforce, targets and the coverage aggregates in
 * SQLite (003_partners.sql explains cov_cells, cov_day, cov_month).
 */
#include "compat.h"

#include "store/coverage.h"
#include "store/sqlite_int.h"

static sqlite3_stmt *prep(struct sqlite_store *q, const char *sql, struct errbuf *eb)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(q, eb, "menyiapkan perintah cakupan");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

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
	sqlite3_stmt *st = prep(q, "SELECT stale, coalesce(dirty_month, 0), coalesce(horizon, 0) "
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

/* Rebuilds cov_cells and cov_day from the memberships. */
static jr_err rebuild_days(struct store *s, struct errbuf *eb)
{
	static const char *const sql =
		"DELETE FROM cov_month; DELETE FROM cov_day; DELETE FROM cov_cells;"
		"INSERT INTO cov_cells(area, segment, sector, partner_id, ekind) "
		"  SELECT DISTINCT area, segment, sector, partner_id, ekind "
		"  FROM cov_membership_cell_key;"
		"CREATE TEMP TABLE cov_keyed AS SELECT c.id AS cell, k.start_day, k.stop_day "
		"  FROM cov_membership_cell_key k JOIN cov_cells c ON c.area = k.area "
		"  AND c.segment = k.segment AND c.sector = k.sector "
		"  AND c.partner_id = k.partner_id AND c.ekind = k.ekind "
		"  WHERE k.stop_day IS NULL OR k.stop_day > k.start_day;"
		"INSERT INTO cov_day(cell, day, starts, stops) "
		"  SELECT cell, start_day, count(*), 0 FROM cov_keyed GROUP BY cell, start_day;"
		"INSERT INTO cov_day(cell, day, starts, stops) "
		"  SELECT cell, stop_day, 0, count(*) FROM cov_keyed WHERE stop_day IS NOT NULL "
		"  GROUP BY cell, stop_day "
		"  ON CONFLICT(cell, day) DO UPDATE SET stops = stops + excluded.stops;"
		"DROP TABLE temp.cov_keyed;"
		"UPDATE cov_state SET stale = 0, dirty_month = NULL, horizon = NULL;";
	return sq_exec(s, sql, eb);
}

static jr_err max_cell(struct sqlite_store *q, int64_t *n, struct errbuf *eb)
{
	sqlite3_stmt *st = prep(q, "SELECT coalesce(max(id), 0), "
				   "(SELECT coalesce(max(day), 0) / 100 FROM cov_day) FROM cov_cells", eb);
	if (!st)
		return JR_EDB;
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(q, eb, "membaca sel cakupan");
	return JR_EOK;
}

static jr_err int_query(struct sqlite_store *q, const char *sql, int *out, struct errbuf *eb)
{
	sqlite3_stmt *st = prep(q, sql, eb);
	if (!st)
		return JR_EDB;
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(q, eb, "membaca cakupan");
	return JR_EOK;
}

/*
 * Rewrites cov_month after month from (kept: nothing before it changed), or
 * every month when from_scratch, up to horizon: each month's row per cell
 * is the previous month's plus that month's starts minus stops.
 */
static jr_err rebuild_months(struct sqlite_store *q, int from, bool from_scratch, int horizon,
			     struct errbuf *eb)
{
	int64_t ncell;
	jr_err err = max_cell(q, &ncell, eb);
	if (err != JR_EOK)
		return err;
	int64_t *active = calloc((size_t)ncell + 1, sizeof(*active));
	if (!active)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk cakupan");
	sqlite3_stmt *del = NULL, *base = NULL, *ev = NULL, *ins = NULL;
	del = prep(q, "DELETE FROM cov_month WHERE month > ?1", eb);
	base = prep(q, "SELECT cell, active FROM cov_month WHERE month = ?1", eb);
	ev = prep(q, "SELECT day / 100, cell, starts - stops FROM cov_day WHERE day >= ?1 "
		     "ORDER BY day", eb);
	ins = prep(q, "INSERT INTO cov_month(month, cell, active) VALUES (?1, ?2, ?3)", eb);
	if (!del || !base || !ev || !ins) {
		err = JR_EDB;
		goto out;
	}
	int rc;
	sqlite3_bind_int(del, 1, from_scratch ? 0 : from);
	if (sqlite3_step(del) != SQLITE_DONE) {
		err = db_error(q, eb, "menghapus cakupan bulanan");
		goto out;
	}
	if (!from_scratch) {
		sqlite3_bind_int(base, 1, from);
		while ((rc = sqlite3_step(base)) == SQLITE_ROW) {
			int64_t c = sqlite3_column_int64(base, 0);
			if (c >= 0 && c <= ncell)
				active[c] = sqlite3_column_int64(base, 1);
		}
		if (rc != SQLITE_DONE) {
			err = db_error(q, eb, "membaca cakupan bulanan");
			goto out;
		}
	}
	sqlite3_bind_int(ev, 1, from * 100 + 1);
	rc = sqlite3_step(ev);
	for (int m = from; m <= horizon; m = month_next(m)) {
		if (m != from || from_scratch) {
			for (int64_t c = 1; c <= ncell; c++) {
				if (!active[c])
					continue;
				sqlite3_bind_int(ins, 1, m);
				sqlite3_bind_int64(ins, 2, c);
				sqlite3_bind_int64(ins, 3, active[c]);
				if (sqlite3_step(ins) != SQLITE_DONE) {
					err = db_error(q, eb, "menulis cakupan bulanan");
					goto out;
				}
				sqlite3_reset(ins);
			}
		}
		while (rc == SQLITE_ROW && sqlite3_column_int(ev, 0) == m) {
			int64_t c = sqlite3_column_int64(ev, 1);
			if (c >= 0 && c <= ncell)
				active[c] += sqlite3_column_int64(ev, 2);
			rc = sqlite3_step(ev);
		}
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		err = db_error(q, eb, "membaca peristiwa cakupan");
out:
	sqlite3_finalize(del);
	sqlite3_finalize(base);
	sqlite3_finalize(ev);
	sqlite3_finalize(ins);
	free(active);
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
	if ((err = int_query(q, "SELECT coalesce(max(day), 0) / 100 FROM cov_day", &last_event,
			     eb)) != JR_EOK ||
	    (err = int_query(q, "SELECT coalesce(min(day), 0) / 100 FROM cov_day", &first_event,
			     eb)) != JR_EOK)
		return err;
	int horizon = today.year * 100 + today.month;
	if (last_event > horizon)
		horizon = last_event;
	if (cs.horizon && !cs.dirty_month && cs.horizon == horizon)
		return JR_EOK;
	if (!cs.horizon) {
		if (first_event)
			err = rebuild_months(q, first_event, true, horizon, eb);
	} else {
		int from = cs.horizon;
		if (cs.dirty_month && cs.dirty_month < from)
			from = cs.dirty_month;
		if (first_event && from < first_event)
			from = first_event;
		err = rebuild_months(q, from, false, horizon, eb);
	}
	if (err != JR_EOK)
		return err;
	sqlite3_stmt *st = prep(q, "UPDATE cov_state SET dirty_month = NULL, horizon = ?1", eb);
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
		int horizon = today.year * 100 + today.month;
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

/* ---- reads ---- */

static jr_err sqc_cells(struct store *s, struct store_cov_cell **out, size_t *n,
			struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = prep(q, "SELECT id, area, segment, sector, partner_id, ekind "
				   "FROM cov_cells ORDER BY id", eb);
	if (!st)
		return JR_EDB;
	size_t cap = 0;
	jr_err err = JR_EOK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			struct store_cov_cell *p = realloc(*out, ncap * sizeof(**out));
			if (!p) {
				err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk sel cakupan");
				break;
			}
			*out = p;
			cap = ncap;
		}
		struct store_cov_cell *c = &(*out)[(*n)++];
		const char *t;
		c->id = sqlite3_column_int64(st, 0);
		copy_col(st, 1, c->area, sizeof(c->area));
		t = (const char *)sqlite3_column_text(st, 2);
		c->segment = t ? segment_parse(t, strlen(t)) : SEG_NONE;
		copy_col(st, 3, c->sector, sizeof(c->sector));
		c->partner_id = sqlite3_column_int64(st, 4);
		t = (const char *)sqlite3_column_text(st, 5);
		c->ekind = t ? employer_kind_parse(t, strlen(t)) : EKIND_NONE;
	}
	if (err == JR_EOK && rc != SQLITE_DONE)
		err = db_error(q, eb, "membaca sel cakupan");
	sqlite3_finalize(st);
	if (err != JR_EOK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return err;
}

static jr_err horizon_of(struct sqlite_store *q, int *h, struct errbuf *eb)
{
	return int_query(q, "SELECT coalesce(horizon, 0) FROM cov_state", h, eb);
}

static jr_err sqc_active(struct store *s, struct date day,
			 void (*fn)(void *ctx, int64_t cell, int64_t active), void *ctx,
			 struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	int h;
	jr_err err = horizon_of(q, &h, eb);
	if (err != JR_EOK)
		return err;
	int m = day.year * 100 + day.month;
	if (h && m > h)
		m = h;
	/* The month's opening figure plus the days of the month up to day. */
	sqlite3_stmt *st = prep(q,
		"SELECT cell, sum(n) FROM ("
		"  SELECT cell, active AS n FROM cov_month WHERE month = ?1 "
		"  UNION ALL SELECT cell, starts - stops FROM cov_day "
		"  WHERE day BETWEEN ?1 * 100 + 1 AND ?2) GROUP BY cell", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_int(st, 1, m);
	sqlite3_bind_int(st, 2, day_number(day));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t n = sqlite3_column_int64(st, 1);
		if (n)
			fn(ctx, sqlite3_column_int64(st, 0), n);
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
	/* A month without cov_month rows opened with nobody active. */
	sqlite3_stmt *st = prep(q,
		"SELECT month, sum(active), 0, 0 FROM cov_month WHERE month BETWEEN ?1 AND ?2 "
		"GROUP BY month UNION ALL "
		"SELECT day / 100, 0, sum(starts), sum(stops) FROM cov_day "
		"WHERE day BETWEEN ?1 * 100 + 1 AND ?2 * 100 + 31 GROUP BY day / 100", eb);
	if (!st) {
		free(all);
		return JR_EDB;
	}
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, to);
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

static jr_err sqc_workforce_put(struct store *s, const struct store_workforce *w,
				int64_t batch_id, enum store_upsert *did, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prep(q,
		"INSERT INTO workforce(region_code, year, sector, segment, workers, source, batch_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(region_code, year, sector, segment) "
		"DO UPDATE SET workers = excluded.workers, source = coalesce(excluded.source, source) "
		"WHERE workers IS NOT excluded.workers OR (excluded.source IS NOT NULL AND "
		"source IS NOT excluded.source)", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, w->region_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, w->year);
	sqlite3_bind_text(st, 3, w->sector, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, w->segment ? segment_name(w->segment) : "ALL", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, w->workers);
	bind_text_or_null(st, 6, w->source);
	bind_int_or_null(st, 7, batch_id);
	jr_err rc = step_upsert(q, st, did, eb, "menyimpan angkatan kerja");
	sqlite3_finalize(st);
	return rc;
}

static jr_err sqc_workforce_each(struct store *s,
				 jr_err (*fn)(void *ctx, const struct store_workforce *w),
				 void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prep(q, "SELECT region_code, year, sector, segment, workers, "
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
	sqlite3_stmt *st = prep(q,
		"INSERT INTO targets(region_code, year, segment, target, source, batch_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(region_code, year, segment) "
		"DO UPDATE SET target = excluded.target, source = coalesce(excluded.source, source) "
		"WHERE target IS NOT excluded.target OR (excluded.source IS NOT NULL AND "
		"source IS NOT excluded.source)", eb);
	if (!st)
		return JR_EDB;
	sqlite3_bind_text(st, 1, t->region_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, t->year);
	sqlite3_bind_text(st, 3, t->segment ? segment_name(t->segment) : "ALL", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, t->target);
	bind_text_or_null(st, 5, t->source);
	bind_int_or_null(st, 6, batch_id);
	jr_err rc = step_upsert(q, st, did, eb, "menyimpan target");
	sqlite3_finalize(st);
	return rc;
}

static jr_err sqc_targets_each(struct store *s,
			       jr_err (*fn)(void *ctx, const struct store_target *t), void *ctx,
			       struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prep(q, "SELECT region_code, year, segment, target, coalesce(source, '') "
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
	sqlite3_stmt *st = prep(q, have_links == 2
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

static jr_err sqc_kbli_sections_each(struct store *s,
				     void (*fn)(void *ctx, const char *letter, const char *title),
				     void *ctx, struct errbuf *eb)
{
	struct sqlite_store *q = sq(s);
	sqlite3_stmt *st = prep(q, "SELECT code, title FROM kbli WHERE level = 1 ORDER BY code", eb);
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
	.cells = sqc_cells,
	.active = sqc_active,
	.months = sqc_months,
	.workforce_put = sqc_workforce_put,
	.workforce_each = sqc_workforce_each,
	.target_put = sqc_target_put,
	.targets_each = sqc_targets_each,
	.employers_known = sqc_employers_known,
	.kbli_sections_each = sqc_kbli_sections_each,
};
