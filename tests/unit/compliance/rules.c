/* Tests src/compliance/rules.c: the pure compliance rules, on worked examples. */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "compliance/compliance.h"
#include "core/money.h"
#include "ingest/rates.h"

#define RP(x) ((int64_t)(x) * SEN_PER_RUPIAH)

static struct rates *rates;

static int load(void **state)
{
	(void)state;
	struct errbuf eb;
	return rates_load(&rates, &eb) == JR_EOK ? 0 : -1;
}

static int unload(void **state)
{
	(void)state;
	rates_free(rates);
	return 0;
}

static void names_kinds(void **state)
{
	(void)state;
	for (int k = FINDING_NONE + 1; k < FINDING_COUNT; k++)
		assert_int_equal(finding_kind_parse(finding_kind_name((enum finding_kind)k)), k);
	assert_int_equal(finding_kind_parse("PDS-UPAH"), FINDING_PDS_UPAH);
	assert_int_equal(finding_kind_parse("pds"), FINDING_NONE);
	assert_int_equal(finding_kind_parse(""), FINDING_NONE);
	assert_string_equal(finding_kind_name(FINDING_NONE), "");
}

static struct iuran_case pu(int64_t wage, int risk, unsigned programs)
{
	struct iuran_case c = {.segment = SEG_PU, .year = 2025, .month = 6, .wage_sen = wage,
			       .risk_group = risk, .programs = programs};
	return c;
}

/* Rp2,000,000 against the UMK Rp2,545,138, risk II, JKK JKM JHT: 166,452 - 130,800. */
static void wage_gap_is_the_difference_at_the_floor(void **state)
{
	(void)state;
	struct errbuf eb;
	int64_t gap;
	struct iuran_case c = pu(RP(2000000), 2, PROG_JKK | PROG_JKM | PROG_JHT);
	assert_int_equal(compliance_wage_gap(rates, &c, RP(2545138), &gap, &eb), JR_EOK);
	assert_int_equal(gap, RP(35652));
	c.wage_sen = RP(2545138);
	assert_int_equal(compliance_wage_gap(rates, &c, RP(2545138), &gap, &eb), JR_EOK);
	assert_int_equal(gap, 0);
}

/* Perpres 109/2013: large without JP lacks 3% of Rp3,000,000; micro needs no JHT. */
static void program_gap_prices_the_missing_programs(void **state)
{
	(void)state;
	struct errbuf eb;
	int64_t gap;
	unsigned missing;
	struct iuran_case c = pu(RP(3000000), 1, PROG_JKK | PROG_JKM | PROG_JHT);
	assert_int_equal(compliance_program_gap(rates, &c, programs_required_pu(SCALE_LARGE),
						&missing, &gap, &eb), JR_EOK);
	assert_int_equal(missing, PROG_JP);
	assert_int_equal(gap, RP(90000));
	c = pu(RP(2600000), 1, PROG_JKK | PROG_JKM);
	assert_int_equal(compliance_program_gap(rates, &c, programs_required_pu(SCALE_MICRO),
						&missing, &gap, &eb), JR_EOK);
	assert_int_equal(missing, 0);
	assert_int_equal(gap, 0);
	assert_int_equal(compliance_program_gap(rates, &c, programs_required_pu(SCALE_MEDIUM),
						&missing, &gap, &eb), JR_EOK);
	assert_int_equal(missing, PROG_JHT | PROG_JP);
	assert_int_equal(gap, RP(226200));
}

static void arrears_spread_over_the_late_months(void **state)
{
	(void)state;
	struct date june20 = {2025, 6, 20};
	assert_int_equal(compliance_arrears_monthly(RP(561600), 202503, june20), RP(187200));
	assert_int_equal(compliance_arrears_monthly(RP(100), 202506, june20), RP(100));
	assert_int_equal(compliance_arrears_monthly(RP(100), 202505, june20), RP(100));
	assert_int_equal(compliance_arrears_monthly(RP(1200), 202406, june20), RP(100));
	assert_int_equal(compliance_arrears_monthly(0, 202406, june20), 0);
}

static void headcount_gap(void **state)
{
	(void)state;
	int64_t sen;
	assert_int_equal(compliance_headcount_gap(50, 20, RP(200000), &sen), 30);
	assert_int_equal(sen, RP(6000000));
	assert_int_equal(compliance_headcount_gap(10, 12, RP(200000), &sen), 0);
	assert_int_equal(sen, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_kinds),
		cmocka_unit_test(wage_gap_is_the_difference_at_the_floor),
		cmocka_unit_test(program_gap_prices_the_missing_programs),
		cmocka_unit_test(arrears_spread_over_the_late_months),
		cmocka_unit_test(headcount_gap),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
