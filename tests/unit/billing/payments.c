/*
 * tests/unit/billing/payments.c - money applied to bills on a scratch
 * database: oldest bill first, fines for late money (the PP 49/2020 rate
 * included), fines paid from the same money, credit carried to later bills
 * as of the day it was paid, and a BPU membership lapsing and coming back.
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>

#include "billing/payments.h"
#include "billing/terms.h"

struct fixture {
	char path[64];
	struct store *s;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct errbuf eb;
	snprintf(f->path, sizeof(f->path), "/tmp/jaring-test-payments-%ld.db", (long)getpid());
	remove(f->path);
	if (store_open(f->path, STORE_CREATE, &f->s, &eb) != JR_EOK) {
		fprintf(stderr, "%s\n", eb.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char side[80];
	store_close(f->s);
	remove(f->path);
	snprintf(side, sizeof(side), "%s-wal", f->path);
	remove(side);
	snprintf(side, sizeof(side), "%s-shm", f->path);
	remove(side);
	free(f);
	return 0;
}

struct feed {
	struct store_bill *b;
	size_t n, i;
};

static struct store_bill *next(void *ctx)
{
	struct feed *f = ctx;
	return f->i < f->n ? &f->b[f->i++] : NULL;
}

/* Inserts bills of one payer for the given periods and totals. */
static void add_bills(struct store *s, enum payer_kind kind, int64_t ref, const int *periods,
		      const int64_t *totals, size_t n)
{
	struct store_bill b[8];
	struct errbuf eb;
	assert_true(n <= ARRAY_SIZE(b));
	for (size_t i = 0; i < n; i++) {
		struct bill_terms t = terms_for(kind, periods[i]);
		memset(&b[i], 0, sizeof(b[i]));
		b[i].period = periods[i];
		b[i].payer_kind = kind;
		b[i].payer_ref = ref;
		b[i].due = t.due;
		b[i].fine_ppm = t.fine_ppm;
		b[i].lines = 1;
		b[i].total_sen = totals[i];
	}
	struct feed f = {b, n, 0};
	assert_int_equal(store_bills_insert(s, next, &f, &eb), JR_EOK);
}

static void pay(struct store *s, enum payer_kind kind, int64_t ref, const char *reference,
		int64_t amount, struct date on, struct date today)
{
	struct store_payment p = {.payer_kind = kind, .payer_ref = ref, .period = period_of(on),
				  .amount_sen = amount, .paid_on = on, .unallocated_sen = amount};
	struct errbuf eb;
	snprintf(p.reference, sizeof(p.reference), "%s", reference);
	assert_int_equal(store_payment_insert(s, &p, &eb), JR_EOK);
	assert_int_equal(payments_settle(s, kind, ref, today, NULL, &eb), JR_EOK);
}

struct found {
	struct store_bill b[8];
	size_t n;
};

static jr_err keep(void *ctx, const struct store_bill *b)
{
	struct found *f = ctx;
	if (f->n < ARRAY_SIZE(f->b))
		f->b[f->n++] = *b;
	return JR_EOK;
}

/* The bills of a period, as stored. */
static struct store_bill get(struct store *s, int period, enum payer_kind kind, int64_t ref)
{
	struct found f = {.n = 0};
	struct errbuf eb;
	assert_int_equal(store_bills_each(s, period, keep, &f, &eb), JR_EOK);
	for (size_t i = 0; i < f.n; i++)
		if (f.b[i].payer_kind == kind && f.b[i].payer_ref == ref)
			return f.b[i];
	fail_msg("no bill %d", period);
	return f.b[0];
}

static int64_t credit(struct store *s, const char *reference)
{
	struct store_payment p;
	bool found;
	struct errbuf eb;
	assert_int_equal(store_payment_find(s, reference, &p, &found, &eb), JR_EOK);
	assert_true(found);
	return p.unallocated_sen;
}

static void test_pp49_fine_and_credit(void **state)
{
	struct fixture *f = *state;
	struct errbuf eb;
	const enum payer_kind E = PAYER_KIND_EMPLOYER;
	/* September 2020 (PP 49/2020: due 30 Oct 2020, 0.5 % a month) and March 2021 (2 %). */
	static const int periods[] = {202009, 202103};
	static const int64_t totals[] = {100000000, 50000000}; /* Rp1,000,000 and Rp500,000 */
	assert_int_equal(store_begin(f->s, &eb), JR_EOK);
	add_bills(f->s, E, 1, periods, totals, 2);
	/* Paid whole on 15 Jan 2021: 3 months late (31 Oct-30 Nov, -30 Dec, -30 Jan):
	 * 0.5 % x 3 x 1,000,000 = Rp15,000, paid from the same money; 85,000 - 15,000 ... */
	pay(f->s, E, 1, "A", 120000000, (struct date){2021, 1, 15}, (struct date){2021, 1, 15});
	struct store_bill b = get(f->s, 202009, E, 1);
	assert_int_equal(b.paid_sen, 100000000);
	assert_int_equal(b.fine_sen, 1500000);
	assert_int_equal(b.fine_paid_sen, 1500000);
	/* Rp185,000 left goes to March 2021 before it is due: no fine. */
	b = get(f->s, 202103, E, 1);
	assert_int_equal(b.paid_sen, 18500000);
	assert_int_equal(b.fine_sen, 0);
	assert_int_equal(credit(f->s, "A"), 0);
	/* The rest of March paid on 16 Apr 2021, 1 month late: 2 % of 315,000 = 6,300;
	 * the payment covers 315,000 + 6,300 and leaves 78,700 as credit. */
	pay(f->s, E, 1, "B", 40000000, (struct date){2021, 4, 16}, (struct date){2021, 4, 16});
	b = get(f->s, 202103, E, 1);
	assert_int_equal(b.paid_sen, 50000000);
	assert_int_equal(b.fine_sen, 630000);
	assert_int_equal(b.fine_paid_sen, 630000);
	assert_int_equal(credit(f->s, "B"), 7870000);
	/* A later bill takes the credit as of 16 Apr 2021, before its due date. */
	static const int later[] = {202104};
	static const int64_t later_total[] = {50000000};
	add_bills(f->s, E, 1, later, later_total, 1);
	struct payment_effect fx = {0};
	assert_int_equal(payments_settle_all(f->s, (struct date){2021, 5, 1}, &fx, &eb), JR_EOK);
	assert_int_equal(fx.contribution_sen, 7870000);
	assert_int_equal(fx.fine_assessed_sen, 0);
	b = get(f->s, 202104, E, 1);
	assert_int_equal(b.paid_sen, 7870000);
	assert_int_equal(credit(f->s, "B"), 0);
	store_commit(f->s, &eb);
}

static void test_bpu_lapse_and_return(void **state)
{
	struct fixture *f = *state;
	struct errbuf eb;
	const int64_t nik = 3375011010900010;
	const enum payer_kind P = PAYER_KIND_PARTICIPANT;
	struct person p = {.nik = nik};
	struct membership m = {.person_nik = nik, .segment = SEG_BPU, .wage_sen = 100000000,
			       .programs = PROG_JKK | PROG_JKM, .start = {2024, 1, 1}};
	snprintf(p.name, sizeof(p.name), "Tarmuji");
	assert_int_equal(store_begin(f->s, &eb), JR_EOK);
	assert_int_equal(store_person_upsert(f->s, &p, NULL, &eb), JR_EOK);
	assert_int_equal(store_membership_upsert(f->s, &m, 0, NULL, &eb), JR_EOK);
	static const int periods[] = {202411, 202412, 202501};
	static const int64_t totals[] = {1680000, 1680000, 1680000};
	add_bills(f->s, P, nik, periods, totals, 3);
	/* Three unpaid months on 1 Feb 2025: non-active. */
	assert_int_equal(payments_bpu_status(f->s, nik, (struct date){2025, 2, 1}, &eb), JR_EOK);
	struct store_billable *rows;
	size_t n;
	assert_int_equal(store_billable_load(f->s, (struct date){2025, 2, 1},
					     (struct date){2025, 2, 28}, &rows, &n, &eb),
			 JR_EOK);
	assert_int_equal(n, 1);
	assert_true(rows[0].inactive);
	free(rows);
	/* Paying one month (late, but BPU money is never fined) makes it active again. */
	pay(f->s, P, nik, "BPU-1", 1680000, (struct date){2025, 2, 10}, (struct date){2025, 2, 10});
	struct store_bill b = get(f->s, 202411, P, nik);
	assert_int_equal(b.paid_sen, 1680000);
	assert_int_equal(b.fine_sen, 0);
	assert_int_equal(store_billable_load(f->s, (struct date){2025, 2, 1},
					     (struct date){2025, 2, 28}, &rows, &n, &eb),
			 JR_EOK);
	assert_int_equal(n, 1);
	assert_false(rows[0].inactive);
	free(rows);
	store_rollback(f->s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pp49_fine_and_credit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bpu_lapse_and_return, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
