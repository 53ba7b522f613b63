/*
 * tests/unit/billing/terms.c - contribution months, due dates, months of
 * delay, fines, arrears age and the BPU lapse, each against worked cases
 * (docs/rules.md "Bills, payments, arrears").
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "billing/terms.h"

static struct date d(int y, int m, int day)
{
	return (struct date){y, m, day};
}

static void test_period_parse(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int period; /* 0: rejected */
	} cases[] = {
		{"2024-11", 202411}, {"2024-1", 202401},  {"2024/12", 202412}, {"11-2024", 202411},
		{"1/2025", 202501},  {" 2015-07 ", 201507}, {"2015-06", 0},    {"2024-13", 0},
		{"2024-00", 0},      {"2024", 0},         {"2024-11-01", 0},   {"", 0},
		{"24-11", 0},        {"2024-011", 0},     {"abcd-ef", 0},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct errbuf eb;
		int p = 0;
		jr_err err = period_parse(cases[i].in, strlen(cases[i].in), &p, &eb);
		if (cases[i].period) {
			assert_int_equal(err, JR_EOK);
			assert_int_equal(p, cases[i].period);
		} else {
			assert_int_not_equal(err, JR_EOK);
			assert_true(eb.msg[0] != '\0');
		}
	}
}

static void test_period_days(void **state)
{
	(void)state;
	char buf[PERIOD_TEXT_SIZE];
	period_format(202402, buf);
	assert_string_equal(buf, "2024-02");
	assert_int_equal(period_last(202402).day, 29);
	assert_int_equal(period_last(202302).day, 28);
	assert_int_equal(period_first(202411).day, 1);
	assert_int_equal(period_add(202411, 1), 202412);
	assert_int_equal(period_add(202412, 1), 202501);
	assert_int_equal(period_add(202501, -1), 202412);
	assert_int_equal(period_add(202406, 18), 202512);
	assert_int_equal(period_of(d(2024, 12, 31)), 202412);
}

static void test_terms_for(void **state)
{
	(void)state;
	static const struct {
		enum payer_kind kind;
		int period;
		struct date due;
		int64_t ppm;
	} cases[] = {
		/* Employers: 15th of the next month, 2 % a month. */
		{PAYER_KIND_EMPLOYER, 202411, {2024, 12, 15}, 20000},
		{PAYER_KIND_EMPLOYER, 202412, {2025, 1, 15}, 20000}, /* across the year */
		{PAYER_KIND_EMPLOYER, 202007, {2020, 8, 15}, 20000},
		/* PP 49/2020: Aug 2020 - Jan 2021 due the 30th of the next month, 0.5 %. */
		{PAYER_KIND_EMPLOYER, 202008, {2020, 9, 30}, 5000},
		{PAYER_KIND_EMPLOYER, 202012, {2021, 1, 30}, 5000},
		{PAYER_KIND_EMPLOYER, 202101, {2021, 2, 28}, 5000}, /* February has no 30th */
		{PAYER_KIND_EMPLOYER, 202102, {2021, 3, 15}, 20000},
		/* BPU and partners: 15th of the same month, no fine. */
		{PAYER_KIND_PARTICIPANT, 202411, {2024, 11, 15}, 0},
		{PAYER_KIND_PARTICIPANT, 202009, {2020, 9, 15}, 0},
		{PAYER_KIND_PARTNER, 202501, {2025, 1, 15}, 0},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct bill_terms t = terms_for(cases[i].kind, cases[i].period);
		assert_int_equal(date_cmp(t.due, cases[i].due), 0);
		assert_int_equal(t.fine_ppm, cases[i].ppm);
	}
}

static void test_months_late(void **state)
{
	(void)state;
	static const struct {
		struct date due, paid;
		int months;
	} cases[] = {
		{{2024, 12, 15}, {2024, 12, 1}, 0},
		{{2024, 12, 15}, {2024, 12, 15}, 0},  /* on the due day: not late */
		{{2024, 12, 15}, {2024, 12, 16}, 1},  /* the day after: month 1 */
		{{2024, 12, 15}, {2025, 1, 15}, 1},   /* ... until the same day a month later */
		{{2024, 12, 15}, {2025, 1, 16}, 2},   /* across the year boundary */
		{{2024, 12, 15}, {2025, 1, 20}, 2},
		{{2024, 12, 15}, {2025, 2, 15}, 2},
		{{2024, 12, 15}, {2025, 2, 16}, 3},
		{{2024, 12, 15}, {2025, 12, 16}, 13},
		{{2021, 2, 28}, {2021, 3, 28}, 1},    /* a due day at the end of February */
		{{2021, 2, 28}, {2021, 3, 29}, 2},
		{{2020, 9, 30}, {2020, 10, 30}, 1},
		{{2020, 9, 30}, {2020, 10, 31}, 2},
		{{2024, 11, 15}, {2025, 1, 10}, 2},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(terms_months_late(cases[i].due, cases[i].paid), cases[i].months);
}

static void test_fine(void **state)
{
	(void)state;
	static const struct {
		int64_t amount, ppm;
		int months;
		int64_t fine;
	} cases[] = {
		{15696000, 20000, 2, 627800},       /* 2 % x 2 x 156,960 = 6,278.40 -> 6,278 */
		{3676200, 20000, 1, 73500},         /* 735.24 -> 735 */
		{24059800, 20000, 1, 481200},       /* 4,811.96 -> 4,812 */
		{250000000, 5000, 3, 3750000},      /* PP 49/2020: 0.5 % x 3 x 2,500,000 = 37,500 */
		{10000000, 20000, 0, 0},            /* not late */
		{10000000, 0, 5, 0},                /* BPU: no fine */
		{2500, 20000, 1, 100},              /* 2 % of Rp25 = Rp0.50 -> Rp1 (half-up) */
		{2400, 20000, 1, 0},                /* 2 % of Rp24 = Rp0.48 -> Rp0 */
		{2500000, 20000, 1, 50000},         /* 2 % of Rp25,000 = Rp500 */
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct errbuf eb;
		int64_t f = -1;
		assert_int_equal(terms_fine(cases[i].amount, cases[i].ppm, cases[i].months, &f, &eb),
				 JR_EOK);
		assert_int_equal(f, cases[i].fine);
	}
	/* Half-up at whole rupiah: 2 % of Rp125 = Rp2.50 -> Rp3; of Rp124 = Rp2.48 -> Rp2. */
	struct errbuf eb;
	int64_t f;
	assert_int_equal(terms_fine(12500, 20000, 1, &f, &eb), JR_EOK);
	assert_int_equal(f, 300);
	assert_int_equal(terms_fine(12400, 20000, 1, &f, &eb), JR_EOK);
	assert_int_equal(f, 200);
	/* Too big to compute is an error, not a wrong number. */
	assert_int_equal(terms_fine(INT64_MAX / 2, 20000, 12, &f, &eb), JR_ETOOBIG);
}

static void test_age(void **state)
{
	(void)state;
	struct date due = {2024, 12, 15};
	assert_int_equal(terms_age(due, d(2024, 12, 15)), AGE_CURRENT);
	assert_int_equal(terms_age(due, d(2024, 12, 16)), AGE_1_3);
	assert_int_equal(terms_age(due, d(2025, 3, 15)), AGE_1_3);
	assert_int_equal(terms_age(due, d(2025, 3, 16)), AGE_OVER_3);
}

static void test_bpu_lapse(void **state)
{
	(void)state;
	struct date unpaid[] = {{2025, 1, 15}, {2024, 11, 15}, {2024, 12, 15}, {2025, 2, 15}};
	struct date since;
	/* On 1 Feb 2025, three bills were due before: non-active since 16 Jan. */
	assert_true(terms_bpu_lapsed(unpaid, 4, d(2025, 2, 1), &since));
	assert_int_equal(date_cmp(since, d(2025, 1, 16)), 0);
	/* On 15 Jan the third is due that day, not before: still active. */
	assert_false(terms_bpu_lapsed(unpaid, 4, d(2025, 1, 15), &since));
	assert_true(terms_bpu_lapsed(unpaid, 4, d(2025, 1, 16), &since));
	/* Two unpaid: active. */
	assert_false(terms_bpu_lapsed(unpaid, 2, d(2026, 1, 1), &since));
	assert_false(terms_bpu_lapsed(NULL, 0, d(2026, 1, 1), NULL));
	/* The oldest three count, in any order. */
	struct date many[] = {{2024, 5, 15}, {2024, 3, 15}, {2024, 4, 15}, {2024, 1, 15},
			      {2024, 2, 15}};
	assert_true(terms_bpu_lapsed(many, 5, d(2024, 12, 1), &since));
	assert_int_equal(date_cmp(since, d(2024, 3, 16)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_parse), cmocka_unit_test(test_period_days),
		cmocka_unit_test(test_terms_for),    cmocka_unit_test(test_months_late),
		cmocka_unit_test(test_fine),         cmocka_unit_test(test_age),
		cmocka_unit_test(test_bpu_lapse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
