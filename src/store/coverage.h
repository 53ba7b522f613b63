/*
 * coverage.h - the store's workforce, targets and coverage aggregates
 * (003_partners.sql: cov_cells, cov_day, cov_month, cov_state).
 *
 * Triggers keep cov_day exact as memberships change; store_coverage_refresh
 * brings cov_month up to date (and rebuilds cov_day when an employer or
 * person change moved memberships between cells).  Reads after a refresh
 * cost a few thousand rows whatever the number of memberships.
 */
#ifndef JARING_STORE_COVERAGE_H
#define JARING_STORE_COVERAGE_H

#include "compat.h"
#include "core/err.h"
#include "core/model.h"
#include "store/store.h"

/* The dimensions the aggregates keep, each with the segment. */
enum store_cov_dim {
	COV_DIM_DISTRICT = 1, /* key: district code (or a shorter code, or "") */
	COV_DIM_SECTOR,       /* key: KBLI section letter, "" none */
	COV_DIM_PARTNER,      /* key: partner id in decimal, "0" none */
	COV_DIM_EKIND,        /* key: employers.kind, "none" */
};

/* segment SEG_NONE and sector "ALL" mean every segment / sector. */
struct store_workforce {
	char region_code[REGION_CODE_SIZE];
	int year;
	char sector[4];
	enum segment segment;
	int64_t workers;
	char source[TEXT_MAX_BYTES + 1];
};

struct store_target {
	char region_code[REGION_CODE_SIZE];
	int year;
	enum segment segment;          /* SEG_NONE: all */
	int64_t target;
	char source[TEXT_MAX_BYTES + 1];
};

/* Totals of one month (YYYYMM). */
struct store_cov_month {
	int month;
	int64_t active_start;  /* active on the first day */
	int64_t starts, stops; /* memberships that began / stopped being active in the month */
};

/*
 * Brings the aggregates up to date; today's month bounds how far ahead
 * cov_month is kept.  Writes in its own transaction unless one is open.
 */
jr_err store_coverage_refresh(struct store *s, struct date today, struct errbuf *eb);
/*
 * A write of about rows memberships follows (a large import): when
 * rebuilding the aggregates afterwards costs less than keeping them row by
 * row, stop keeping them; the next read rebuilds.  Inside the caller's
 * transaction.
 */
jr_err store_coverage_defer(struct store *s, int64_t rows, struct errbuf *eb);
/*
 * Calls fn(key, segment, n) with parts of the memberships of dim active on
 * day: a key may come several times, its active count is the sum of its n.
 */
jr_err store_coverage_active(struct store *s, enum store_cov_dim dim, struct date day,
			     void (*fn)(void *ctx, const char *key, enum segment seg,
					int64_t active),
			     void *ctx, struct errbuf *eb);
/* Totals of every month from..to (YYYYMM) into out[0..n) (n = months in range). */
jr_err store_coverage_months(struct store *s, int from, int to, struct store_cov_month *out,
			     struct errbuf *eb);

jr_err store_workforce_put(struct store *s, const struct store_workforce *w, int64_t batch_id,
			   enum store_upsert *did, struct errbuf *eb);
jr_err store_workforce_each(struct store *s,
			    jr_err (*fn)(void *ctx, const struct store_workforce *w), void *ctx,
			    struct errbuf *eb);
jr_err store_target_put(struct store *s, const struct store_target *t, int64_t batch_id,
			enum store_upsert *did, struct errbuf *eb);
jr_err store_targets_each(struct store *s,
			  jr_err (*fn)(void *ctx, const struct store_target *t), void *ctx,
			  struct errbuf *eb);

/* Employers registered, and known from licensing records not matched to them. */
jr_err store_employers_known(struct store *s, int64_t *registered, int64_t *unregistered,
			     struct errbuf *eb);
/* The name of a region code ("Pekalongan Barat"); *found false when unknown. */
jr_err store_region_name(struct store *s, const char *code, char *name, size_t size, bool *found,
			 struct errbuf *eb);
/* KBLI section titles: fn(letter, title) for A..U. */
jr_err store_kbli_sections_each(struct store *s,
				void (*fn)(void *ctx, const char *letter, const char *title),
				void *ctx, struct errbuf *eb);

struct store_coverage_ops {
	jr_err (*refresh)(struct store *, struct date, struct errbuf *);
	jr_err (*defer)(struct store *, int64_t, struct errbuf *);
	jr_err (*active)(struct store *, enum store_cov_dim, struct date,
			 void (*)(void *, const char *, enum segment, int64_t), void *,
			 struct errbuf *);
	jr_err (*months)(struct store *, int, int, struct store_cov_month *, struct errbuf *);
	jr_err (*workforce_put)(struct store *, const struct store_workforce *, int64_t,
				enum store_upsert *, struct errbuf *);
	jr_err (*workforce_each)(struct store *,
				 jr_err (*)(void *, const struct store_workforce *), void *,
				 struct errbuf *);
	jr_err (*target_put)(struct store *, const struct store_target *, int64_t,
			     enum store_upsert *, struct errbuf *);
	jr_err (*targets_each)(struct store *, jr_err (*)(void *, const struct store_target *),
			       void *, struct errbuf *);
	jr_err (*employers_known)(struct store *, int64_t *, int64_t *, struct errbuf *);
	jr_err (*region_name)(struct store *, const char *, char *, size_t, bool *, struct errbuf *);
	jr_err (*kbli_sections_each)(struct store *, void (*)(void *, const char *, const char *),
				     void *, struct errbuf *);
};

extern const struct store_coverage_ops sqlite_coverage_ops;

#endif
