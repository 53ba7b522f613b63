/*
 * columns.h - matching a file's header to the columns of a kind of import.
 *
 * Headers are matched case-insensitively after folding spaces, dots, dashes
 * and slashes to '_' ("Tgl. Lahir" = "tgl_lahir"), in English or Bahasa
 * Indonesia, in any order.  Unknown columns are reported and ignored; a
 * missing required column stops the import before anything is written.
 */
#ifndef JARING_INGEST_COLUMNS_H
#define JARING_INGEST_COLUMNS_H

#include "compat.h"
#include "core/err.h"
#include "ingest/csvread.h"

#define COLUMNS_MAX 32

struct column_def {
	const char *name;    /* canonical English name, as export writes it */
	const char *aliases; /* other accepted names, '|'-separated, folded form */
	bool required;
};

struct column_map {
	const struct column_def *defs;
	size_t ndefs;
	int field[COLUMNS_MAX]; /* def index -> field index in a record, or -1 */
	size_t nunknown;
	char unknown[512];      /* the unknown header names, comma-separated */
};

/*
 * Maps header to defs.  JR_EPARSE (nothing to import) when a required column
 * is missing or a column appears twice; eb names them.
 */
jr_err columns_map(const struct column_def *defs, size_t ndefs, const struct csvrecord *header,
		   struct column_map *map, struct errbuf *eb);

/* The value of column def in rec: "" when the column or the field is absent. */
const char *columns_value(const struct column_map *map, const struct csvrecord *rec, size_t def,
			  size_t *len);

/* Folds a header name into buf ("Tgl. Lahir*" -> "tgl_lahir"); returns buf. */
char *columns_fold(const char *s, size_t len, char *buf, size_t size);

#endif
