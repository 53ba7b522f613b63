/*
 * rows.h - validating one row of an employers or workers file.
 *
 * A row is turned into registry values or rejected; every problem is reported
 * (with line, column, value and reason) so a person can fix the whole row at
 * once.  Warnings are reported too but do not reject the row.  Validation is
 * pure: it reads the reference data and an employer lookup, writes nothing.
 */
#ifndef JARING_INGEST_ROWS_H
#define JARING_INGEST_ROWS_H

#include "compat.h"
#include "core/model.h"
#include "ingest/columns.h"
#include "ingest/refdata.h"

struct row_issue {
	size_t line;
	const char *column;  /* canonical column name, or "" for the whole row */
	const char *value;   /* the offending value (not NUL-terminated: value_len) */
	size_t value_len;
	const char *reason;  /* Bahasa Indonesia */
	bool warning;        /* true: reported, the row still goes in */
};

/* An employer as the worker import needs it. */
struct employer_ref {
	int64_t id;
	enum scale scale;
};

struct row_ctx {
	const struct refdata *ref;
	struct date today;
	const struct column_map *map;
	void (*on_issue)(void *ctx, const struct row_issue *issue);
	void *issue_ctx;
	/* Worker rows: finds an employer by NPP; false when unknown. */
	bool (*employer_find)(void *ctx, const char *npp, struct employer_ref *out);
	void *employer_ctx;
};

/* Column indexes of the employers file (order of docs/formats.md). */
enum employer_col {
	EC_NPP, EC_NAME, EC_NIB, EC_NPWP, EC_KBLI, EC_REGION, EC_ADDRESS, EC_SCALE, EC_RISK,
	EC_KIND, EC_COUNT
};
extern const struct column_def employer_columns[EC_COUNT];

enum worker_col {
	WC_NIK, WC_NAME, WC_BIRTH, WC_SEX, WC_KPJ, WC_NPP, WC_SEGMENT, WC_WAGE, WC_PROGRAMS,
	WC_START, WC_END, WC_OCCUPATION, WC_REGION, WC_PHONE, WC_COUNT
};
extern const struct column_def worker_columns[WC_COUNT];

/*
 * One row being checked, for every kind of file: the helpers below read a
 * column by its index in defs and report problems through c->on_issue with
 * the line, the column's canonical name and the value.
 */
struct row_reader {
	const struct row_ctx *c;
	const struct csvrecord *rec;
	const struct column_def *defs;
	bool rejected; /* an error (not a warning) was reported */
};

/* Reports a problem of column col (COLUMNS_MAX: the whole row); an error rejects the row. */
void row_issue(struct row_reader *r, size_t col, bool warning, const char *fmt, ...)
	JR_PRINTF(4, 5);
/* The trimmed value of a column; *len 0 when empty or absent. */
const char *row_value(struct row_reader *r, size_t col, size_t *len);
/* Copies free text (line breaks become spaces; control characters reject). */
void row_text(struct row_reader *r, size_t col, bool required, char *dst, size_t size);
/* A Kemendagri region code, normalised and known; "" when empty or rejected. */
void row_region(struct row_reader *r, size_t col, char out[static REGION_CODE_SIZE]);
/* A date in one of the accepted forms; false when empty (reported if required) or bad. */
bool row_date(struct row_reader *r, size_t col, bool required, struct date *d);
/*
 * The person of a row laid out by enum worker_col (a workers file, a
 * partner's list): NIK (hard rules reject, soft rules warn), name, birth date
 * (checked against the NIK), sex, home region, phone.
 */
void row_person(struct row_reader *r, struct person *p);
/* A count ("65000", "65.000"): false when empty (reported if required) or bad. */
bool row_count(struct row_reader *r, size_t col, bool required, int64_t *out);
/* Truncated or re-encoded lines (reported once per row). */
void row_whole_checks(struct row_reader *r);

/* True when every field of rec is empty or blank (Excel's ";;;;" rows). */
bool row_is_blank(const struct csvrecord *rec);

/* Validates an employers row into *e; false (issues reported) when rejected. */
bool row_employer(const struct row_ctx *c, const struct csvrecord *rec, struct employer *e);

/* Validates a workers row into *p and *m (m->employer_id resolved); false when rejected. */
bool row_worker(const struct row_ctx *c, const struct csvrecord *rec, struct person *p,
		struct membership *m);

#endif
