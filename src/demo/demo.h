/*
 * demo.h - the demonstration registry behind `jaring demo`.
 *
 * Builds employers, persons and memberships shaped like the reports that
 * started the project (DESIGN.md "Who uses it"): Kota Pekalongan with its
 * neighbours Kabupaten Pekalongan, Batang and Pemalang; batik home industry,
 * fishers, traders, online motorcycle-taxi drivers, the city-funded cohort of
 * religious social workers and lebe, construction workers per project, and
 * the non-compliance that later features look for (part of the workers
 * registered, wages below the UMK, too few programs, people who left).
 *
 * Everything is synthetic.  Region codes are real (from the region index);
 * NIKs, KPJs, NPPs, NIBs and NPWPs are well-formed but invented.  The output
 * depends only on the options: the same seed, scale and today give the same
 * rows in the same order, on every machine.
 */
#ifndef JARING_DEMO_DEMO_H
#define JARING_DEMO_DEMO_H

#include "compat.h"
#include "core/date.h"
#include "core/err.h"
#include "core/model.h"
#include "ingest/refdata.h"
#include "store/store.h"

/* Largest accepted scale: 100 means ~400,000 employers and ~2.2 million
 * active participants, which still fits the generator's identifier ranges. */
#define DEMO_SCALE_MAX 100

struct demo_opts {
	int scale;         /* 1..DEMO_SCALE_MAX: multiplies every count */
	uint64_t seed;     /* any value; same seed + scale + today -> same data */
	struct date today; /* the "as of" day: ages, start dates and the active
			    * figures are relative to it; year 2000..2099 */
};

struct demo_summary {
	int64_t employers, persons, memberships;
	int64_t by_segment_active[SEG_COUNT]; /* persons active on today, per segment */
	int64_t active;                       /* distinct persons active on today */
	int64_t by_kind[EKIND_COUNT];         /* employers written, per kind */
	int64_t licences_registered;          /* licences of registered companies */
	int64_t licences_unregistered;        /* licences of businesses not registered */
	/* The procurement plan (construction packages, not counting failed tenders)
	 * and its construction workers expected and registered. */
	int64_t packages, construction_expected, construction_registered;
};

/*
 * Writes the demonstration registry into s and fills *sum.
 *
 * The caller has opened a fresh, migrated database with the reference data
 * installed, has called store_begin (and may have called store_bulk_mode),
 * and calls store_commit on success or store_rollback on failure: demo_build
 * only upserts rows through the store API.  ref supplies the region index
 * (its village and district codes are used), the KBLI list (every KBLI
 * code written is checked against it) and the UMK (wages are drawn around
 * each regency's UMK for the year; a year without a figure takes the
 * nearest earlier year's, a year before the data the first year's).
 *
 * At scale 1: 4,000 employers and 22,000 active participants (PU 13,200,
 * BPU 6,600 of which 2,170 in the city-funded cohort, JAKON 2,200), plus
 * ended memberships of people who left.  Scale N multiplies these by N.
 *
 * JR_EINVALID for bad options (scale outside 1..DEMO_SCALE_MAX, today not
 * a real day or outside 2000..2099), JR_ENOTFOUND when the region index
 * lacks the Pekalongan regions or the UMK data one of their regencies,
 * JR_ENOMEM, or the store's error; eb says which.  sum is filled only on
 * success.  Allocates nothing that outlives the call.
 */
jr_err demo_build(struct store *s, const struct refdata *ref, const struct demo_opts *o,
		  struct demo_summary *sum, struct errbuf *eb);

#endif
