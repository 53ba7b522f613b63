/* Tests src/coverage/coverage.c: percentages and the names of the dimensions. */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "coverage/coverage.h"

static void rounds_percentages_half_up_in_hundredths(void **state)
{
	(void)state;
	static const struct {
		int64_t active, workforce, x100;
	} cases[] = {
		{22000, 65000, 3385},  /* 33.846 % -> 33.85 */
		{16082, 65000, 2474},  /* 24.741 % */
		{128, 702, 1823},      /* 18.233 % */
		{1, 20000, 1},         /* 0.005 % rounds up to 0.01 */
		{1, 20001, 0},         /* 0.00499 % rounds down */
		{0, 100, 0},
		{150, 100, 15000},     /* over the workforce: shown as it is */
		{5, 0, -1},            /* no workforce: unknown */
		{5, -1, -1},
		{INT64_C(40000000), INT64_C(140000000), 2857},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(coverage_pct_x100(cases[i].active, cases[i].workforce),
				 cases[i].x100);
}

static void names_dimensions_in_both_languages(void **state)
{
	(void)state;
	assert_int_equal(coverage_by_parse("district"), COV_BY_DISTRICT);
	assert_int_equal(coverage_by_parse("Kecamatan"), COV_BY_DISTRICT);
	assert_int_equal(coverage_by_parse("wilayah"), COV_BY_REGION);
	assert_int_equal(coverage_by_parse("kabupaten"), COV_BY_REGION);
	assert_int_equal(coverage_by_parse("sektor"), COV_BY_SECTOR);
	assert_int_equal(coverage_by_parse("segment"), COV_BY_SEGMENT);
	assert_int_equal(coverage_by_parse("mitra"), COV_BY_PARTNER);
	assert_int_equal(coverage_by_parse("employer-kind"), COV_BY_EKIND);
	assert_int_equal(coverage_by_parse("employer_kind"), COV_BY_EKIND);
	assert_int_equal(coverage_by_parse("planet"), COV_BY_NONE);
	assert_string_equal(coverage_by_name(COV_BY_EKIND), "employer-kind");
	assert_string_equal(coverage_by_name(COV_BY_NONE), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rounds_percentages_half_up_in_hundredths),
		cmocka_unit_test(names_dimensions_in_both_languages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
