/*
 * cohort.h - enrolling a partner's list under an agreement: each person
 * becomes a BPU membership paid by the partner for the agreement's period
 * (docs/rules.md "Partner-funded cohorts").
 */
#ifndef JARING_PARTNERS_COHORT_H
#define JARING_PARTNERS_COHORT_H

#include "compat.h"
#include "ingest/import.h"

/* Declared income of a cohort member when the list gives none: the lowest BPU band. */
#define COHORT_DEFAULT_INCOME_SEN INT64_C(100000000)

struct cohort_enrolment {
	int64_t agreement_id;
	struct date on;        /* the enrolment date (today unless given) */
	/* filled in: */
	int64_t cohort_id;     /* 0 when no row was enrolled */
	struct date start, end;
	int64_t partner_id;
	size_t already;        /* rows already enrolled under this agreement (unchanged) */
};

/*
 * Enrols o->path under e->agreement_id.  A row of someone already actively
 * covered under another membership, or repeated in the file, is rejected;
 * someone already enrolled under the same agreement is left as is.  Fails
 * (nothing written) when the agreement does not exist, has ended, is not
 * for BPU, or is a data-exchange agreement.
 */
jr_err cohort_enrol(struct store *s, const struct refdata *ref, struct cohort_enrolment *e,
		    const struct import_opts *o, struct import_result *res, struct errbuf *eb);

#endif
