/*
 * compliance.h - compliance findings per employer (domain.md section 4.1):
 * the five conditions BPJS's inspectors look for, each with its evidence
 * and an estimate of the contributions missing every month.
 *
 *   pds_tk            fewer active workers reported than the employer's licence says
 *                     it employs (PDS Tenaga Kerja)
 *   pds_upah          wages reported below the UMK of the employer's regency for the
 *                     year, or below the licence's average wage (PDS Upah)
 *   pds_program       fewer programs than Perpres 109/2013 Pasal 6 requires for the
 *                     employer's size (PDS Program)
 *   arrears           contributions billed and unpaid (piutang iuran)
 *   opd_unregistered  a government office (OPD) with no active worker registered, or
 *                     one buying through the procurement plan that is not registered
 *
 * Rules and sources: docs/rules.md "Compliance findings".  Amounts are
 * estimates from the rate tables (rules/iuran.h) for the as-of month.
 */
#ifndef JARING_COMPLIANCE_COMPLIANCE_H
#define JARING_COMPLIANCE_COMPLIANCE_H

#include "compat.h"
#include "core/date.h"
#include "ingest/refdata.h"
#include "rules/iuran.h"
#include "store/store.h"

enum finding_kind {
	FINDING_NONE = 0,
	FINDING_PDS_TK,
	FINDING_PDS_UPAH,
	FINDING_PDS_PROGRAM,
	FINDING_ARREARS,
	FINDING_OPD_UNREGISTERED,
	FINDING_COUNT
};

/* "pds_tk", "pds_upah", "pds_program", "arrears", "opd_unregistered"; "" NONE. */
const char *finding_kind_name(enum finding_kind k);
/* The names above (also with '-' for '_'); NONE when unknown. */
enum finding_kind finding_kind_parse(const char *s);
/* "PDS tenaga kerja", "PDS upah", ... for people. */
const char *finding_kind_label(enum finding_kind k);

/* One piece of evidence: a named number, amount, flag or text. */
enum evidence_type { EV_INT = 1, EV_SEN, EV_BOOL, EV_TEXT };
struct evidence {
	const char *key; /* static */
	enum evidence_type type;
	int64_t num;
	char text[64];
};
#define FINDING_EVIDENCE_MAX 10

struct finding {
	enum finding_kind kind;
	char npp[NPP_SIZE];                /* "" for an office not registered at all */
	char name[NAME_MAX_BYTES + 1];
	int64_t missing_monthly_sen;       /* estimate; 0 when it cannot be estimated */
	size_t nev;
	struct evidence ev[FINDING_EVIDENCE_MAX];
	char summary[320];                 /* one line in Bahasa Indonesia */
};

struct compliance_report {
	struct date as_of;
	struct finding *f;                 /* by missing_monthly_sen, largest first */
	size_t n, cap;
	size_t by_kind[FINDING_COUNT];
	int64_t missing_by_kind_sen[FINDING_COUNT];
	int64_t missing_total_sen;
	size_t employers;                  /* distinct employers (or offices) with a finding */
};

/* A licence as the pds_tk and pds_upah checks need it (store_compliance_licences_each). */
struct compliance_licence {
	int64_t employer_id;
	char nib[NIB_SIZE];
	int64_t employees;                 /* 0: not stated */
	int64_t avg_wage_sen;              /* 0: not stated */
};

struct compliance_opts {
	struct date as_of;
	unsigned kinds;                    /* bits 1 << FINDING_*; 0 = all */
	const char *employer_npp;          /* NULL: every employer */
};

/*
 * Computes the findings as of o->as_of from the registry (active
 * memberships, bills, procurement packages, licences when present).  On
 * success free with compliance_report_free.
 */
jr_err compliance_run(struct store *s, const struct refdata *ref, const struct rates *rates,
		      const struct compliance_opts *o, struct compliance_report *out,
		      struct errbuf *eb);
void compliance_report_free(struct compliance_report *r);

/* ---- the pure rules (compliance/rules.c) ---- */

/*
 * What one worker's contribution lacks when the wage in c is below floor_sen:
 * the contribution on floor_sen minus that on the reported wage, for the
 * same programs.  0 when the wage is not below.
 */
jr_err compliance_wage_gap(const struct rates *r, const struct iuran_case *c, int64_t floor_sen,
			   int64_t *missing_sen, struct errbuf *eb);

/*
 * What one worker's contribution lacks when c->programs misses some of
 * `required`: the contribution of the missing programs on the same wage.
 * *missing gets the missing program bits.
 */
jr_err compliance_program_gap(const struct rates *r, const struct iuran_case *c,
			      unsigned required, unsigned *missing, int64_t *missing_sen,
			      struct errbuf *eb);

/*
 * Monthly figure of an arrears: what is owed spread over the months from
 * the oldest unpaid period up to the month before the as-of month (at
 * least one): three unpaid monthly bills seen in the fourth month give one
 * bill's amount.
 */
int64_t compliance_arrears_monthly(int64_t owed_sen, int oldest_period, struct date as_of);

/*
 * Missing workers of a headcount gap: expected - active when positive.  The
 * monthly estimate is that many workers at per_worker_sen.
 */
int64_t compliance_headcount_gap(int64_t expected, int64_t active, int64_t per_worker_sen,
				 int64_t *missing_sen);

#endif
