/*
 * tables.h - the downloadable tables of bills and arrears, the same for
 * `jaring export bills|arrears` and the server's .csv/.xlsx routes.
 */
#ifndef JARING_REPORT_TABLES_H
#define JARING_REPORT_TABLES_H

#include "compat.h"
#include "report/report.h"
#include "store/browse.h"

/* Rows in one table at most: a branch's month of bills fits easily. */
#define REPORT_ROWS_MAX 1000000

/*
 * The bills q selects (filters and partner scope; q->limit ignored), newest
 * first, as a table whose rows the caller frees with report_table_free.
 */
jr_err report_bills_table(struct store *s, const struct store_browse_query *q,
			  struct report_table *t, struct errbuf *eb);

/*
 * The arrears as of a day (arrears_compute, largest first), of one payer
 * kind (NONE: all) and, when partner is not 0, only of that partner and the
 * partners below it.  Rows are the objects of `jaring arrears --json`.
 */
jr_err report_arrears_table(struct store *s, struct date as_of, enum payer_kind kind,
			    int64_t partner, struct report_table *t, struct errbuf *eb);

void report_table_free(struct report_table *t);

#endif
