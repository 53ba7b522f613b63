/*
 * coverage.h - coverage against workforce and targets, by a dimension, on a
 * day; and month by month (docs/rules.md "Coverage").
 *
 * One service for the command line and the web: both print the JSON built
 * by coverage_report_json / coverage_monthly_json.
 */
#ifndef JARING_COVERAGE_COVERAGE_H
#define JARING_COVERAGE_COVERAGE_H

#include "compat.h"

#include <jansson.h>

#include "core/date.h"
#include "store/store.h"

enum coverage_by {
	COV_BY_NONE = 0,
	COV_BY_REGION,   /* regency or city */
	COV_BY_DISTRICT, /* kecamatan */
	COV_BY_SECTOR,   /* KBLI section of the employer */
	COV_BY_SEGMENT,
	COV_BY_PARTNER,
	COV_BY_EKIND,    /* employer kind */
	COV_BY_COUNT
};

/* "region", "district", "sector", "segment", "partner", "employer-kind" and
 * their Indonesian forms (wilayah, kecamatan, sektor, segmen, mitra, jenis). */
enum coverage_by coverage_by_parse(const char *s);
const char *coverage_by_name(enum coverage_by by);

#define COVERAGE_PART_SIZE 24
#define COVERAGE_KEY_SIZE (2 * COVERAGE_PART_SIZE + 2)
#define COVERAGE_LABEL_SIZE 208

struct coverage_row {
	char key[COVERAGE_KEY_SIZE];   /* part[0], or "part[0]/part[1]" with two dimensions */
	char part[2][COVERAGE_PART_SIZE];
	char label[COVERAGE_LABEL_SIZE];
	int64_t active;
	int64_t workforce; /* -1: unknown */
	int64_t target;    /* -1: none */
};

struct coverage_report {
	struct date as_of;
	enum coverage_by by, by2; /* by2: a second dimension, COV_BY_NONE when none */
	int workforce_year; /* the newest year <= as_of's with workforce figures; 0 none */
	struct coverage_row *rows;
	size_t n;
	struct coverage_row total;
	int64_t employers_registered, employers_unregistered;
};

/* Coverage percentage in hundredths (6523 = 65.23 %); -1 when workforce unknown or 0. */
int64_t coverage_pct_x100(int64_t active, int64_t workforce);

/*
 * Builds the report by one dimension, or two (by2 not COV_BY_NONE: district
 * x segment...).  Refreshes the aggregates first (today bounds them).  Rows
 * are ordered by key; *r is freed with coverage_report_free.
 */
jr_err coverage_report(struct store *s, enum coverage_by by,
		       enum coverage_by by2, struct date as_of, struct date today,
		       struct coverage_report *r, struct errbuf *eb);
void coverage_report_free(struct coverage_report *r);
/* {"as_of", "by", "rows": [...], "total": {...}, "employers": {...}}; NULL on no memory. */
json_t *coverage_report_json(const struct coverage_report *r);

struct coverage_month {
	int month;            /* YYYYMM */
	int64_t active;       /* active on the month's last day */
	int64_t new_members;  /* became active in the month */
	int64_t lapsed;       /* stopped being active in the month */
	int64_t growth;       /* active minus the previous month's */
	int64_t target;       /* the year's target for the whole area; -1 none */
};

/* Months from..to (YYYYMM, at most 600); *out freed with free(). */
jr_err coverage_monthly(struct store *s, int from, int to, struct date today,
			struct coverage_month **out, size_t *n, struct errbuf *eb);
json_t *coverage_monthly_json(const struct coverage_month *m, size_t n);

#endif
