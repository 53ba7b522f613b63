/* import.h - importing partners, agreements and partner units from CSV. */
#ifndef JARING_PARTNERS_IMPORT_H
#define JARING_PARTNERS_IMPORT_H

#include "compat.h"
#include "ingest/import.h"

/* "partners"/"mitra", "agreements"/"pks"/"mou", "units"/"unit" -> canonical; NULL otherwise. */
const char *partners_import_kind(const char *s);
/* Imports o->path as kind (a canonical name above); rules of every import. */
jr_err partners_import(struct store *s, const struct refdata *ref, const char *kind,
		       const struct import_opts *o, struct import_result *res, struct errbuf *eb);

#endif
