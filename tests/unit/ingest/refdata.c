/*
 * Tests src/ingest/refdata.c: the reference data compiled into the program
 * parses whole and answers the lookups later rules depend on.
 */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "ingest/refdata.h"

static struct refdata *ref;

static int setup(void **state)
{
	(void)state;
	struct errbuf eb;
	return refdata_load(&ref, &eb) == JR_EOK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	refdata_free(ref);
	return 0;
}

static void regions_complete(void **state)
{
	(void)state;
	/* data/SOURCES.md: 38 provinces, 514 regencies, 7,285 districts, 83,762 villages. */
	assert_int_equal(region_index_count(ref->regions, REGION_PROVINCE), 38);
	assert_int_equal(region_index_count(ref->regions, REGION_REGENCY), 514);
	assert_int_equal(region_index_count(ref->regions, REGION_DISTRICT), 7285);
	assert_int_equal(region_index_count(ref->regions, REGION_VILLAGE), 83762);
	assert_string_equal(region_index_name(ref->regions, "33.75"), "Kota Pekalongan");
	assert_string_equal(region_index_name(ref->regions, "33.26"), "Kabupaten Pekalongan");
	assert_string_equal(region_index_name(ref->regions, "33.75.01"), "Pekalongan Barat");
	assert_null(region_index_name(ref->regions, "33.99"));
}

static void kbli_codes(void **state)
{
	(void)state;
	assert_int_equal(ref->nkbli, 1791);
	assert_true(refdata_kbli_known(ref, "13134"));  /* Industri Batik */
	assert_true(refdata_kbli_known(ref, "41011"));
	assert_false(refdata_kbli_known(ref, "13130")); /* a 4-digit group padded */
	assert_false(refdata_kbli_known(ref, "1313"));
	assert_false(refdata_kbli_known(ref, "99999"));
}

static void umk_lookup(void **state)
{
	(void)state;
	static const struct {
		const char *regency;
		int year;
		bool found;
		int64_t sen;
	} cases[] = {
		/* domain.md 7.3, Kepgub Jawa Tengah */
		{"33.75", 2025, true, 254513800},   /* Kota Pekalongan 2,545,138 */
		{"33.75", 2019, true, 190692247},   /* 1,906,922.47 */
		{"33.26", 2024, true, 233488600},   /* Kab. Pekalongan 2,334,886 */
		{"33.19", 2019, true, 204446775},   /* Kudus 2,044,467.75 */
		{"33.20", 2025, true, 261022400},   /* Jepara 2,610,224 */
		{"33.27", 2023, true, 208078300},   /* Pemalang 2023: single-source row */
		{"33.28", 2019, false, 0},          /* Kab. Tegal 2019: missing (SOURCES.md) */
		{"33.75", 2026, false, 0},          /* no decree yet */
		{"31.71", 2025, false, 0},          /* outside Central Java */
	};
	assert_int_equal(ref->numk, 231);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int64_t sen = -1;
		bool found = refdata_umk(ref, cases[i].regency, cases[i].year, &sen);
		assert_int_equal(found, cases[i].found);
		if (found)
			assert_int_equal(sen, cases[i].sen);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(regions_complete),
		cmocka_unit_test(kbli_codes),
		cmocka_unit_test(umk_lookup),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
