/*
 * tests/unit/core/date.c - calendar rules and the accepted date formats.
 *
 * Decision documented here: the ISO form needs exactly 4-2-2 digits, so
 * "2024-1-1" is rejected as a probable typo, while the day-first forms take
 * one- or two-digit day and month ("1/2/2024"), as people write them.
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/date.h"

static void test_leap_years(void **state)
{
	(void)state;
	static const struct {
		int year;
		bool leap;
	} cases[] = {
		{ 2024, true },  { 2023, false }, { 1900, false }, { 2000, true },
		{ 2100, false }, { 1600, true },  { 4, true },     { 1, false },
		{ 9996, true },  { 2028, true },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(date_is_leap(cases[i].year), cases[i].leap);
}

static void test_days_in_month(void **state)
{
	(void)state;
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	for (int m = 1; m <= 12; m++)
		assert_int_equal(date_days_in_month(2023, m), days[m - 1]);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2024, 0), 0);
	assert_int_equal(date_days_in_month(2024, 13), 0);
	assert_int_equal(date_days_in_month(2024, -1), 0);
}

static void test_valid(void **state)
{
	(void)state;
	static const struct {
		int y, m, d;
		bool ok;
	} cases[] = {
		{ 2024, 2, 29, true },  { 2023, 2, 29, false }, { 1900, 2, 29, false },
		{ 2000, 2, 29, true },  { 2024, 4, 31, false }, { 2024, 4, 30, true },
		{ 2024, 12, 31, true }, { 2024, 13, 1, false }, { 2024, 0, 1, false },
		{ 2024, 1, 0, false },  { 0, 1, 1, false },     { 1, 1, 1, true },
		{ 9999, 12, 31, true }, { 10000, 1, 1, false }, { -5, 1, 1, false },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(date_valid(cases[i].y, cases[i].m, cases[i].d), cases[i].ok);
}

static void test_parse_good(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int y, m, d;
	} cases[] = {
		{ "2024-02-29", 2024, 2, 29 },   /* ISO, leap day */
		{ "2000-02-29", 2000, 2, 29 },   /* 2000 is leap (divisible by 400) */
		{ "29-02-2024", 2024, 2, 29 },   /* DD-MM-YYYY */
		{ "29/02/2024", 2024, 2, 29 },   /* DD/MM/YYYY */
		{ "1/2/2024", 2024, 2, 1 },      /* day first: 1 February */
		{ "01/2/2024", 2024, 2, 1 },
		{ "1-12-1999", 1999, 12, 1 },
		{ "  2024-01-05 ", 2024, 1, 5 }, /* surrounding spaces trimmed */
		{ "\t31/12/2023\r\n", 2023, 12, 31 },
		{ "0001-01-01", 1, 1, 1 },
		{ "9999-12-31", 9999, 12, 31 },
		{ "31-01-0001", 1, 1, 31 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct date d = { 0, 0, 0 };
		struct errbuf eb = { "" };
		jr_err rc = date_parse(cases[i].in, strlen(cases[i].in), &d, &eb);
		if (rc != JR_EOK)
			fail_msg("'%s': %s", cases[i].in, eb.msg);
		assert_int_equal(d.year, cases[i].y);
		assert_int_equal(d.month, cases[i].m);
		assert_int_equal(d.day, cases[i].d);
	}
}

static void test_parse_bad(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		jr_err rc;
		const char *msg; /* a part of the message */
	} cases[] = {
		{ "", JR_EPARSE, "kosong" },
		{ "   ", JR_EPARSE, "kosong" },
		{ "2024-13-01", JR_EINVALID, "bulan 13 tidak ada" },
		{ "2024-00-10", JR_EINVALID, "bulan 0 tidak ada" },
		{ "31/04/2024", JR_EINVALID, "tanggal 31-04-2024 tidak ada" },
		{ "2023-02-29", JR_EINVALID, "29 Februari hanya pada tahun kabisat (2023 bukan)" },
		{ "29-02-1900", JR_EINVALID, "(1900 bukan)" },
		{ "2024-02-30", JR_EINVALID, "tanggal 30-02-2024 tidak ada" },
		{ "00-01-2024", JR_EINVALID, "tanggal 00-01-2024 tidak ada" },
		{ "2024-01-00", JR_EINVALID, "tidak ada" },
		{ "0000-01-01", JR_EINVALID, "tahun 0000" },
		{ "2024-1-1", JR_EPARSE, "format tanggal" },   /* ISO needs 4-2-2 */
		{ "2024-01-1", JR_EPARSE, "format tanggal" },
		{ "2024/02/29", JR_EPARSE, "format tanggal" }, /* slashes are day-first */
		{ "29-02/2024", JR_EPARSE, "format tanggal" }, /* mixed separators */
		{ "29.02.2024", JR_EPARSE, "format tanggal" },
		{ "29-02-24", JR_EPARSE, "format tanggal" },   /* two-digit year */
		{ "123-02-2024", JR_EPARSE, "format tanggal" },
		{ "20240229", JR_EPARSE, "format tanggal" },
		{ "2024-02-29x", JR_EPARSE, "format tanggal" },
		{ "2024-02-29 10:00", JR_EPARSE, "format tanggal" },
		{ "2024--02-29", JR_EPARSE, "format tanggal" },
		{ "-2024-02-29", JR_EPARSE, "format tanggal" },
		{ "2024-02-", JR_EPARSE, "format tanggal" },
		{ "2024-02-29-", JR_EPARSE, "format tanggal" },
		{ "99999-01-01", JR_EPARSE, "format tanggal" },
		{ "1/2/20245", JR_EPARSE, "format tanggal" },
		{ "29 Februari 2024", JR_EPARSE, "format tanggal" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct date d = { 7, 7, 7 };
		struct errbuf eb = { "" };
		jr_err rc = date_parse(cases[i].in, strlen(cases[i].in), &d, &eb);
		if (rc != cases[i].rc || !strstr(eb.msg, cases[i].msg))
			fail_msg("'%s': rc %s msg '%s'", cases[i].in, jr_errname(rc), eb.msg);
		/* out is untouched on failure */
		assert_int_equal(d.year, 7);
	}
}

static void test_parse_uses_len(void **state)
{
	(void)state;
	struct date d;
	/* Only the first 10 bytes count; the rest of the buffer is another field. */
	assert_int_equal(date_parse("2024-02-29,2023-01-01", 10, &d, NULL), JR_EOK);
	assert_int_equal(d.day, 29);
	/* A NUL inside the length is a bad character, not an end. */
	assert_int_equal(date_parse("2024-02-29\0", 11, &d, NULL), JR_EPARSE);
	/* Long garbage is quoted shortened, control bytes as '?'. */
	struct errbuf eb;
	static const char junk[] = "\x01" "2024-02-29 plus a long tail that never ends";
	assert_int_equal(date_parse(junk, strlen(junk), &d, &eb), JR_EPARSE);
	assert_non_null(strstr(eb.msg, "'?2024-02-29 plus a long tail that never ...'"));
}

static void test_format_iso(void **state)
{
	(void)state;
	char buf[DATE_ISO_SIZE];
	date_format_iso((struct date){ 2024, 2, 9 }, buf);
	assert_string_equal(buf, "2024-02-09");
	date_format_iso((struct date){ 1, 1, 1 }, buf);
	assert_string_equal(buf, "0001-01-01");
	date_format_iso((struct date){ 9999, 12, 31 }, buf);
	assert_string_equal(buf, "9999-12-31");
}

static void test_cmp(void **state)
{
	(void)state;
	struct date a = { 2024, 2, 29 }, b = { 2024, 3, 1 }, c = { 2023, 12, 31 };
	assert_true(date_cmp(a, b) < 0);
	assert_true(date_cmp(b, a) > 0);
	assert_true(date_cmp(c, a) < 0);
	assert_int_equal(date_cmp(a, a), 0);
	assert_true(date_cmp((struct date){ 2024, 2, 28 }, a) < 0);
}

static void test_days(void **state)
{
	(void)state;
	static const struct {
		struct date d;
		int64_t days;
	} cases[] = {
		{ { 1970, 1, 1 }, 0 },
		{ { 1970, 1, 2 }, 1 },
		{ { 1969, 12, 31 }, -1 },
		{ { 2000, 3, 1 }, 11017 },
		{ { 2024, 2, 29 }, 19782 },
		{ { 2024, 3, 1 }, 19783 },
		{ { 1900, 3, 1 }, -25508 },
		{ { 1, 1, 1 }, -719162 },
		{ { 9999, 12, 31 }, 2932896 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(date_to_days(cases[i].d), cases[i].days);
		struct date back = date_from_days(cases[i].days);
		assert_int_equal(date_cmp(back, cases[i].d), 0);
	}
	/* out of range is clamped, never a year that cannot be printed */
	struct date lo = date_from_days(INT64_MIN), hi = date_from_days(INT64_MAX);
	assert_int_equal(date_cmp(lo, (struct date){ 1, 1, 1 }), 0);
	assert_int_equal(date_cmp(hi, (struct date){ 9999, 12, 31 }), 0);
}

static void test_days_round_trip_every_day(void **state)
{
	(void)state;
	/* 1899-12-31 .. 2101-01-01: consecutive days, each a valid date. */
	int64_t start = date_to_days((struct date){ 1899, 12, 31 });
	int64_t end = date_to_days((struct date){ 2101, 1, 1 });
	struct date prev = date_from_days(start);
	for (int64_t n = start + 1; n <= end; n++) {
		struct date d = date_from_days(n);
		assert_true(date_valid(d.year, d.month, d.day));
		assert_true(date_cmp(prev, d) < 0);
		assert_int_equal(date_to_days(d), n);
		prev = d;
	}
	/* 1900..2100 hold 49 leap days (1900 and 2100 are not leap), plus 1 day */
	assert_int_equal(end - start, 365 * 201 + 49 + 1);
}

static void test_add_months(void **state)
{
	(void)state;
	static const struct {
		struct date d;
		int n;
		struct date want;
	} cases[] = {
		{ { 2024, 1, 31 }, 1, { 2024, 2, 29 } },   /* clamped to leap Feb end */
		{ { 2023, 1, 31 }, 1, { 2023, 2, 28 } },
		{ { 2024, 3, 31 }, -1, { 2024, 2, 29 } },
		{ { 2024, 1, 15 }, 12, { 2025, 1, 15 } },
		{ { 2024, 1, 15 }, -1, { 2023, 12, 15 } },
		{ { 2024, 12, 1 }, 1, { 2025, 1, 1 } },
		{ { 2024, 5, 31 }, 1, { 2024, 6, 30 } },
		{ { 2024, 2, 29 }, 12, { 2025, 2, 28 } },
		{ { 2024, 2, 29 }, 48, { 2028, 2, 29 } },
		{ { 2024, 8, 10 }, 0, { 2024, 8, 10 } },
		{ { 2024, 1, 1 }, -24288, { 1, 1, 1 } },    /* clamped at year 1 */
		{ { 9999, 12, 1 }, 1, { 9999, 12, 31 } },   /* clamped at year 9999 */
		{ { 2024, 1, 1 }, INT_MIN, { 1, 1, 1 } },
		{ { 2024, 1, 1 }, INT_MAX, { 9999, 12, 31 } },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct date r = date_add_months(cases[i].d, cases[i].n);
		char got[DATE_ISO_SIZE], want[DATE_ISO_SIZE];
		date_format_iso(r, got);
		date_format_iso(cases[i].want, want);
		assert_string_equal(got, want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_uses_len),
		cmocka_unit_test(test_format_iso),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_days_round_trip_every_day),
		cmocka_unit_test(test_add_months),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
