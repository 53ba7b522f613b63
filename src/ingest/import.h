/*
 * import.h - bringing a user's file into the registry.
 *
 * One import is one transaction: every good row lands, every bad row is
 * reported with its line, column and reason, and a failure of the file or
 * the database writes nothing.  Rows upsert on natural keys, so importing the
 * same file again changes nothing.  A dry run does all of it, database
 * checks included, and rolls back.
 */
#ifndef JARING_INGEST_IMPORT_H
#define JARING_INGEST_IMPORT_H

#include "compat.h"
#include "ingest/refdata.h"
#include "ingest/rows.h"
#include "store/store.h"

enum import_kind { IMPORT_EMPLOYERS = 1, IMPORT_WORKERS };

/* "employers"/"pemberi_kerja" or "workers"/"tenaga_kerja"/"peserta"; 0 when unknown. */
enum import_kind import_kind_parse(const char *s);
const char *import_kind_name(enum import_kind k);

struct import_opts {
	enum import_kind kind;
	const char *path;
	const char *display_name; /* recorded in the batch; defaults to path */
	bool dry_run;
	struct date today;
	/* Every rejected row and every warning, in file order. */
	void (*on_issue)(void *ctx, const struct row_issue *issue);
	void *issue_ctx;
	/* Called about every 50,000 rows (offset/size in bytes); may be NULL. */
	void (*on_progress)(void *ctx, size_t rows, size_t offset, size_t size);
	void *progress_ctx;
};

struct import_result {
	size_t rows;       /* data rows read (blank rows not counted) */
	size_t accepted;   /* rows that went in (or would, in a dry run) */
	size_t rejected;
	size_t warnings;   /* warnings reported (a warning never rejects a row) */
	size_t inserted, updated, unchanged; /* what accepted rows did to the records */
	size_t unknown_columns;
	char unknown[512]; /* unknown header names, ignored */
	int64_t batch_id;
};

/*
 * Opens o->path and maps its header to defs; the unknown columns are noted
 * in res.  On failure nothing stays open (*r is NULL) and eb says why (not a
 * CSV text file, no header, a required column missing).  Every import of a
 * file starts here.
 */
jr_err import_open(const struct import_opts *o, const struct column_def *defs, size_t n,
		   struct csvreader **r, struct column_map *map, struct import_result *res,
		   struct errbuf *eb);

/*
 * Reads every data row left in r (blank rows skipped) and checks each into
 * the next slot of a growing array of elem-byte rows: check returns false
 * for a rejected row (and reports why).  Counts res->rows and
 * res->rejected; *n is the number of good rows.  For files checked whole
 * before anything is written (payments, licences, projects).  *rows is the
 * caller's to free, also on failure.
 */
jr_err import_stage(struct csvreader *r, size_t elem, void **rows, size_t *n,
		    struct import_result *res,
		    bool (*check)(void *ctx, const struct csvrecord *rec, void *slot), void *ctx,
		    struct errbuf *eb);

/*
 * Ends an import's transaction: when err is JR_EOK, records res's counts on
 * batch and commits (or, for a dry run, rolls back); otherwise rolls back.
 * Sets res->batch_id when something was committed.  Returns the final code.
 * Shared by every kind of import so that all of them land whole or not at all.
 */
jr_err import_finish(struct store *s, const struct import_opts *o, struct store_batch *batch,
		     struct import_result *res, jr_err err, struct errbuf *eb);

/*
 * Runs an import.  JR_EOK when the file was read to the end and the good
 * rows committed (res->rejected may be > 0); otherwise nothing is written and
 * eb says why (unreadable or not a CSV file, missing required column,
 * database failure).
 */
jr_err import_run(struct store *s, const struct refdata *ref, const struct import_opts *o,
		  struct import_result *res, struct errbuf *eb);

#endif
