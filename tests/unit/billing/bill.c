/*
 * tests/unit/billing/bill.c - the pure parts of the bill run and the
 * arrears report: who pays a membership, how an iuran result becomes a bill
 * line, and how one unpaid bill adds to a payer's arrears.
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "billing/arrears.h"
#include "billing/bill.h"
#include "billing/terms.h"

static void test_payer_of(void **state)
{
	(void)state;
	static const struct {
		struct store_billable m;
		enum payer_kind kind;
		int64_t ref;
	} cases[] = {
		/* PU and JAKON: the employer. */
		{{.segment = SEG_PU, .employer_id = 7, .person_nik = 3375010101800001},
		 PAYER_KIND_EMPLOYER, 7},
		{{.segment = SEG_JAKON, .employer_id = 9, .person_nik = 3375010101800001},
		 PAYER_KIND_EMPLOYER, 9},
		/* BPU: the participant, by NIK. */
		{{.segment = SEG_BPU, .person_nik = 3375011010900010}, PAYER_KIND_PARTICIPANT,
		 3375011010900010},
		/* A partner paying for a cohort, named on the membership. */
		{{.segment = SEG_BPU, .person_nik = 3375011010900010, .payer_kind = PAYER_KIND_PARTNER,
		  .payer_ref = 4},
		 PAYER_KIND_PARTNER, 4},
		/* A PU membership without an employer on file falls to the participant. */
		{{.segment = SEG_PU, .person_nik = 3375010101800001}, PAYER_KIND_PARTICIPANT,
		 3375010101800001},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		enum payer_kind kind;
		int64_t ref;
		bill_payer_of(&cases[i].m, &kind, &ref);
		assert_int_equal(kind, cases[i].kind);
		assert_int_equal(ref, cases[i].ref);
	}
}

static void test_line_from(void **state)
{
	(void)state;
	/* Rp20,000,000 in November 2024, risk group I: JP capped at Rp10,042,300. */
	struct iuran_result res = {
		.nlines = 5,
		.line = {
			{.program = PROG_JKK, .employer_sen = 4800000, .total_sen = 4800000},
			{.program = PROG_JKM, .employer_sen = 6000000, .total_sen = 6000000},
			{.program = PROG_JHT, .employer_sen = 74000000, .worker_sen = 40000000,
			 .total_sen = 114000000},
			{.program = PROG_JP, .employer_sen = 20084600, .worker_sen = 10042300,
			 .total_sen = 30126900},
			{.program = PROG_JKP},
		},
		.base_sen = 2000000000,
	};
	struct store_bill_line l;
	memset(&l, 0xff, sizeof(l));
	bill_line_from(&res, PROG_ALL, &l);
	assert_int_equal(l.programs, PROG_ALL);
	assert_int_equal(l.base_sen, 2000000000);
	assert_int_equal(l.program_sen[0], 4800000);
	assert_int_equal(l.program_sen[1], 6000000);
	assert_int_equal(l.program_sen[2], 114000000);
	assert_int_equal(l.program_sen[3], 30126900);
	assert_int_equal(l.program_sen[4], 0);
	assert_int_equal(l.worker_sen, 50042300);
	/* The line's total is the sum of its programs. */
	assert_int_equal(l.total_sen, 154926900);
}

static struct store_bill bill(int period, int64_t total, int64_t paid, int64_t fine,
			      int64_t fine_paid)
{
	struct store_bill b = {.period = period, .payer_kind = PAYER_KIND_EMPLOYER, .payer_ref = 1};
	struct bill_terms t = terms_for(PAYER_KIND_EMPLOYER, period);
	b.due = t.due;
	b.fine_ppm = t.fine_ppm;
	b.total_sen = total;
	b.paid_sen = paid;
	b.fine_sen = fine;
	b.fine_paid_sen = fine_paid;
	return b;
}

static void test_arrears_add(void **state)
{
	(void)state;
	struct arrears_payer p = {.kind = PAYER_KIND_EMPLOYER, .ref = 1};
	struct errbuf eb;
	struct date as_of = {2025, 4, 20};
	/* November 2024, Rp1,383,269 unpaid: 5 months late on 20 Apr 2025, 10 % fine. */
	struct store_bill b = bill(202411, 238326900, 100000000, 0, 0);
	assert_int_equal(arrears_add_bill(&p, &b, as_of, &eb), JR_EOK);
	assert_int_equal(p.over_3_sen, 138326900);
	assert_int_equal(p.fines_sen, 13832700);
	assert_true(p.employer_pays_jkk_first);
	/* March 2025 not yet due (15 Apr < 20 Apr: 1 month late); April current. */
	b = bill(202503, 100000000, 0, 0, 0);
	assert_int_equal(arrears_add_bill(&p, &b, as_of, &eb), JR_EOK);
	assert_int_equal(p.months_1_3_sen, 100000000);
	b = bill(202504, 100000000, 0, 0, 0);
	assert_int_equal(arrears_add_bill(&p, &b, as_of, &eb), JR_EOK);
	assert_int_equal(p.current_sen, 100000000);
	/* A paid bill with a fine assessed and not yet paid: only the fine. */
	b = bill(202410, 100000000, 100000000, 400000, 100000);
	assert_int_equal(arrears_add_bill(&p, &b, as_of, &eb), JR_EOK);
	assert_int_equal(p.owed_sen, 138326900 + 200000000);
	assert_int_equal(p.fines_sen, 13832700 + 2000000 + 300000);
	assert_int_equal(p.oldest_period, 202411);

	/* BPU: never fined, never the JKK flag. */
	struct arrears_payer q = {.kind = PAYER_KIND_PARTICIPANT, .ref = 3375011010900010};
	struct store_bill c = {.period = 202411, .payer_kind = PAYER_KIND_PARTICIPANT,
			       .due = {2024, 11, 15}, .total_sen = 1680000};
	assert_int_equal(arrears_add_bill(&q, &c, as_of, &eb), JR_EOK);
	assert_int_equal(q.over_3_sen, 1680000);
	assert_int_equal(q.fines_sen, 0);
	assert_false(q.employer_pays_jkk_first);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_payer_of),
		cmocka_unit_test(test_line_from),
		cmocka_unit_test(test_arrears_add),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
