/*
 * report.h - tables for people to download: CSV (RFC 4180, for Excel) and
 * XLSX (libxlsxwriter, constant-memory mode).  The one escaping path for
 * CSV output of the server.
 */
#ifndef JARING_REPORT_REPORT_H
#define JARING_REPORT_REPORT_H

#include "compat.h"

#include <jansson.h>

#include "core/err.h"

/* A table: columns (the key in each row object and the header shown) and rows. */
struct report_column {
	const char *key;
	const char *header;
};

struct report_table {
	const char *title;                    /* the sheet name */
	const struct report_column *columns;
	size_t ncolumns;
	json_t *rows;                         /* array of objects; borrowed */
};

/*
 * Writes one CSV field and its separator (',' or CRLF when last).  Quoted
 * when it holds a separator, quote or line break; a leading = + - @ is
 * prefixed with ' so that a spreadsheet does not run it as a formula.
 */
void report_csv_field(FILE *f, const char *s, bool last);

/* The table as CSV (header row, then rows); *out is malloc'ed, freed by the caller. */
jr_err report_csv(const struct report_table *t, char **out, size_t *len, struct errbuf *eb);

/* The table as an XLSX workbook of one sheet; *out is malloc'ed. */
jr_err report_xlsx(const struct report_table *t, char **out, size_t *len, struct errbuf *eb);

#endif
