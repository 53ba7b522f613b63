/*
 * tests/unit/core/nik.c - NIK checking and decoding, rule by rule.
 *
 * Samples are built from real Kemendagri codes (data/wilayah_*.csv):
 * 33 Jawa Tengah, 33.75 Kota Pekalongan, 33.75.01 Pekalongan Barat,
 * 31.71.01 Gambir.  The reference day is fixed at 2026-11-22 so that the
 * century rule is tested, not the clock: YY=26 is 2026, YY=27 is 1927.
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/nik.h"

static const struct date today = { 2026, 11, 22 };

static int setup_regions(void **state)
{
	static const struct {
		const char *code, *name;
	} regions[] = {
		{ "33", "Jawa Tengah" },
		{ "33.75", "Kota Pekalongan" },
		{ "33.75.01", "Pekalongan Barat" },
		{ "33.75.02", "Pekalongan Timur" },
		{ "33.26", "Kabupaten Pekalongan" },
		{ "33.26.01", "Kandangserang" },
		{ "31", "Daerah Khusus Ibukota Jakarta" },
		{ "31.71", "Kota Administrasi Jakarta Pusat" },
		{ "31.71.01", "Gambir" },
	};
	struct region_index *ix = region_index_new();
	if (!ix)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(regions); i++)
		if (region_index_add(ix, regions[i].code, regions[i].name, NULL) != JR_EOK)
			return -1;
	region_index_finish(ix);
	*state = ix;
	return 0;
}

static int teardown_regions(void **state)
{
	region_index_free(*state);
	return 0;
}

struct nik_case {
	const char *in;
	bool valid;
	const char *nik;
	const char *province, *regency, *district; /* codes */
	const char *province_name, *district_name; /* NULL: not known */
	const char *birth;                         /* ISO, NULL: not decoded */
	char sex;
	const char *serial;
	const char *errors[5];   /* in order; each a part of the message */
	const char *warnings[3];
};

static const struct nik_case cases[] = {
	/* valid male: 12 January, YY=99 is 2099 > 2026, so 1999 */
	{ "3375011201990001", true, "3375011201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0001", { NULL }, { NULL } },
	/* female: day + 40 */
	{ "3375015201990002", true, "3375015201990002", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'F', "0002", { NULL }, { NULL } },
	/* female born 29 February 2000 (290200 + 40 = 690200); 2000 is leap */
	{ "3375016902000003", true, "3375016902000003", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "2000-02-29", 'F', "0003", { NULL }, { NULL } },
	{ "3375012902000004", true, "3375012902000004", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "2000-02-29", 'M', "0004", { NULL }, { NULL } },
	/* edges of the day ranges: 31, 41 (female 1st), 71 (female 31st) */
	{ "3375013101990001", true, "3375013101990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-31", 'M', "0001", { NULL }, { NULL } },
	{ "3375014101990001", true, "3375014101990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-01", 'F', "0001", { NULL }, { NULL } },
	{ "3375017112990001", true, "3375017112990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-12-31", 'F', "0001", { NULL }, { NULL } },
	/* Jakarta: Gambir, female 5 June 1985, serial 9999 */
	{ "3171014506859999", true, "3171014506859999", "31", "31.71", "31.71.01",
	  "Daerah Khusus Ibukota Jakarta", "Gambir", "1985-06-05", 'F', "9999",
	  { NULL }, { NULL } },
	/* century: YY=26 is 2026 (not after today's year), YY=27 is 1927 */
	{ "3375011501260001", true, "3375011501260001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "2026-01-15", 'M', "0001", { NULL }, { NULL } },
	{ "3375011501270001", true, "3375011501270001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1927-01-15", 'M', "0001", { NULL }, { NULL } },
	{ "3375012211260001", true, "3375012211260001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "2026-11-22", 'M', "0001", { NULL }, { NULL } },
	/* soft: born after the reference day (same year, later day) */
	{ "3375010112260001", true, "3375010112260001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "2026-12-01", 'M', "0001", { NULL },
	  { "tanggal lahir 2026-12-01 setelah tanggal acuan", NULL } },
	{ "3375016311260001", true, "3375016311260001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "2026-11-23", 'F', "0001", { NULL },
	  { "tanggal lahir 2026-11-23 setelah tanggal acuan", NULL } },
	/* soft: unknown regency, unknown district */
	{ "3399011201990001", true, "3399011201990001", "33", "33.99", "33.99.01",
	  "Jawa Tengah", NULL, "1999-01-12", 'M', "0001", { NULL },
	  { "kode kabupaten/kota 33.99 tidak dikenal", NULL } },
	{ "3375091201990001", true, "3375091201990001", "33", "33.75", "33.75.09",
	  "Jawa Tengah", NULL, "1999-01-12", 'M', "0001", { NULL },
	  { "kode kecamatan 33.75.09 tidak dikenal", NULL } },
	/* spaces, dots and dashes are ignored */
	{ "3375 0112 0199 0001", true, "3375011201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0001", { NULL }, { NULL } },
	{ "33.75.01-120199-0001", true, "3375011201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0001", { NULL }, { NULL } },
	{ " 3375011201990001 ", true, "3375011201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0001", { NULL }, { NULL } },

	/* hard: 29 February in a non-leap year (the century-resolved year) */
	{ "3375012902230001", false, "3375012902230001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "29 Februari hanya pada tahun kabisat (2023 bukan)", NULL }, { NULL } },
	{ "3375016902230001", false, "3375016902230001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "29 Februari hanya pada tahun kabisat (2023 bukan)", NULL }, { NULL } },
	/* hard: a day that no month has */
	{ "3375013002990001", false, "3375013002990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "tanggal lahir 30-02 tidak ada", NULL }, { NULL } },
	{ "3375017002990001", false, "3375017002990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "tanggal lahir 30-02 tidak ada", NULL }, { NULL } }, /* female 70 = 30 */
	{ "3375013104990001", false, "3375013104990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "tanggal lahir 31-04 tidak ada", NULL }, { NULL } },
	/* hard: day outside 01-31 and 41-71 */
	{ "3375010001990001", false, "3375010001990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "tanggal lahir 00 tidak sah", NULL }, { NULL } },
	{ "3375013201990001", false, "3375013201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "tanggal lahir 32 tidak sah", NULL }, { NULL } },
	{ "3375014001990001", false, "3375014001990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "tanggal lahir 40 tidak sah", NULL }, { NULL } },
	{ "3375017201990001", false, "3375017201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "tanggal lahir 72 tidak sah", NULL }, { NULL } },
	/* hard: month */
	{ "3375011213990001", false, "3375011213990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "bulan lahir 13 tidak sah", NULL }, { NULL } },
	{ "3375011200990001", false, "3375011200990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", NULL, 0, "0001",
	  { "bulan lahir 00 tidak sah", NULL }, { NULL } },
	/* hard: serial 0000; the date is still decoded */
	{ "3375011201990000", false, "3375011201990000", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0000",
	  { "nomor urut 0000 tidak sah", NULL }, { NULL } },
	/* hard: unknown province; no cascade of regency/district warnings */
	{ "9975011201990001", false, "9975011201990001", "99", "99.75", "99.75.01",
	  NULL, NULL, "1999-01-12", 'M', "0001",
	  { "kode provinsi 99 tidak dikenal", NULL }, { NULL } },
	/* several rules at once, all reported */
	{ "9975013213990000", false, "9975013213990000", "99", "99.75", "99.75.01",
	  NULL, NULL, NULL, 0, "0000",
	  { "kode provinsi 99", "tanggal lahir 32", "bulan lahir 13", "nomor urut 0000",
	    NULL },
	  { NULL } },
	/* hard: length; what can be decoded still is */
	{ "337501120199000", false, "337501120199000", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "",
	  { "harus 16 digit, ada 15", NULL }, { NULL } },
	{ "33750112019900012", false, "3375011201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0001",
	  { "harus 16 digit, ada 17", NULL }, { NULL } },
	{ "", false, "", "", "", "", NULL, NULL, NULL, 0, "",
	  { "harus 16 digit, ada 0", NULL }, { NULL } },
	{ "3", false, "3", "", "", "", NULL, NULL, NULL, 0, "",
	  { "harus 16 digit, ada 1", NULL }, { NULL } },
	{ "33", false, "33", "33", "", "", "Jawa Tengah", NULL, NULL, 0, "",
	  { "harus 16 digit, ada 2", NULL }, { NULL } },
	/* hard: other characters; reported once, with the length */
	{ "33750112019900x1", false, "337501120199001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "",
	  { "mengandung karakter bukan angka: 'x'", "harus 16 digit, ada 15", NULL },
	  { NULL } },
	{ "3375011201990001x", false, "3375011201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0001",
	  { "mengandung karakter bukan angka: 'x'", NULL }, { NULL } },
	{ "O375011201990001", false, "375011201990001", "37", "37.50", "37.50.11",
	  NULL, NULL, NULL, 0, "",
	  { "karakter bukan angka: 'O'", "harus 16 digit, ada 15", "kode provinsi 37",
	    "bulan lahir 19 tidak sah", NULL }, /* shifted digits decode as nonsense */
	  { NULL } },
	{ "3375011201990001\t", false, "3375011201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0001",
	  { "bukan angka: byte 0x09", NULL }, { NULL } },
	{ "3375/01/120199/0001", false, "3375011201990001", "33", "33.75", "33.75.01",
	  "Jawa Tengah", "Pekalongan Barat", "1999-01-12", 'M', "0001",
	  { "bukan angka: '/'", NULL }, { NULL } },
};

static void check_case(const struct region_index *ix, const struct nik_case *c)
{
	struct nik_info info;
	bool valid = nik_parse(c->in, strlen(c->in), ix, today, &info);

	if (valid != c->valid || info.valid != c->valid)
		fail_msg("'%s': valid %d (first error: %s)", c->in, valid,
			 info.nerrors ? info.errors[0] : "-");
	assert_string_equal(info.nik, c->nik);
	assert_string_equal(info.province_code, c->province);
	assert_string_equal(info.regency_code, c->regency);
	assert_string_equal(info.district_code, c->district);
	if (c->province_name)
		assert_string_equal(info.province, c->province_name);
	else
		assert_null(info.province);
	if (c->district_name)
		assert_string_equal(info.district, c->district_name);
	else
		assert_null(info.district);
	if (c->birth) {
		char iso[DATE_ISO_SIZE];
		assert_true(info.has_birth_date);
		date_format_iso(info.birth_date, iso);
		assert_string_equal(iso, c->birth);
	} else {
		assert_false(info.has_birth_date);
	}
	assert_int_equal(info.sex, c->sex);
	assert_string_equal(info.serial, c->serial);

	int ne = 0, nw = 0;
	while (c->errors[ne])
		ne++;
	while (c->warnings[nw])
		nw++;
	if (info.nerrors != ne || info.nwarnings != nw)
		fail_msg("'%s': %d errors (first: %s), %d warnings (first: %s)", c->in,
			 info.nerrors, info.nerrors ? info.errors[0] : "-", info.nwarnings,
			 info.nwarnings ? info.warnings[0] : "-");
	for (int i = 0; i < ne; i++)
		if (!strstr(info.errors[i], c->errors[i]))
			fail_msg("'%s': error %d is '%s', want '%s'", c->in, i, info.errors[i],
				 c->errors[i]);
	for (int i = 0; i < nw; i++)
		if (!strstr(info.warnings[i], c->warnings[i]))
			fail_msg("'%s': warning %d is '%s', want '%s'", c->in, i,
				 info.warnings[i], c->warnings[i]);
}

static void test_table(void **state)
{
	const struct region_index *ix = *state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		check_case(ix, &cases[i]);
}

static void test_names_filled(void **state)
{
	struct nik_info info;
	assert_true(nik_parse("3375011201990001", 16, *state, today, &info));
	assert_string_equal(info.regency, "Kota Pekalongan");
	assert_string_equal(info.district, "Pekalongan Barat");
	/* the index owns the names: the same pointer every time */
	const char *p = info.province;
	assert_true(nik_parse("3375021201990001", 16, *state, today, &info));
	assert_ptr_equal(info.province, p);
	assert_string_equal(info.district, "Pekalongan Timur");
}

static void test_without_regions(void **state)
{
	(void)state;
	struct nik_info info;
	/* no index: the province is not checked and no names are filled */
	assert_true(nik_parse("9975011201990001", 16, NULL, today, &info));
	assert_string_equal(info.province_code, "99");
	assert_null(info.province);
	assert_null(info.regency);
	assert_null(info.district);
	assert_int_equal(info.nwarnings, 0);
	assert_int_equal(info.sex, 'M');
	/* the other hard rules still apply */
	assert_false(nik_parse("9975011201990000", 16, NULL, today, &info));
	assert_string_equal(info.errors[0], "nomor urut 0000 tidak sah");
}

static void test_century_moves_with_today(void **state)
{
	struct nik_info info;
	/* On 1999-06-01, YY=00 means 1900, which is not a leap year. */
	struct date d1999 = { 1999, 6, 1 };
	assert_false(nik_parse("3375012902000001", 16, *state, d1999, &info));
	assert_string_equal(info.errors[0], "29 Februari hanya pada tahun kabisat (1900 bukan)");
	assert_false(info.has_birth_date);
	assert_int_equal(info.sex, 0);
	/* On 2000-01-01 the same NIK is 29 February 2000 (and in the future). */
	struct date d2000 = { 2000, 1, 1 };
	assert_true(nik_parse("3375012902000001", 16, *state, d2000, &info));
	assert_int_equal(info.birth_date.year, 2000);
	assert_int_equal(info.nwarnings, 1);
	assert_string_equal(info.warnings[0], "tanggal lahir 2000-02-29 setelah tanggal acuan");
}

static void test_long_and_hostile_input(void **state)
{
	struct nik_info info;
	char big[4096];
	memset(big, '7', sizeof(big));
	assert_false(nik_parse(big, sizeof(big), *state, today, &info));
	assert_string_equal(info.nik, "7777777777777777");
	assert_string_equal(info.errors[0], "harus 16 digit, ada 4096");
	/* embedded NUL is a bad character, and the length is honoured */
	assert_false(nik_parse("3375011201990001\0", 17, *state, today, &info));
	assert_string_equal(info.errors[0], "mengandung karakter bukan angka: byte 0x00");
	assert_true(nik_parse("3375011201990001999", 16, *state, today, &info));
	/* a UTF-8 letter: first byte reported */
	assert_false(nik_parse("3375011201990001\xc3\xa9", 18, *state, today, &info));
	assert_string_equal(info.errors[0], "mengandung karakter bukan angka: byte 0xc3");
	/* the previous result never leaks into the next */
	assert_true(nik_parse("3375011201990001", 16, *state, today, &info));
	assert_int_equal(info.nerrors, 0);
}

static void test_int_round_trip(void **state)
{
	(void)state;
	static const char *const niks[] = {
		"3375011201990001", "1101010101010001", "9999999999999999", "3171014506859999",
	};
	for (size_t i = 0; i < ARRAY_SIZE(niks); i++) {
		char back[NIK_DIGITS + 1];
		int64_t v = nik_to_int(niks[i]);
		assert_true(v > 0);
		nik_from_int(v, back);
		assert_string_equal(back, niks[i]);
	}
	assert_int_equal(nik_to_int("3375011201990001"), INT64_C(3375011201990001));
	assert_int_equal(nik_to_int("0000000000000001"), 1);
	char buf[NIK_DIGITS + 1];
	nik_from_int(1, buf);
	assert_string_equal(buf, "0000000000000001");

	/* not 16 digits: -1 */
	char bad1[NIK_DIGITS + 1] = "337501120199000x";
	char bad2[NIK_DIGITS + 1] = "337501120199000";
	assert_int_equal(nik_to_int(bad1), -1);
	assert_int_equal(nik_to_int(bad2), -1);
	/* out of range: sixteen zeros, never a short string */
	nik_from_int(-5, buf);
	assert_string_equal(buf, "0000000000000000");
	nik_from_int(INT64_C(10000000000000000), buf);
	assert_string_equal(buf, "0000000000000000");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_table, setup_regions, teardown_regions),
		cmocka_unit_test_setup_teardown(test_names_filled, setup_regions,
						teardown_regions),
		cmocka_unit_test(test_without_regions),
		cmocka_unit_test_setup_teardown(test_century_moves_with_today, setup_regions,
						teardown_regions),
		cmocka_unit_test_setup_teardown(test_long_and_hostile_input, setup_regions,
						teardown_regions),
		cmocka_unit_test(test_int_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
