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

/* A cell: the memberships sharing where they work, segment, sector, partner, kind. */
struct store_cov_cell {
	int64_t id;
	char area[REGION_CODE_SIZE];   /* district code, or a shorter code, or "" */
	enum segment segment;
	char sector[2];                /* KBLI section letter, "" none */
	int64_t partner_id;            /* 0 none */
	enum employer_kind ekind;      /* EKIND_NONE: no employer */
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
/* Every cell (*out freed with free()). */
jr_err store_coverage_cells(struct store *s, struct store_cov_cell **out, size_t *n,
			    struct errbuf *eb);
/* Calls fn(cell, active) for each cell with memberships active on day. */
jr_err store_coverage_active(struct store *s, struct date day,
			     void (*fn)(void *ctx, int64_t cell, int64_t active), void *ctx,
			     struct errbuf *eb);
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
/* KBLI section titles: fn(letter, title) for A..U. */
jr_err store_kbli_sections_each(struct store *s,
				void (*fn)(void *ctx, const char *letter, const char *title),
				void *ctx, struct errbuf *eb);

struct store_coverage_ops {
	jr_err (*refresh)(struct store *, struct date, struct errbuf *);
	jr_err (*cells)(struct store *, struct store_cov_cell **, size_t *, struct errbuf *);
	jr_err (*active)(struct store *, struct date, void (*)(void *, int64_t, int64_t), void *,
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
	jr_err (*kbli_sections_each)(struct store *, void (*)(void *, const char *, const char *),
				     void *, struct errbuf *);
};

extern const struct store_coverage_ops sqlite_coverage_ops;

#endif
