/*
 * tests/unit/core/money.c - parsing and writing amounts in sen.
 *
 * Each accepted spelling is paired with the sen it means; each rejected one
 * with the reason, because a misread wage changes every contribution.
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/money.h"

static void test_parse_good(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int64_t sen;
	} cases[] = {
		{ "2450915", 245091500 },             /* plain digits */
		{ "2.450.915", 245091500 },           /* Indonesian grouping */
		{ "2.450.915,54", 245091554 },        /* ... with decimal comma */
		{ "2.450.915,5", 245091550 },         /* one decimal is tenths */
		{ "2450915,5", 245091550 },           /* decimal comma, no grouping */
		{ "2450915,54", 245091554 },
		{ "Rp 2.450.915", 245091500 },        /* prefix with space */
		{ "Rp2.450.915", 245091500 },         /* prefix without space */
		{ "Rp. 2.450.915", 245091500 },       /* "Rp." as on invoices */
		{ "RP 1.000", 100000 },               /* prefix in any case */
		{ "rp1000", 100000 },
		{ "IDR 1.000", 100000 },
		{ "IDR1000", 100000 },
		{ "2450915.54", 245091554 },          /* single dot + 2 digits: decimal */
		{ "2450915.5", 245091550 },
		{ "2,450,915.54", 245091554 },        /* English grouping */
		{ "2,450,915", 245091500 },           /* repeated comma can only group */
		{ "2.450", 245000 },                  /* single dot + 3 digits: grouping */
		{ "1.000.000.000", 100000000000 },
		{ "-5000", -500000 },
		{ "-Rp5.000", -500000 },              /* what money_format_rp writes */
		{ "Rp -5.000", -500000 },
		{ "- Rp 5.000", -500000 },
		{ "Rp 5.000,-", 500000 },             /* ",-": whole rupiah */
		{ "5000,-", 500000 },
		{ "0", 0 },
		{ "-0", 0 },
		{ "0,05", 5 },
		{ "0.5", 50 },
		{ "007", 700 },                       /* leading zeros in plain digits */
		{ "  2.450.915  ", 245091500 },       /* spaces trimmed */
		{ "\t100\r\n", 10000 },
		{ "999.999", 99999900 },
		{ "1000000000000000", MONEY_MAX_SEN },              /* the maximum */
		{ "-1.000.000.000.000.000", -MONEY_MAX_SEN },
		{ "1000000000000000,00", MONEY_MAX_SEN },
		{ "00000000000000000000000000001", 100 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int64_t sen = 12345;
		struct errbuf eb = { "" };
		jr_err rc = money_parse(cases[i].in, strlen(cases[i].in), &sen, &eb);
		if (rc != JR_EOK)
			fail_msg("'%s': %s", cases[i].in, eb.msg);
		if (sen != cases[i].sen)
			fail_msg("'%s': got %" PRId64 ", want %" PRId64, cases[i].in, sen,
				 cases[i].sen);
	}
}

static void test_parse_bad(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		jr_err rc;
		const char *msg;
	} cases[] = {
		{ "", JR_EPARSE, "kosong" },
		{ "   ", JR_EPARSE, "kosong" },
		{ "Rp", JR_EPARSE, "tidak ada angka" },
		{ "Rp ", JR_EPARSE, "tidak ada angka" },
		{ "-", JR_EPARSE, "tidak ada angka" },
		{ "IDR -", JR_EPARSE, "tidak ada angka" },
		{ "2.45.915", JR_EPARSE, "pemisah ribuan" },      /* group of 2 */
		{ "2.4500.915", JR_EPARSE, "pemisah ribuan" },
		{ "2450.915.1", JR_EPARSE, "pemisah ribuan" },
		{ "1,2,3", JR_EPARSE, "pemisah ribuan" },
		{ "1234.567.890", JR_EPARSE, "pemisah ribuan" },  /* first group > 3 */
		{ "0.450", JR_EPARSE, "pemisah ribuan" },         /* 0-led group */
		{ "1..000", JR_EPARSE, "pemisah ribuan" },
		{ "1.000.", JR_EPARSE, "pemisah ribuan" },
		{ "12,345", JR_EPARSE, "lebih dari 2 angka desimal" }, /* ambiguous */
		{ "2.450.915,545", JR_EPARSE, "lebih dari 2 angka desimal" },
		{ "2450915.5454", JR_EPARSE, "lebih dari 2 angka desimal" },
		{ "2,5454", JR_EPARSE, "lebih dari 2 angka desimal" },
		{ "1.000,", JR_EPARSE, "tidak ada angka setelah" },
		{ "1000.", JR_EPARSE, "tidak ada angka setelah" },
		{ ",50", JR_EPARSE, "tidak ada angka sebelum" },
		{ ".5", JR_EPARSE, "tidak ada angka sebelum" },
		{ "2.450,915.54", JR_EPARSE, "tercampur" },        /* mixed */
		{ "2,450.915,54", JR_EPARSE, "tercampur" },
		{ "1,000.000.5", JR_EPARSE, "tercampur" },
		{ "2.450.915,54,-", JR_EPARSE, "',-' setelah" },
		{ "1e5", JR_EPARSE, "karakter 'e'" },
		{ "1 000", JR_EPARSE, "karakter ' '" },           /* space grouping */
		{ "--5", JR_EPARSE, "karakter '-'" },
		{ "5-", JR_EPARSE, "karakter '-'" },
		{ "+5", JR_EPARSE, "karakter '+'" },
		{ "USD 5", JR_EPARSE, "karakter 'U'" },
		{ "5 Rp", JR_EPARSE, "karakter ' '" },
		{ "(5.000)", JR_EPARSE, "karakter '('" },
		{ "5\xc2\xa0" "000", JR_EPARSE, "0xc2" },         /* NBSP from Excel */
		{ "99999999999999999999", JR_EINVALID, "terlalu besar" },
		{ "1000000000000000,01", JR_EINVALID, "terlalu besar" },
		{ "-1000000000000001", JR_EINVALID, "terlalu besar" },
		{ "9.223.372.036.854.775.808", JR_EINVALID, "terlalu besar" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		int64_t sen = 12345;
		struct errbuf eb = { "" };
		jr_err rc = money_parse(cases[i].in, strlen(cases[i].in), &sen, &eb);
		if (rc != cases[i].rc || !strstr(eb.msg, cases[i].msg))
			fail_msg("'%s': rc %s msg '%s'", cases[i].in, jr_errname(rc), eb.msg);
		assert_int_equal(sen, 12345); /* untouched on failure */
	}
}

static void test_parse_long_input_message_bounded(void **state)
{
	(void)state;
	char big[5000];
	struct errbuf eb;
	int64_t sen;
	memset(big, '9', sizeof(big));
	assert_int_equal(money_parse(big, sizeof(big), &sen, &eb), JR_EINVALID);
	assert_non_null(strstr(eb.msg, "..."));
	assert_true(strlen(eb.msg) < 200);
	/* a NULL errbuf is allowed */
	assert_int_equal(money_parse("x", 1, &sen, NULL), JR_EPARSE);
}

static void test_parse_uses_len(void **state)
{
	(void)state;
	int64_t sen;
	assert_int_equal(money_parse("1.000;2.000", 5, &sen, NULL), JR_EOK);
	assert_int_equal(sen, 100000);
}

static void test_format_rp(void **state)
{
	(void)state;
	static const struct {
		int64_t sen;
		const char *out;
	} cases[] = {
		{ 245091500, "Rp2.450.915" },
		{ 245091554, "Rp2.450.915,54" },
		{ 245091550, "Rp2.450.915,50" },
		{ 245091505, "Rp2.450.915,05" },
		{ -500000, "-Rp5.000" },
		{ -1, "-Rp0,01" },
		{ 0, "Rp0" },
		{ 99900, "Rp999" },
		{ 100000, "Rp1.000" },
		{ 10000000, "Rp100.000" },
		{ MONEY_MAX_SEN, "Rp1.000.000.000.000.000" },
		{ INT64_MAX, "Rp92.233.720.368.547.758,07" },
		{ INT64_MIN, "-Rp92.233.720.368.547.758,08" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char buf[MONEY_FMT_SIZE];
		money_format_rp(cases[i].sen, buf);
		assert_string_equal(buf, cases[i].out);
	}
}

static void test_format_plain(void **state)
{
	(void)state;
	static const struct {
		int64_t sen;
		const char *out;
	} cases[] = {
		{ 245091500, "2450915" },
		{ 245091554, "2450915.54" },
		{ 245091550, "2450915.50" },
		{ 5, "0.05" },
		{ -500000, "-5000" },
		{ -1, "-0.01" },
		{ 0, "0" },
		{ INT64_MIN, "-92233720368547758.08" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char buf[MONEY_FMT_SIZE];
		money_format_plain(cases[i].sen, buf);
		assert_string_equal(buf, cases[i].out);
	}
}

/* Whatever Jaring writes, within the accepted range, it reads back unchanged. */
static void test_round_trip(void **state)
{
	(void)state;
	static const int64_t values[] = {
		0, 1, -1, 5, 10, 99, 100, 101, 99999, 100000, 245091554, -245091554,
		123456789012, MONEY_MAX_SEN, -MONEY_MAX_SEN, MONEY_MAX_SEN - 1,
	};
	for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
		char rp[MONEY_FMT_SIZE], plain[MONEY_FMT_SIZE];
		int64_t a = 0, b = 0;
		money_format_rp(values[i], rp);
		money_format_plain(values[i], plain);
		assert_int_equal(money_parse(rp, strlen(rp), &a, NULL), JR_EOK);
		assert_int_equal(money_parse(plain, strlen(plain), &b, NULL), JR_EOK);
		assert_int_equal(a, values[i]);
		assert_int_equal(b, values[i]);
	}
	/* and a sweep over small amounts, every sen */
	for (int64_t v = -250000; v <= 250000; v += 7) {
		char rp[MONEY_FMT_SIZE];
		int64_t a = 0;
		money_format_rp(v, rp);
		assert_int_equal(money_parse(rp, strlen(rp), &a, NULL), JR_EOK);
		assert_int_equal(a, v);
	}
}

static void test_round_rupiah(void **state)
{
	(void)state;
	static const struct {
		int64_t in, out;
	} cases[] = {
		{ 0, 0 },        { 49, 0 },         { 50, 100 },      { 99, 100 },
		{ 100, 100 },    { 149, 100 },      { 150, 200 },     { -49, 0 },
		{ -50, -100 },   { -150, -200 },    { -151, -200 },
		{ 245091554, 245091600 },           { 245091549, 245091500 },
		{ INT64_MAX, INT64_MAX - 7 },           /* ...807: rounds down */
		{ INT64_MAX - 7 - 50, INT64_MAX - 7 },  /* ...750: rounds up, no overflow */
		{ INT64_MIN, INT64_MIN + 8 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(money_round_rupiah(cases[i].in), cases[i].out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_long_input_message_bounded),
		cmocka_unit_test(test_parse_uses_len),
		cmocka_unit_test(test_format_rp),
		cmocka_unit_test(test_format_plain),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_round_rupiah),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
