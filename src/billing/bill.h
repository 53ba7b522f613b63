/*
 * bill.h - the monthly bill run: every membership active in a month gets a
 * bill line, priced by rules/iuran.h, on the bill of whoever pays for it.
 *
 * One bill per payer and period (the employer for PU and JAKON, the
 * participant for BPU, a partner paying for a cohort when the membership
 * names one); one line per membership and period with the amount of each
 * program; a bill's total is the sum of its lines.  The run is one
 * transaction and can be repeated: lines already right are left alone, a
 * membership added since gets its line, and nothing on a bill that has
 * received a payment is changed or removed.  BPU participants three months
 * in arrears are not billed; credit from overpayments is applied to the new
 * bills.  Rules: docs/rules.md "Bills, payments, arrears".
 */
#ifndef JARING_BILLING_BILL_H
#define JARING_BILLING_BILL_H

#include "compat.h"
#include "core/err.h"
#include "rules/iuran.h"
#include "store/store.h"

struct bill_opts {
	int period;        /* YYYYMM, >= PERIOD_MIN */
	struct date today; /* the run date: BPU status is set as of this day */
	int threads;       /* threads pricing, the writing one included; 0: one per CPU (at most 8) */
	/* A membership that could not be priced (no line; reason in Bahasa
	 * Indonesia).  May be NULL. */
	void (*on_issue)(void *ctx, int64_t membership_id, const char *reason);
	void *issue_ctx;
};

struct bill_summary {
	int period;
	int64_t memberships;     /* active on some day of the month */
	int64_t skipped_lapsed;  /* BPU non-active for 3 unpaid months: not billed */
	int64_t skipped_pmi;     /* PMI pays one package, not monthly bills */
	int64_t skipped_project; /* JAKON without a wage: paid per project on its contract value */
	int64_t skipped_invalid; /* could not be priced (reported through on_issue) */
	int64_t lines_added, lines_changed, lines_removed;
	int64_t lines_kept_paid; /* left as they were because their bill is (partly) paid */
	int64_t bills_added, bills_removed;
	int64_t bills, lines, total_sen; /* the period after the run */
	int64_t bills_by_kind[PAYER_KIND_COUNT], total_by_kind[PAYER_KIND_COUNT];
	int64_t lapsed, reactivated;     /* BPU memberships whose status changed */
	int64_t credit_applied_sen;      /* earlier overpayments applied to bills */
};

/*
 * Runs the bill of a period with the rate table r.  JR_EOK with *sum filled
 * when committed; otherwise nothing is written and eb says why (a database
 * failure, JR_EINVALID for a bad period, JR_ENOMEM).  A membership that
 * cannot be priced is reported and skipped, never fatal.
 */
jr_err bill_run(struct store *s, const struct rates *r, const struct bill_opts *o,
		struct bill_summary *sum, struct errbuf *eb);

/*
 * The payer of a membership: the one it names, else the employer (PU,
 * JAKON, PMI with an employer), else the participant.
 */
void bill_payer_of(const struct store_billable *m, enum payer_kind *kind, int64_t *ref);

/*
 * Fills a bill line from an iuran result: program amounts by program, the
 * worker's share, the total (the sum of the program lines).
 */
void bill_line_from(const struct iuran_result *res, unsigned programs,
		    struct store_bill_line *line);

#endif
