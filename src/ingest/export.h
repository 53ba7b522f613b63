/*
 * export.h - writing the registry back out as CSV in the import columns, so
 * that export -> import round-trips (docs/formats.md).
 */
#ifndef JARING_INGEST_EXPORT_H
#define JARING_INGEST_EXPORT_H

#include "compat.h"
#include "ingest/import.h"
#include "store/store.h"

/* Writes every record of kind as CSV (comma, LF, UTF-8, no BOM); *rows counts them. */
jr_err export_csv(struct store *s, enum import_kind kind, FILE *out, size_t *rows,
		  struct errbuf *eb);

#endif
