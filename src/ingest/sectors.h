/*
 * sectors.h - the usual JKK risk group of each KBLI section, from the
 * embedded data/jkk_risk_by_sector.csv (an assumption stated in
 * data/SOURCES.md), for pricing leads (leads/potential.h).
 */
#ifndef JARING_INGEST_SECTORS_H
#define JARING_INGEST_SECTORS_H

#include "compat.h"
#include "leads/potential.h"

/*
 * Parses the table into *out.  JR_EPARSE with file, line and column when a
 * row is malformed (section not A..U, group not 1..5, a section twice or
 * missing): the table is ours, a typo must stop the program, not misprice.
 */
jr_err sector_risk_load(struct sector_risk *out, struct errbuf *eb);

/* The same from a CSV held in memory (tests). */
jr_err sector_risk_parse(const char *buf, size_t len, struct sector_risk *out,
			 struct errbuf *eb);

#endif
