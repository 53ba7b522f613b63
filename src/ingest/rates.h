/*
 * rates.h - the contribution rate tables the program carries (data/rates/,
 * embedded at build time), parsed into a struct rates for rules/iuran.h.
 *
 * The files are ours but every number in them came from a regulation or a
 * news report of one (domain.md section 1), so every row is checked loudly:
 * a malformed or inconsistent row fails the load with its file, line and
 * column, never skipped.  The columns are described in docs/formats.md
 * "Rate tables".
 */
#ifndef JARING_INGEST_RATES_H
#define JARING_INGEST_RATES_H

#include "compat.h"
#include "core/err.h"
#include "rules/iuran.h"

/*
 * Parses every embedded data/rates/ CSV file into a finished table.  *out is
 * freed with rates_free; NULL on failure (JR_EPARSE or JR_EINVALID with
 * "data tarif FILE baris N kolom C: ..." in eb, JR_ENOMEM).  Parse once per
 * process and share: the table is read-only after loading and
 * iuran_compute may be called on it from several threads.
 */
jr_err rates_load(struct rates **out, struct errbuf *eb);

/*
 * Adds the rows of one rate CSV held in memory (buf[0..len), header row
 * first, the columns of docs/formats.md in that order) to an unfinished
 * table r; name is used in messages.  The caller calls rates_finish.  For
 * tests and for checking a new table before it is added to data/rates/.
 */
jr_err rates_parse_csv(struct rates *r, const char *name, const char *buf, size_t len,
		       struct errbuf *eb);

#endif
