/*
 * iuran.h - what one membership owes for one month, program by program.
 *
 * Pure rules: the rate table (struct rates, effective-dated rows from
 * data/rates/, each citing its regulation) is filled by the caller; the
 * computation reads it and does no I/O.  Money is int64_t sen; rates are
 * parts per million; each program line is rounded half-up to whole rupiah;
 * the JP wage cap is floored to Rp100 as PP 45/2015 Pasal 29 says.
 * Sources: domain.md section 1, docs/rules.md.
 */
#ifndef JARING_RULES_IURAN_H
#define JARING_RULES_IURAN_H

#include "compat.h"
#include "core/date.h"
#include "core/err.h"
#include "core/model.h"

/* How a rate row's amount is computed. */
enum rate_base {
	BASE_WAGE = 1,  /* rate × monthly wage (PU; JAKON when the wage is known) */
	BASE_INCOME,    /* rate × declared income band (BPU) */
	BASE_CONTRACT,  /* marginal tier of a construction contract value (JAKON) */
	BASE_FLAT,      /* a fixed amount (BPU JKM, PMI packages) */
	BASE_CAP,       /* not an amount: a wage cap (JP yearly cap, JKP cap) */
	BASE_DISCOUNT,  /* not an amount: a temporary reduction, in ppm of the line */
};

/* One row of a data/rates/ CSV file (see docs/formats.md "Rate tables"). */
struct rate_row {
	struct date valid_from, valid_to; /* inclusive; valid_to 9999-12-31 when open */
	enum segment segment;
	enum program program;
	enum rate_base base;
	int risk_group;          /* 1..5 for PU JKK rows; 0 = any */
	int64_t employer_ppm;    /* share of the base paid by the employer (or payer) */
	int64_t worker_ppm;      /* share paid by the worker */
	int64_t flat_sen;        /* BASE_FLAT amount; BASE_CAP the cap */
	int64_t tier_from_sen;   /* BASE_CONTRACT: this slice is (from, to] */
	int64_t tier_to_sen;     /* 0 = no upper bound */
	int64_t min_base_sen;    /* BPU: the lowest declared income (Rp1,000,000) */
	char condition[64];      /* discounts: "kbli:10,11,12,13,14,15,16,31,32" "min_participants:50" "payer_not:APBN,APBD" */
	char rule[120];          /* the regulation, e.g. "PP 44/2015 Lampiran I" */
	/* Added with the rate tables (docs/formats.md "Rate tables"): */
	int64_t allocated_ppm;   /* JKP recomposition: the rate BPJS allocates to this program
	                            for a JKP participant (PP 49/2023, PP 6/2025); 0 = as billed */
};

/*
 * Conditions (struct rate_row.condition), clauses joined by ';':
 *   kbli:P,P...          the case's KBLI starts with one of the prefixes
 *   kbli_not:P,P...      it starts with none of them (an unknown KBLI starts with none)
 *   min_participants:N   the employer has at least N active participants
 *   payer_not:APBN,APBD  the case's payer is none of these (self, APBN, APBD, other)
 *   paid_up              the payer is not in arrears (struct iuran_case.in_arrears)
 *   deferred             a discount that only defers the amount (PP 49/2020 JP)
 *   pre_departure        PMI: the package paid before departure
 *   months:N             PMI: the package for a contract of N months
 *   extra_month          PMI: the amount per month beyond the package
 */

struct rates;

/* An empty table; NULL when out of memory.  Freed with rates_free. */
struct rates *rates_new(void);
void rates_free(struct rates *r);
/*
 * Adds a row (copied).  JR_EINVALID with the reason when the row is
 * inconsistent (docs/formats.md "Rate tables" lists the checks; rule at
 * most 78 bytes so that a line's rule plus a discount's fits).
 */
jr_err rates_add(struct rates *r, const struct rate_row *row, struct errbuf *eb);
/*
 * Sorts and checks the table (no overlapping rows for the same key, no gap
 * in a rule over time, contract tiers chained); call once.  Afterwards the
 * table is read-only: iuran_compute may share it between threads.
 */
jr_err rates_finish(struct rates *r, struct errbuf *eb);

/* Who pays, where a discount depends on it (PP 50/2025 excludes APBN/APBD-paid BPU). */
enum payer_source {
	PAYER_SELF = 0, /* the employer (PU) or the participant (BPU) */
	PAYER_APBN,
	PAYER_APBD,
	PAYER_OTHER,    /* CSR, village funds, associations */
};

/* One case: a membership in a month. */
struct iuran_case {
	enum segment segment;
	int year, month;          /* the contribution month */
	int64_t wage_sen;         /* PU monthly wage; JAKON wage when known */
	int64_t income_sen;       /* BPU declared income */
	int64_t contract_sen;     /* JAKON contract value (when the wage is unknown) */
	int risk_group;           /* PU JKK risk group 1..5 */
	unsigned programs;        /* enum program bits */
	char kbli[KBLI_SIZE];     /* employer's KBLI, for sector discounts; "" unknown */
	int employer_participants;/* active participants of the employer, for PP 7/2025 */
	enum payer_source payer;
	int pmi_months;           /* PMI: contract length in months (6, 12, 24, or more) */
	/* Added with the rate tables: */
	bool in_arrears;          /* discounts conditioned on "paid_up" do not apply (PP 49/2020) */
};

#define IURAN_MAX_LINES 8

struct iuran_line {
	enum program program;
	int64_t base_sen;         /* what the rate applied to (after caps) */
	char rate[16];            /* "0.24%", "flat", "tiered" */
	int64_t employer_sen, worker_sen, total_sen; /* whole rupiah, in sen */
	char rule[160];           /* the regulation(s), discounts included */
	/* Added with the rate tables: */
	int64_t allocated_sen;    /* what BPJS allocates to this program (JKP recomposition);
	                             = total_sen unless the case holds JKP.  The JKP line bills
	                             0 and allocates 0.22% from the government + the JKK part */
	int64_t deferred_sen;     /* owed but due later (PP 49/2020 JP: 99%); not in total_sen */
};

struct iuran_result {
	int nlines;
	struct iuran_line line[IURAN_MAX_LINES];
	int64_t base_sen;
	int64_t employer_sen, worker_sen, total_sen;
};

/*
 * Computes the contribution of one case.  JR_EINVALID (reason in eb) for a
 * case the rules cannot price: a month before 2015-07, a missing wage or
 * income, a negative amount, a program the segment cannot hold, a risk group
 * outside 1..5 for PU, no rate row valid in that month.
 */
jr_err iuran_compute(const struct rates *r, const struct iuran_case *c, struct iuran_result *out,
		     struct errbuf *eb);

/*
 * Added with the rate tables:
 */

/* "JKK", "JKM", "JHT", "JP", "JKP"; "JKK+JKM" for a PMI package line; "?" otherwise. */
const char *iuran_program_name(unsigned program);

/*
 * The next year's JP wage cap (PP 45/2015 Pasal 29): cap × (1 + GDP growth),
 * floored to Rp100.  growth_ppm may be negative (2020: -2.07% = -20700).
 */
int64_t iuran_jp_cap_next(int64_t cap_sen, int64_t growth_ppm);

/* Number of rows in a table (after rates_finish). */
size_t rates_count(const struct rates *r);

#endif
