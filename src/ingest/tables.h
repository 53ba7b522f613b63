/*
 * tables.h - importing a file of small reference tables (partners,
 * agreements, units, workforce, targets) or a partner's list, one row at a
 * time, with the rules of every import: headers in English or Bahasa
 * Indonesia, each bad row reported with line, column and reason while the
 * good rows go in, one transaction, a dry run that rolls back.
 *
 * The kind supplies the columns and a function that checks and writes one
 * row; files of these kinds are thousands of rows, not millions, so there is
 * no pipeline (see import.c for the registry's).
 */
#ifndef JARING_INGEST_TABLES_H
#define JARING_INGEST_TABLES_H

#include "compat.h"
#include "ingest/import.h"
#include "ingest/rows.h"

struct table_kind {
	const char *name; /* recorded as the batch's kind */
	const struct column_def *columns;
	size_t ncolumns;
	/*
	 * Checks row r (reporting through row_issue) and, when it is good,
	 * writes it and sets *did.  Returns JR_EOK for a written or rejected
	 * row (r->rejected tells which); any other code stops the import and
	 * writes nothing.
	 */
	jr_err (*row)(void *ctx, struct store *s, struct row_reader *r, int64_t batch_id,
		      enum store_upsert *did, struct errbuf *eb);
	void *ctx;
};

/* Runs the import of o->path as kind k (o->kind is not used). */
jr_err table_import(struct store *s, const struct refdata *ref, const struct table_kind *k,
		    const struct import_opts *o, struct import_result *res, struct errbuf *eb);

#endif
