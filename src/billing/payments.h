/*
 * payments.h - money received, applied to bills.
 *
 * A payment goes to its payer's oldest unpaid bill first: the bill's
 * contribution, then the fines assessed on it, then the next bill.  Money
 * paid after a bill's due date is fined for its months of delay when it
 * arrives (employers: 2 % a month, 0.5 % for Aug 2020 - Jan 2021).  What is
 * left is kept as credit and applied to the payer's next bills, as of the
 * day it was paid.  A reference is applied once.  Paying BPU arrears
 * reactivates a lapsed membership.  Rules: docs/rules.md "Bills, payments,
 * arrears"; file format: docs/formats.md "Payments".
 */
#ifndef JARING_BILLING_PAYMENTS_H
#define JARING_BILLING_PAYMENTS_H

#include "compat.h"
#include "ingest/import.h"
#include "store/store.h"

/* What applying money did. */
struct payment_effect {
	int64_t contribution_sen; /* paid on bills' contributions */
	int64_t fine_assessed_sen;/* fines assessed for late money */
	int64_t fine_paid_sen;    /* fines paid */
	int64_t bills;            /* allocations written */
};

/*
 * Applies the credit of one payer (every payment of theirs with money left,
 * oldest first) to their open bills, then sets the payer's BPU status as of
 * today.  Runs inside the caller's transaction.  fx (may be NULL) is added to.
 */
jr_err payments_settle(struct store *s, enum payer_kind kind, int64_t ref, struct date today,
		       struct payment_effect *fx, struct errbuf *eb);

/* payments_settle for every payer with credit left. */
jr_err payments_settle_all(struct store *s, struct date today, struct payment_effect *fx,
			   struct errbuf *eb);

/*
 * Sets a participant's BPU memberships non-active, or active again, from
 * their unpaid bills as of `day` (terms_bpu_lapsed).
 */
jr_err payments_bpu_status(struct store *s, int64_t nik, struct date day, struct errbuf *eb);

/* "payments" / "pembayaran" / "iuran": the import kind name of payment files. */
bool payments_kind_parse(const char *s);

/*
 * Imports a payments file (docs/formats.md "Payments") as one transaction,
 * like import_run: bad rows are reported through o->on_issue and skipped,
 * good rows are applied in order of payment date, a reference already
 * applied is left alone (counted unchanged).  o->kind is ignored.
 */
jr_err payments_import(struct store *s, const struct import_opts *o, struct import_result *res,
		       struct errbuf *eb);

#endif
