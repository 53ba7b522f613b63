/*
 * terms.h - the pure rules of billing: contribution months, due dates,
 * months of delay, late-payment fines, arrears age, and when a BPU
 * membership lapses.  No I/O; every function is table-tested in
 * tests/unit/billing/terms.c.  Sources: domain.md section 2, docs/rules.md
 * "Bills, payments, arrears".
 */
#ifndef JARING_BILLING_TERMS_H
#define JARING_BILLING_TERMS_H

#include "compat.h"
#include "core/date.h"
#include "core/err.h"
#include "store/store.h"

/* ---- contribution months ("periods"), as integers YYYYMM ---- */

/* The first period a bill can have: PP 44/2015 took effect 1 July 2015. */
#define PERIOD_MIN 201507
/* The last: its due date (next month) must still be a date. */
#define PERIOD_MAX 999811
/* "2024-11" plus NUL. */
#define PERIOD_TEXT_SIZE 8

/*
 * Parses "YYYY-MM" (also "YYYY/MM", "MM-YYYY", "MM/YYYY", month with one
 * or two digits, surrounding spaces trimmed) into YYYYMM.  JR_EPARSE or
 * JR_EINVALID with the reason in eb; a period before PERIOD_MIN or after
 * PERIOD_MAX is JR_EINVALID.
 */
jr_err period_parse(const char *s, size_t len, int *period, struct errbuf *eb);
/* Writes "YYYY-MM". */
void period_format(int period, char buf[static PERIOD_TEXT_SIZE]);
/* The period of a date, its first and its last day. */
int period_of(struct date d);
struct date period_first(int period);
struct date period_last(int period);
/* The period n months later (n may be negative). */
int period_add(int period, int n);

/* ---- due dates and fines ---- */

/* Late-payment fine per month of delay, in parts per million of what was due. */
#define FINE_PPM_NORMAL 20000  /* 2 % (kontan; PP 86/2013 practice; domain.md 2) */
#define FINE_PPM_PP49_2020 5000 /* 0.5 % for contribution months Aug 2020 - Jan 2021 */

struct bill_terms {
	struct date due;  /* last day to pay without delay */
	int64_t fine_ppm; /* per month of delay; 0: no fine */
};

/*
 * The terms of a bill for a payer kind and period.  Employer (PU, JAKON):
 * due the 15th of the following month, fine 2 % a month; for contribution
 * months Aug 2020 - Jan 2021 due the 30th of the following month (the last
 * day when shorter) with a 0.5 % fine (PP 49/2020 Pasal 9 and 23).
 * Participant (BPU) and partner: due the 15th of the same month, no fine.
 */
struct bill_terms terms_for(enum payer_kind kind, int period);

/*
 * Months of delay of money paid on `paid` for a bill due on `due`: 0 when
 * paid on or before the due date, otherwise the smallest k >= 1 such that
 * paid <= due + k months (each month of delay starts the day after the
 * due day of a month: due 15 Dec, paid 16 Dec..15 Jan = 1, 16 Jan..15 Feb = 2).
 */
int terms_months_late(struct date due, struct date paid);

/*
 * The fine for `amount_sen` paid `months` months late at `ppm` per month:
 * amount x ppm x months / 10^6, rounded half-up to whole rupiah.  JR_ETOOBIG
 * (eb says so) if it does not fit in 64 bits.
 */
jr_err terms_fine(int64_t amount_sen, int64_t ppm, int months, int64_t *fine_sen,
		  struct errbuf *eb);

/* Age of an unpaid amount as of a day: by months of delay of its bill. */
enum age_bucket {
	AGE_CURRENT = 0, /* not past its due date */
	AGE_1_3,         /* 1 to 3 months of delay */
	AGE_OVER_3,      /* more than 3 months of delay */
};
enum age_bucket terms_age(struct date due, struct date as_of);

/* ---- BPU lapse ---- */

/* Unpaid months after which a BPU membership becomes non-active. */
#define BPU_LAPSE_MONTHS 3

/*
 * Whether a BPU participant is non-active on `day`, given the due dates of
 * their bills still unpaid (in any order): non-active when at least
 * BPU_LAPSE_MONTHS of them were due before `day`.  *since is then the day
 * after the due date of the third oldest such bill (star.grid.id 453722708:
 * "setelah 3 bulan tidak membayar, status menjadi non-aktif").
 */
bool terms_bpu_lapsed(const struct date *unpaid_due, size_t n, struct date day,
		      struct date *since);

#endif
