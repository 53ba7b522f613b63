/*
 * arrears.h - who owes what, as of a day: per payer, the unpaid
 * contributions by age (not yet due, 1-3 months late, over 3 months late),
 * the fines (assessed on late payments and still unpaid, plus those accrued
 * on what is still unpaid), and whether work-accident benefits are the
 * employer's to pay first (arrears over 3 months; PP 44/2015 as reported by
 * star.grid.id 453738584).  Rules: docs/rules.md "Bills, payments, arrears".
 */
#ifndef JARING_BILLING_ARREARS_H
#define JARING_BILLING_ARREARS_H

#include "compat.h"
#include "store/store.h"

struct arrears_payer {
	enum payer_kind kind;
	int64_t ref;
	char code[PAYER_CODE_SIZE];   /* NPP, NIK or partner id */
	int64_t owed_sen;             /* unpaid contributions = current + months_1_3 + over_3 */
	int64_t fines_sen;
	int64_t current_sen, months_1_3_sen, over_3_sen;
	int oldest_period;            /* YYYYMM of the oldest unpaid bill */
	bool employer_pays_jkk_first; /* employer with contributions over 3 months late */
};

struct arrears_report {
	struct date as_of;
	struct arrears_payer *payer;  /* by owed + fines, largest first; then kind, code */
	size_t n;
	int64_t total_owed_sen, total_fines_sen;
};

/*
 * Computes the arrears of every payer with something unpaid, counting bills
 * of periods that have started by as_of.  Payments are taken as recorded
 * now (as_of ages the debt and accrues fines; it does not undo later
 * payments).  On success free the report with arrears_free.
 */
jr_err arrears_compute(struct store *s, struct date as_of, struct arrears_report *out,
		       struct errbuf *eb);
void arrears_free(struct arrears_report *r);

/*
 * Adds one unpaid bill to a payer's figures as of a day (pure; used by
 * arrears_compute and tested on its own).  JR_ETOOBIG if a fine overflows.
 */
jr_err arrears_add_bill(struct arrears_payer *p, const struct store_bill *b, struct date as_of,
			struct errbuf *eb);

#endif
