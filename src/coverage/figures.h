/* figures.h - importing workforce figures and targets from CSV. */
#ifndef JARING_COVERAGE_FIGURES_H
#define JARING_COVERAGE_FIGURES_H

#include "compat.h"
#include "ingest/import.h"

/* "workforce"/"angkatan_kerja", "targets"/"target" -> canonical; NULL otherwise. */
const char *figures_import_kind(const char *s);
jr_err figures_import(struct store *s, const struct refdata *ref, const char *kind,
		      const struct import_opts *o, struct import_result *res, struct errbuf *eb);

#endif
