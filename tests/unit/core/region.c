/*
 * tests/unit/core/region.c - region code shapes and the region name index.
 *
 * The small index is built by hand from real Kemendagri codes (data/wilayah_*.csv);
 * a synthetic index the size of the real one checks that lookups stay exact
 * at scale.
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/region.h"

static const struct {
	const char *code, *name;
} sample[] = {
	/* deliberately out of order: finish sorts */
	{ "33.75.01.1002", "Medono" },
	{ "33.75", "Kota Pekalongan" },
	{ "33", "Jawa Tengah" },
	{ "33.75.01", "Pekalongan Barat" },
	{ "33.75.02", "Pekalongan Timur" },
	{ "33.26", "Kabupaten Pekalongan" },
	{ "33.19", "Kabupaten Kudus" },
	{ "11", "Aceh" },
	{ "11.01", "Kabupaten Aceh Selatan" },
	{ "11.01.01", "Bakongan" },
	{ "11.01.01.2001", "Keude Bakongan" },
	{ "33.75.01.1003", "Podosugih" },
};

static struct region_index *build_sample(void)
{
	struct region_index *ix = region_index_new();
	assert_non_null(ix);
	for (size_t i = 0; i < ARRAY_SIZE(sample); i++) {
		struct errbuf eb = { "" };
		assert_int_equal(region_index_add(ix, sample[i].code, sample[i].name, &eb),
				 JR_EOK);
	}
	region_index_finish(ix);
	return ix;
}

static void test_normalise_good(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
		enum region_level level;
	} cases[] = {
		{ "33", "33", REGION_PROVINCE },
		{ "33.75", "33.75", REGION_REGENCY },
		{ "33.75.01", "33.75.01", REGION_DISTRICT },
		{ "33.75.01.1001", "33.75.01.1001", REGION_VILLAGE },
		{ "3375", "33.75", REGION_REGENCY },
		{ "337501", "33.75.01", REGION_DISTRICT },
		{ "3375011001", "33.75.01.1001", REGION_VILLAGE },
		{ "  33.75 ", "33.75", REGION_REGENCY },
		{ "\t3375011001\n", "33.75.01.1001", REGION_VILLAGE },
		{ "00", "00", REGION_PROVINCE }, /* shape only, existence not checked */
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char out[REGION_CODE_SIZE];
		struct errbuf eb = { "" };
		enum region_level lv =
			region_code_normalise(cases[i].in, strlen(cases[i].in), out, &eb);
		if (lv != cases[i].level)
			fail_msg("'%s': level %d (%s)", cases[i].in, lv, eb.msg);
		assert_string_equal(out, cases[i].out);
	}
}

static void test_normalise_bad(void **state)
{
	(void)state;
	static const char *const cases[] = {
		"", "   ", "3", "333", "33333", "3375011", "337501100", "33750110011",
		"33.7", "33.750", "33.75.1", "33.75.01.101", "33.75.01.10011",
		"33.75.01.1001.1", "3.375", "3375.01", "33..75", ".33", "33.", "33.75.",
		"33-75", "33 75", "3a", "33.7a", "33.75.01.100x", "336501x001",
		"33.75.01.1001.", "123456789012345678901234567890",
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char out[REGION_CODE_SIZE] = "junk";
		struct errbuf eb = { "" };
		enum region_level lv = region_code_normalise(cases[i], strlen(cases[i]), out, &eb);
		if (lv != REGION_NONE)
			fail_msg("'%s' accepted as level %d", cases[i], lv);
		assert_string_equal(out, "");
		assert_non_null(strstr(eb.msg, "salah bentuk"));
	}
	/* the message quotes at most 16 bytes of the input */
	char out[REGION_CODE_SIZE];
	struct errbuf eb;
	region_code_normalise("123456789012345678901234567890", 30, out, &eb);
	assert_non_null(strstr(eb.msg, "'1234567890123456...'"));
}

static void test_lookup(void **state)
{
	(void)state;
	struct region_index *ix = build_sample();
	for (size_t i = 0; i < ARRAY_SIZE(sample); i++)
		assert_string_equal(region_index_name(ix, sample[i].code), sample[i].name);
	/* bare digits work too */
	assert_string_equal(region_index_name(ix, "337501"), "Pekalongan Barat");
	assert_string_equal(region_index_name(ix, "3375011002"), "Medono");
	/* unknown or malformed */
	static const char *const missing[] = {
		"99", "33.99", "33.75.09", "33.75.01.1001", "34", "33.7", "", "x", "3375.01",
		"11.01.01.2002", "33.75.01.",
	};
	for (size_t i = 0; i < ARRAY_SIZE(missing); i++)
		assert_null(region_index_name(ix, missing[i]));
	assert_null(region_index_name(ix, NULL));
	assert_null(region_index_name(NULL, "33"));
	region_index_free(ix);
}

static void test_counts(void **state)
{
	(void)state;
	struct region_index *ix = build_sample();
	assert_int_equal(region_index_count(ix, REGION_PROVINCE), 2);
	assert_int_equal(region_index_count(ix, REGION_REGENCY), 4);
	assert_int_equal(region_index_count(ix, REGION_DISTRICT), 3);
	assert_int_equal(region_index_count(ix, REGION_VILLAGE), 3);
	assert_int_equal(region_index_count(ix, REGION_NONE), 0);
	assert_int_equal(region_index_count(ix, (enum region_level)9), 0);
	assert_int_equal(region_index_count(NULL, REGION_PROVINCE), 0);
	region_index_free(ix);
}

struct collect {
	char codes[32][REGION_CODE_SIZE];
	enum region_level levels[32];
	size_t n, stop_after;
};

static jr_err collect_fn(void *ctx, const char *code, enum region_level level, const char *name)
{
	struct collect *c = ctx;
	assert_non_null(name);
	if (c->stop_after && c->n == c->stop_after)
		return JR_ECONFLICT;
	snprintf(c->codes[c->n], REGION_CODE_SIZE, "%s", code);
	c->levels[c->n] = level;
	c->n++;
	return JR_EOK;
}

static void test_each_in_code_order(void **state)
{
	(void)state;
	struct region_index *ix = build_sample();
	struct collect c = { .n = 0 };
	assert_int_equal(region_index_each(ix, collect_fn, &c), JR_EOK);
	static const char *const want[] = {
		"11", "11.01", "11.01.01", "11.01.01.2001", "33", "33.19", "33.26", "33.75",
		"33.75.01", "33.75.01.1002", "33.75.01.1003", "33.75.02",
	};
	assert_int_equal(c.n, ARRAY_SIZE(want));
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		assert_string_equal(c.codes[i], want[i]);
		/* the level is the number of groups */
		size_t dots = 0;
		for (const char *p = want[i]; *p; p++)
			dots += *p == '.';
		assert_int_equal(c.levels[i], dots + 1);
	}

	/* a callback error stops the walk and is returned */
	struct collect s = { .n = 0, .stop_after = 3 };
	assert_int_equal(region_index_each(ix, collect_fn, &s), JR_ECONFLICT);
	assert_int_equal(s.n, 3);
	region_index_free(ix);
}

static void test_add_errors_and_copies(void **state)
{
	(void)state;
	struct region_index *ix = region_index_new();
	struct errbuf eb = { "" };
	assert_int_equal(region_index_add(ix, "33.7", "x", &eb), JR_EINVALID);
	assert_non_null(strstr(eb.msg, "33.7"));
	assert_int_equal(region_index_add(ix, NULL, "x", &eb), JR_EINVALID);
	assert_int_equal(region_index_add(ix, "33.75.01.1", "x", NULL), JR_EINVALID);

	/* name and code are copied; a NULL name is stored as "" */
	char name[32], code[16];
	snprintf(name, sizeof(name), "Jawa Tengah");
	snprintf(code, sizeof(code), "33");
	assert_int_equal(region_index_add(ix, code, name, &eb), JR_EOK);
	assert_int_equal(region_index_add(ix, "3375", NULL, &eb), JR_EOK);
	memset(name, 'X', sizeof(name) - 1);
	memset(code, 0, sizeof(code));
	region_index_finish(ix);
	assert_string_equal(region_index_name(ix, "33"), "Jawa Tengah");
	assert_string_equal(region_index_name(ix, "33.75"), "");
	assert_int_equal(region_index_count(ix, REGION_PROVINCE), 1);
	region_index_free(ix);
	region_index_free(NULL);
}

static void test_duplicates_last_wins(void **state)
{
	(void)state;
	struct region_index *ix = region_index_new();
	assert_int_equal(region_index_add(ix, "33.75", "Kota Pekalongan (lama)", NULL), JR_EOK);
	assert_int_equal(region_index_add(ix, "33", "Jawa Tengah", NULL), JR_EOK);
	assert_int_equal(region_index_add(ix, "3375", "Kota Pekalongan", NULL), JR_EOK);
	/* before finish, lookups already work (by scanning) */
	assert_string_equal(region_index_name(ix, "33.75"), "Kota Pekalongan");
	region_index_finish(ix);
	region_index_finish(ix); /* idempotent */
	assert_string_equal(region_index_name(ix, "33.75"), "Kota Pekalongan");
	assert_int_equal(region_index_count(ix, REGION_REGENCY), 1);

	/* adding after finish, then finishing again */
	assert_int_equal(region_index_add(ix, "33.19", "Kabupaten Kudus", NULL), JR_EOK);
	assert_string_equal(region_index_name(ix, "33.19"), "Kabupaten Kudus");
	region_index_finish(ix);
	assert_string_equal(region_index_name(ix, "33.19"), "Kabupaten Kudus");
	assert_string_equal(region_index_name(ix, "33.75"), "Kota Pekalongan");
	assert_int_equal(region_index_count(ix, REGION_REGENCY), 2);
	region_index_free(ix);
}

static void test_empty_index(void **state)
{
	(void)state;
	struct region_index *ix = region_index_new();
	region_index_finish(ix);
	assert_null(region_index_name(ix, "33"));
	assert_int_equal(region_index_count(ix, REGION_VILLAGE), 0);
	struct collect c = { .n = 0 };
	assert_int_equal(region_index_each(ix, collect_fn, &c), JR_EOK);
	assert_int_equal(c.n, 0);
	region_index_free(ix);
}

/*
 * An index shaped like the real one (38 provinces, 14 regencies each, 14
 * districts each, 12 villages each: about 97,000 regions), added in reverse
 * order, then every code looked up.
 */
static void test_full_scale(void **state)
{
	(void)state;
	struct region_index *ix = region_index_new();
	char code[64], name[64]; /* roomy: gcc cannot see the loop bounds */
	size_t n[5] = { 0 };

	for (int p = 91; p >= 54; p--) {
		snprintf(code, sizeof(code), "%02d", p);
		snprintf(name, sizeof(name), "P%d", p);
		assert_int_equal(region_index_add(ix, code, name, NULL), JR_EOK);
		n[1]++;
		for (int k = 14; k >= 1; k--) {
			snprintf(code, sizeof(code), "%02d.%02d", p, k);
			snprintf(name, sizeof(name), "K%d.%d", p, k);
			assert_int_equal(region_index_add(ix, code, name, NULL), JR_EOK);
			n[2]++;
			for (int c = 14; c >= 1; c--) {
				snprintf(code, sizeof(code), "%02d.%02d.%02d", p, k, c);
				snprintf(name, sizeof(name), "C%d.%d.%d", p, k, c);
				assert_int_equal(region_index_add(ix, code, name, NULL), JR_EOK);
				n[3]++;
				for (int v = 12; v >= 1; v--) {
					snprintf(code, sizeof(code), "%02d.%02d.%02d.%04d", p, k,
						 c, 1000 + v);
					snprintf(name, sizeof(name), "V%d", v);
					assert_int_equal(region_index_add(ix, code, name, NULL),
							 JR_EOK);
					n[4]++;
				}
			}
		}
	}
	region_index_finish(ix);
	for (int lv = 1; lv <= 4; lv++)
		assert_int_equal(region_index_count(ix, (enum region_level)lv), n[lv]);

	for (int p = 54; p <= 91; p += 7) {
		for (int k = 1; k <= 14; k++) {
			for (int c = 1; c <= 14; c++) {
				snprintf(code, sizeof(code), "%02d.%02d.%02d", p, k, c);
				snprintf(name, sizeof(name), "C%d.%d.%d", p, k, c);
				assert_string_equal(region_index_name(ix, code), name);
				snprintf(code, sizeof(code), "%02d.%02d.%02d.1013", p, k, c);
				assert_null(region_index_name(ix, code));
			}
			snprintf(code, sizeof(code), "%02d.%02d.15", p, k);
			assert_null(region_index_name(ix, code));
		}
	}
	assert_null(region_index_name(ix, "53"));
	assert_null(region_index_name(ix, "92"));
	assert_string_equal(region_index_name(ix, "91.14.14.1012"), "V12");
	assert_string_equal(region_index_name(ix, "54.01.01.1001"), "V1");
	region_index_free(ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise_good),
		cmocka_unit_test(test_normalise_bad),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_each_in_code_order),
		cmocka_unit_test(test_add_errors_and_copies),
		cmocka_unit_test(test_duplicates_last_wins),
		cmocka_unit_test(test_empty_index),
		cmocka_unit_test(test_full_scale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
