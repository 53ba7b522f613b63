/*
 * issues.h - row issues held until they can be reported in line order.
 *
 * Imports check rows in one order and write them in another (sorted by key,
 * by payment date, on two threads), but a person fixing a spreadsheet reads
 * the report top to bottom.  An import holds each issue here and hands the
 * list to the caller sorted by line (file order within a line).
 */
#ifndef JARING_INGEST_ISSUES_H
#define JARING_INGEST_ISSUES_H

#include "compat.h"
#include "ingest/rows.h"

struct held_issue {
	size_t line, seq;
	const char *column; /* static: a column name from the import's tables */
	char *value, *reason;
	size_t value_len;
	bool warning;
};

struct issue_list {
	struct held_issue *item;
	size_t n, cap;
	bool nomem; /* an issue could not be held: the report would have holes */
};

/* Keeps a copy of is (value and reason copied; column must be static). */
void issue_list_hold(struct issue_list *l, const struct row_issue *is);

/*
 * Hands the held issues to on_issue (may be NULL) sorted by line, adds the
 * warnings to *warnings (may be NULL), and empties the list for reuse.
 */
void issue_list_flush(struct issue_list *l, void (*on_issue)(void *ctx, const struct row_issue *),
		      void *ctx, size_t *warnings);

/* Drops the held issues, keeping the list's memory for reuse. */
void issue_list_clear(struct issue_list *l);

/* Drops the held issues and frees the list's memory. */
void issue_list_free(struct issue_list *l);

#endif
