/* Tests src/construction/sirup.c and report.c's fold: the pure procurement rules. */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "construction/construction.h"
#include "ingest/rates.h"

static void parses_rup_codes(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} ok[] = {
		{"54430532", "54430532"},
		{"56168878;56168859;56168861", "56168859;56168861;56168878"},
		{" 2, 10 ;2 ", "2;10"}, /* numeric order, repeats dropped */
		{"007", "7"},
	};
	char out[SIRUP_KD_RUP_SIZE];
	struct errbuf eb;
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		assert_int_equal(sirup_codes_parse(ok[i].in, strlen(ok[i].in), out, &eb), JR_EOK);
		assert_string_equal(out, ok[i].out);
	}
	static const char *bad[] = {"", " ; ", "ABC", "123A", "1234567890123", "1-2"};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(sirup_codes_parse(bad[i], strlen(bad[i]), out, &eb), JR_EINVALID);
	assert_true(sirup_codes_contain("56168859;56168861;56168878", "56168861"));
	assert_false(sirup_codes_contain("56168859;56168861", "5616886"));
	assert_false(sirup_codes_contain("56168859", ""));
}

static void parses_lkpp_amounts(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int64_t sen;
	} ok[] = {
		{"426156000", 42615600000},       {"1499321187.61", 149932118761},
		{"699664087.7", 69966408770},     {"1.000.000.000", 100000000000},
		{"950.000.000,00", 95000000000},  {"100.005", 10001}, /* 3 decimals: rounded */
		{"100.0049", 10000},              {"Rp5.000", 500000},
	};
	int64_t sen;
	struct errbuf eb;
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		assert_int_equal(sirup_money_parse(ok[i].in, strlen(ok[i].in), &sen, &eb), JR_EOK);
		assert_int_equal(sen, ok[i].sen);
	}
	static const char *bad[] = {"-5000", "1.2.3", "abc", "", "1e9"};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_not_equal(sirup_money_parse(bad[i], strlen(bad[i]), &sen, &eb), JR_EOK);
}

static void later_tender_wins_unless_it_failed(void **state)
{
	(void)state;
	struct sirup_package ok = {.failed = false}, failed = {.failed = true};
	assert_true(sirup_supersedes(&failed, &ok));
	assert_true(sirup_supersedes(&ok, &ok));
	assert_true(sirup_supersedes(&failed, &failed));
	assert_false(sirup_supersedes(&ok, &failed));
}

static void one_worker_per_hundred_million(void **state)
{
	(void)state;
	const int64_t m = (int64_t)1000000 * SEN_PER_RUPIAH;
	assert_int_equal(construction_expected_workers(0), 0);
	assert_int_equal(construction_expected_workers(1), 1);
	assert_int_equal(construction_expected_workers(100 * m), 1);
	assert_int_equal(construction_expected_workers(100 * m + 1), 2);
	assert_int_equal(construction_expected_workers(15799973356 * SEN_PER_RUPIAH + 71), 158);
}

/* Worked example: the tiers on Rp425,643,856 (see tests/cli/construction.sh). */
static void prices_by_marginal_tiers(void **state)
{
	(void)state;
	struct rates *r;
	struct errbuf eb;
	assert_int_equal(rates_load(&r, &eb), JR_EOK);
	struct sirup_package p = {.value_sen = 42564385600, .priced_on = {2025, 6, 1}};
	assert_int_equal(sirup_price(r, &p, &eb), JR_EOK);
	assert_int_equal(p.expected_sen, 85872400);
	assert_int_equal(p.expected_workers, 5);
	/* Exactly Rp1 billion: 210,000 + 680,000 + 650,000 JKK; 30,000 + 80,000 + 100,000 JKM. */
	p.value_sen = (int64_t)1000000000 * SEN_PER_RUPIAH;
	assert_int_equal(sirup_price(r, &p, &eb), JR_EOK);
	assert_int_equal(p.expected_sen, (int64_t)1750000 * SEN_PER_RUPIAH);
	/* Before July 2015 the first table applies. */
	p.priced_on = (struct date){2014, 3, 1};
	assert_int_equal(sirup_price(r, &p, &eb), JR_EOK);
	assert_int_equal(p.expected_sen, (int64_t)1750000 * SEN_PER_RUPIAH);
	rates_free(r);
}

static void folds_names(void **state)
{
	(void)state;
	char a[64], b[64];
	construction_fold("Pembangunan RSUD  Pacira, Lanjutan", a, sizeof(a));
	construction_fold("PEMBANGUNAN RSUD PACIRA LANJUTAN", b, sizeof(b));
	assert_string_equal(a, "pembangunan rsud pacira lanjutan");
	assert_string_equal(a, b);
	construction_fold("  (Rehab) Kantor-01 ", a, sizeof(a));
	assert_string_equal(a, "rehab kantor 01");
	construction_fold("abcdef", a, 4);
	assert_string_equal(a, "abc");
}

static void matches_projects_to_packages(void **state)
{
	(void)state;
	struct sirup_package pk = {.kd_rup = "56168859;56168861;56168878", .year = 2025,
				   .name = "Pembangunan RSUD Pacira Lanjutan",
				   .owner = "DINAS PEKERJAAN UMUM DAN TATA RUANG"};
	struct store_project pr = {.kd_rup = "56168861", .start = {2025, 4, 1}};
	assert_string_equal(construction_match(&pk, &pr), "kd_rup");
	snprintf(pr.kd_rup, sizeof(pr.kd_rup), "99999999");
	snprintf(pr.name, sizeof(pr.name), "%s", pk.name);
	snprintf(pr.owner, sizeof(pr.owner), "%s", pk.owner);
	assert_null(construction_match(&pk, &pr)); /* another RUP code: never by name */
	pr.kd_rup[0] = '\0';
	snprintf(pr.name, sizeof(pr.name), "PEMBANGUNAN RSUD  PACIRA, LANJUTAN");
	snprintf(pr.owner, sizeof(pr.owner), "Dinas Pekerjaan Umum dan Tata Ruang");
	assert_string_equal(construction_match(&pk, &pr), "name");
	pr.start.year = 2024;
	assert_null(construction_match(&pk, &pr)); /* another budget year */
	pr.start.year = 2025;
	snprintf(pr.owner, sizeof(pr.owner), "Dinas Kesehatan");
	assert_null(construction_match(&pk, &pr)); /* another owner */
	snprintf(pr.owner, sizeof(pr.owner), "%s", pk.owner);
	snprintf(pr.name, sizeof(pr.name), "Pembangunan RSUD Pacira");
	assert_null(construction_match(&pk, &pr)); /* a near miss is not a match */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_rup_codes),
		cmocka_unit_test(parses_lkpp_amounts),
		cmocka_unit_test(later_tender_wins_unless_it_failed),
		cmocka_unit_test(one_worker_per_hundred_million),
		cmocka_unit_test(prices_by_marginal_tiers),
		cmocka_unit_test(folds_names),
		cmocka_unit_test(matches_projects_to_packages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
