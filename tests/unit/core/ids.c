/*
 * tests/unit/core/ids.c - KPJ, NIB, NPWP, NPP, KBLI and phone numbers.
 *
 * The NPWP check digit rule, documented by the examples below: digit 9 is the
 * Luhn check digit of digits 1-8, i.e. weights 1,2,1,2,1,2,1,2 from the left
 * (two-digit products summed as digits), check = (10 - sum mod 10) mod 10.
 * Worked example from techscales.blogspot.com/2016/08/validasi-npwp.html:
 * 12.345.678 -> 1+4+3+8+5+(1+2)+7+(1+6) = 38 -> check digit 2.
 * Real published NPWPs that satisfy it (also used by python-stdnum's
 * stdnum.id.npwp tests): 01.000.161.8-092.000, 01.451.869.0-054.000,
 * 02.433.917.8-011.000, 31.154.173.4-411.000, 90.004.581.6-201.000;
 * 01.451.869.7-054.000 is the same number with a wrong check digit.
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/ids.h"

typedef jr_err (*check_fn)(const char *s, size_t len, char *out, struct errbuf *eb);

struct id_case {
	const char *in;
	const char *out; /* NULL: rejected */
	const char *msg; /* part of the message when rejected */
};

static void run_cases(const char *what, check_fn fn, const struct id_case *c, size_t n,
		      size_t out_size)
{
	for (size_t i = 0; i < n; i++) {
		char out[32];
		struct errbuf eb = { "" };
		memset(out, 'Z', sizeof(out));
		jr_err rc = fn(c[i].in, strlen(c[i].in), out, &eb);
		if (c[i].out) {
			if (rc != JR_EOK)
				fail_msg("%s '%s': %s", what, c[i].in, eb.msg);
			assert_string_equal(out, c[i].out);
			assert_true(strlen(out) < out_size);
		} else {
			if (rc != JR_EINVALID || !strstr(eb.msg, c[i].msg))
				fail_msg("%s '%s': rc %s msg '%s', want '%s'", what, c[i].in,
					 jr_errname(rc), eb.msg, c[i].msg);
			assert_string_equal(out, ""); /* never a half-checked number */
		}
		/* out is written only within its declared size */
		for (size_t k = out_size; k < sizeof(out); k++)
			assert_int_equal(out[k], 'Z');
	}
}

static jr_err kpj(const char *s, size_t len, char *out, struct errbuf *eb)
{
	return kpj_check(s, len, out, eb);
}

static jr_err nib(const char *s, size_t len, char *out, struct errbuf *eb)
{
	return nib_check(s, len, out, eb);
}

static jr_err npwp(const char *s, size_t len, char *out, struct errbuf *eb)
{
	return npwp_check(s, len, out, eb);
}

static jr_err kbli(const char *s, size_t len, char *out, struct errbuf *eb)
{
	return kbli_check(s, len, out, eb);
}

static jr_err phone(const char *s, size_t len, char *out, struct errbuf *eb)
{
	return phone_check(s, len, out, eb);
}

static void test_kpj(void **state)
{
	(void)state;
	static const struct id_case cases[] = {
		{ "12345678901", "12345678901", NULL },
		{ "123 456 789 01", "12345678901", NULL },
		{ "123.456.789-01", "12345678901", NULL },
		{ "00000000001", "00000000001", NULL },
		{ "1234567890", NULL, "KPJ harus 11 digit, ada 10" },
		{ "123456789012", NULL, "KPJ harus 11 digit, ada 12" },
		{ "", NULL, "ada 0" },
		{ "1234567890a", NULL, "KPJ mengandung karakter bukan angka: 'a'" },
		{ "12345/678901", NULL, "'/'" },
		{ "1234567890\x01", NULL, "KPJ mengandung karakter bukan angka: byte 0x01" },
	};
	run_cases("KPJ", kpj, cases, ARRAY_SIZE(cases), KPJ_SIZE);
}

static void test_nib(void **state)
{
	(void)state;
	static const struct id_case cases[] = {
		{ "9120001234567", "9120001234567", NULL },
		{ "9120 0012 3456 7", "9120001234567", NULL },
		{ "912000123456", NULL, "NIB harus 13 digit, ada 12" },
		{ "91200012345678", NULL, "ada 14" },
		{ "NIB9120001234567", NULL, "'N'" },
	};
	run_cases("NIB", nib, cases, ARRAY_SIZE(cases), NIB_SIZE);
}

static void test_luhn_digit(void **state)
{
	(void)state;
	static const struct {
		const char *payload;
		int digit;
	} cases[] = {
		{ "12345678", 2 }, /* the techscales worked example */
		{ "01000161", 8 },
		{ "01451869", 0 },
		{ "02433917", 8 },
		{ "31154173", 4 },
		{ "90004581", 6 },
		{ "7992739871", 3 }, /* the classic Luhn example (Wikipedia) */
		{ "00000000", 0 },
		{ "", 0 },
		{ "9", 1 }, /* 9 doubled is 18, 1 + 8 = 9, so 1 */
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(luhn_digit(cases[i].payload, strlen(cases[i].payload)),
				 cases[i].digit);
	assert_int_equal(luhn_digit("12a4", 4), -1);
}

static void test_npwp(void **state)
{
	(void)state;
	static const struct id_case cases[] = {
		/* 15 digits, published numbers, with and without punctuation */
		{ "01.000.161.8-092.000", "010001618092000", NULL },
		{ "01.451.869.0-054.000", "014518690054000", NULL },
		{ "02.433.917.8-011.000", "024339178011000", NULL },
		{ "31.154.173.4-411.000", "311541734411000", NULL },
		{ "90.004.581.6-201.000", "900045816201000", NULL },
		{ "023869720091000", "023869720091000", NULL },
		{ "02 . 433 . 917 . 8 - 011 . 000", "024339178011000", NULL },
		{ "12.345.678.2-123.000", "123456782123000", NULL }, /* worked example */
		/* wrong check digit */
		{ "01.451.869.7-054.000", NULL, "digit pemeriksa NPWP salah: 7, seharusnya 0" },
		{ "12.345.678.3-123.000", NULL, "seharusnya 2" },
		/* 16 digits: "0" + 15, inner check digit checked */
		{ "0014518690054000", "0014518690054000", NULL },
		{ "0 01.451.869.0-054.000", "0014518690054000", NULL },
		{ "0014518697054000", NULL, "digit pemeriksa NPWP salah: 7, seharusnya 0" },
		/* 16 digits not 0-led: a resident's NIK, accepted as is */
		{ "3375011201990001", "3375011201990001", NULL },
		{ "3375 0112 0199 0001", "3375011201990001", NULL },
		/* lengths and characters */
		{ "01451869005400", NULL, "NPWP harus 15 atau 16 digit, ada 14" },
		{ "33750112019900011", NULL, "ada 17" },
		{ "", NULL, "ada 0" },
		{ "01.451.869.0/054.000", NULL, "NPWP mengandung karakter bukan angka: '/'" },
		{ "NPWP 01.451.869.0-054.000", NULL, "'N'" },
	};
	run_cases("NPWP", npwp, cases, ARRAY_SIZE(cases), NPWP_SIZE);
}

static void test_npp(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
		bool warn;
		const char *msg;
	} cases[] = {
		{ "12345678", "12345678", false, NULL },          /* 8 digits */
		{ "12345678-001", "12345678001", false, NULL },   /* + 3-digit divisi */
		{ "1234 5678 001", "12345678001", false, NULL },
		{ "1234567", "1234567", true, NULL },             /* unverified lengths */
		{ "123456789", "123456789", true, NULL },
		{ "1", "1", true, NULL },
		{ "1234567890123456", "1234567890123456", true, NULL },
		{ "", NULL, false, "NPP kosong" },
		{ " - ", NULL, false, "NPP kosong" },
		{ "12345678901234567", NULL, false, "NPP terlalu panjang: 17 digit" },
		{ "NPP12345678", NULL, false, "NPP mengandung karakter bukan angka: 'N'" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char out[NPP_SIZE];
		bool warn = !cases[i].warn;
		struct errbuf eb = { "" };
		jr_err rc = npp_check(cases[i].in, strlen(cases[i].in), out, &warn, &eb);
		if (cases[i].out) {
			if (rc != JR_EOK)
				fail_msg("NPP '%s': %s", cases[i].in, eb.msg);
			assert_string_equal(out, cases[i].out);
			assert_int_equal(warn, cases[i].warn);
		} else {
			if (rc != JR_EINVALID || !strstr(eb.msg, cases[i].msg))
				fail_msg("NPP '%s': %s", cases[i].in, eb.msg);
			assert_string_equal(out, "");
			assert_false(warn);
		}
	}
	/* warn may be NULL */
	char out[NPP_SIZE];
	assert_int_equal(npp_check("123", 3, out, NULL, NULL), JR_EOK);
}

static void test_kbli(void **state)
{
	(void)state;
	static const struct id_case cases[] = {
		{ "41011", "41011", NULL }, /* Konstruksi gedung hunian */
		{ "01111", "01111", NULL }, /* the leading zero is kept */
		{ "4101", NULL, "kode KBLI harus 5 digit, ada 4" },
		{ "410111", NULL, "ada 6" },
		{ "4101A", NULL, "'A'" },
	};
	run_cases("KBLI", kbli, cases, ARRAY_SIZE(cases), KBLI_SIZE);
}

static void test_phone(void **state)
{
	(void)state;
	static const struct id_case cases[] = {
		{ "081234567890", "081234567890", NULL },
		{ "+62 812-3456-7890", "081234567890", NULL },
		{ "+6281234567890", "081234567890", NULL },
		{ "6281234567890", "081234567890", NULL },
		{ "62 812 3456 7890", "081234567890", NULL },
		{ "+62 (0)812 3456 7890", "081234567890", NULL }, /* trunk 0 in brackets */
		{ "(0285) 421234", "0285421234", NULL },           /* Pekalongan landline */
		{ "0285.421.234", "0285421234", NULL },
		{ "81234567890", "081234567890", NULL },           /* 0 lost in a spreadsheet */
		{ " 0812 345 678 ", "0812345678", NULL },
		{ "021123456", "021123456", NULL },                /* 9 digits: shortest */
		{ "08123456789012", "08123456789012", NULL },      /* 14 digits: longest */
		{ "02112345", NULL, "nomor telepon harus 9-14 digit, ada 8" },
		{ "081234567890123", NULL, "ada 15" },
		{ "+6281234567890123", NULL, "ada 15" },
		{ "", NULL, "nomor telepon kosong" },
		{ "+", NULL, "nomor telepon kosong" },
		{ "+1 555 123 4567", NULL, "luar negeri" },
		{ "+60 12 345 6789", NULL, "luar negeri" },
		{ "12345678901", NULL, "harus diawali 0, 62 atau +62" },
		{ "0812+345678", NULL, "'+' hanya boleh di depan" },
		{ "++62812345678", NULL, "'+' hanya boleh di depan" },
		{ "0812 345 678 ext 1", NULL,
		  "nomor telepon mengandung karakter bukan angka: 'e'" },
		{ "0812/345/678", NULL, "'/'" },
		{ "0812345678901234567890123456789012345", NULL, "ada 37" },
	};
	run_cases("phone", phone, cases, ARRAY_SIZE(cases), PHONE_SIZE);
}

static void test_long_input(void **state)
{
	(void)state;
	char big[10000], out[NPWP_SIZE];
	struct errbuf eb;
	memset(big, '1', sizeof(big));
	assert_int_equal(npwp_check(big, sizeof(big), out, &eb), JR_EINVALID);
	assert_string_equal(eb.msg, "NPWP harus 15 atau 16 digit, ada 10000");
	char pout[PHONE_SIZE];
	assert_int_equal(phone_check(big, sizeof(big), pout, &eb), JR_EINVALID);
	assert_string_equal(eb.msg, "nomor telepon harus 9-14 digit, ada 10000");
	/* NULL errbuf is allowed */
	assert_int_equal(kpj_check("1", 1, out, NULL), JR_EINVALID);
	/* the length argument is honoured */
	assert_int_equal(kpj_check("12345678901,2", 11, out, NULL), JR_EOK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kpj),
		cmocka_unit_test(test_nib),
		cmocka_unit_test(test_luhn_digit),
		cmocka_unit_test(test_npwp),
		cmocka_unit_test(test_npp),
		cmocka_unit_test(test_kbli),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_long_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
