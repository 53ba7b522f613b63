/*
 * licences.h - importing the licensing office's list of business licences
 * (docs/formats.md "Licensing").
 *
 * Same rules as every import (import.h): one transaction, bad rows reported
 * with line, column, value and reason while good rows go in, a dry run
 * writes nothing, and importing the same file again changes nothing (a
 * licence is keyed by its NIB and licence date).
 */
#ifndef JARING_INGEST_LICENCES_H
#define JARING_INGEST_LICENCES_H

#include "compat.h"
#include "ingest/import.h"

/* "licensing", "licences", "perizinan", "izin", "izin_usaha": the import kind name. */
bool licensing_kind_parse(const char *s);

/* Imports a licensing file; o->kind is ignored.  Contract of import_run. */
jr_err licensing_import(struct store *s, const struct refdata *ref, const struct import_opts *o,
			struct import_result *res, struct errbuf *eb);

#endif
