/*
 * refdata.h - the reference data the program carries (data/, embedded at
 * build time): Kemendagri regions, Central Java UMK, KBLI 2020.
 *
 * Loaded once per process into read-only in-memory indexes (validation of a
 * million rows must not ask the database a million questions), and installed
 * into the database by `jaring init` for SQL joins and reports.
 */
#ifndef JARING_INGEST_REFDATA_H
#define JARING_INGEST_REFDATA_H

#include "compat.h"
#include "core/region.h"
#include "store/store.h"

/* Bumped whenever a data/ file changes, so `init` reinstalls it. */
#define REFDATA_VERSION "2025-idn-area-4.0.1+umk-2019-2025+kbli-2020"

/* One regency's minimum wage for one year (Kepgub Jawa Tengah). */
struct umk_entry {
	char regency_code[REGION_CODE_SIZE]; /* "33.75" */
	int year;
	int64_t amount_sen;
};

struct refdata {
	struct region_index *regions;
	char (*kbli)[KBLI_SIZE]; /* sorted 5-digit KBLI 2020 codes */
	size_t nkbli;
	struct umk_entry *umk;   /* sorted by regency code, then year */
	size_t numk;
};

/* Parses the embedded data.  *out is freed with refdata_free. */
jr_err refdata_load(struct refdata **out, struct errbuf *eb);
void refdata_free(struct refdata *r);

/* True when code (5 digits) is a KBLI 2020 kelompok. */
bool refdata_kbli_known(const struct refdata *r, const char *code);

/*
 * The UMK of a regency ("33.75") for a year, in sen; false when the data has
 * no figure for that regency and year (domain.md 7.3: e.g. Pemalang 2023).
 */
bool refdata_umk(const struct refdata *r, const char *regency_code, int year, int64_t *sen);

/*
 * Writes regions, UMK and KBLI into the store when its meta
 * "refdata_version" differs from REFDATA_VERSION.  Call inside a transaction.
 * *installed tells whether anything was written.
 */
jr_err refdata_install(struct store *s, const struct refdata *r, bool *installed,
		       struct errbuf *eb);

#endif
