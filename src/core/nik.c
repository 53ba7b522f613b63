/*
 * nik.c - checking and decoding the NIK (Nomor Induk Kependudukan).
 *
 * The layout PP KK CC DD MM YY SSSS and the +40 rule for women come from
 * Dukcapil (domain.md section 5).  A NIK is issued once for life and is not
 * reissued when the holder moves or when its date part turns out to be wrong
 * (PP 40/2019 Pasal 30(2)), so only rules that no issued NIK can break are
 * hard errors; a region that no longer exists or a date after the reference
 * day is a warning for a person to look at.
 *
 * Every field that can be decoded is decoded even when another part is
 * wrong, so that an import report can say "Jawa Tengah, but the date is
 * impossible" instead of just "invalid".
 */
#include "compat.h"
#include "core/nik.h"

static void add_msg(struct nik_info *info, bool error, const char *fmt, ...)
	JR_PRINTF(3, 4);

static void add_msg(struct nik_info *info, bool error, const char *fmt, ...)
{
	int *n = error ? &info->nerrors : &info->nwarnings;
	char (*list)[NIK_MESSAGE_SIZE] = error ? info->errors : info->warnings;
	va_list ap;

	if (*n >= NIK_MAX_MESSAGES)
		return;
	va_start(ap, fmt);
	vsnprintf(list[*n], NIK_MESSAGE_SIZE, fmt, ap);
	va_end(ap);
	(*n)++;
}

static int two(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* Looks a code up when an index is given; NULL when unknown or no index. */
static const char *lookup(const struct region_index *regions, const char *code)
{
	return regions ? region_index_name(regions, code) : NULL;
}

/* Checks the region part (ndig digits are available in d). */
static void check_region(const char *d, size_t ndig, const struct region_index *regions,
			 struct nik_info *info)
{
	if (ndig < 2)
		return;
	memcpy(info->province_code, d, 2);
	info->province_code[2] = '\0';
	info->province = lookup(regions, info->province_code);
	if (regions && !info->province)
		add_msg(info, true, "kode provinsi %s tidak dikenal", info->province_code);

	if (ndig < 4)
		return;
	snprintf(info->regency_code, sizeof(info->regency_code), "%.2s.%.2s", d, d + 2);
	info->regency = lookup(regions, info->regency_code);

	if (ndig >= 6) {
		snprintf(info->district_code, sizeof(info->district_code), "%.2s.%.2s.%.2s",
			 d, d + 2, d + 4);
		info->district = lookup(regions, info->district_code);
	}

	/*
	 * Warn only about the first unknown level: under an unknown province
	 * (already an error) or an unknown regency every lower code is unknown
	 * too, and one message says it all.
	 */
	if (!regions || !info->province)
		return;
	if (!info->regency)
		add_msg(info, false, "kode kabupaten/kota %s tidak dikenal", info->regency_code);
	else if (ndig >= 6 && !info->district)
		add_msg(info, false, "kode kecamatan %s tidak dikenal", info->district_code);
}

/* Checks and decodes DD MM YY (d points at DD). */
static void check_date(const char *d, struct date today, struct nik_info *info)
{
	int raw_day = two(d), month = two(d + 2), yy = two(d + 4);
	int day = raw_day > 40 ? raw_day - 40 : raw_day;
	bool day_ok = (raw_day >= 1 && raw_day <= 31) || (raw_day >= 41 && raw_day <= 71);
	bool month_ok = month >= 1 && month <= 12;

	if (!day_ok)
		add_msg(info, true, "tanggal lahir %02d tidak sah (01-31, perempuan 41-71)",
			raw_day);
	if (!month_ok)
		add_msg(info, true, "bulan lahir %02d tidak sah (01-12)", month);
	if (!day_ok || !month_ok)
		return;

	/* The century is not encoded: the latest year not after today's. */
	int year = 2000 + yy;
	if (year > today.year)
		year = 1900 + yy;

	if (!date_valid(year, month, day)) {
		if (month == 2 && day == 29)
			add_msg(info, true,
				"29 Februari hanya pada tahun kabisat (%d bukan)", year);
		else
			add_msg(info, true, "tanggal lahir %02d-%02d tidak ada", day, month);
		return;
	}

	info->has_birth_date = true;
	info->birth_date = (struct date){ .year = year, .month = month, .day = day };
	info->sex = raw_day > 40 ? 'F' : 'M';
	if (date_cmp(info->birth_date, today) > 0) {
		char iso[DATE_ISO_SIZE];
		date_format_iso(info->birth_date, iso);
		add_msg(info, false, "tanggal lahir %s setelah tanggal acuan", iso);
	}
}

bool nik_parse(const char *s, size_t len, const struct region_index *regions,
	       struct date today, struct nik_info *info)
{
	size_t ndig = 0;
	bool bad_char = false;

	memset(info, 0, sizeof(*info));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9') {
			if (ndig < NIK_DIGITS)
				info->nik[ndig] = (char)c;
			ndig++;
		} else if (c == ' ' || c == '.' || c == '-') {
			continue;
		} else if (!bad_char) {
			/* Report the first one only: "x" in "33x5..." says enough. */
			bad_char = true;
			if (c >= 0x20 && c < 0x7f)
				add_msg(info, true, "mengandung karakter bukan angka: '%c'", c);
			else
				add_msg(info, true,
					"mengandung karakter bukan angka: byte 0x%02x", c);
		}
	}
	size_t kept = ndig < NIK_DIGITS ? ndig : NIK_DIGITS;
	info->nik[kept] = '\0';
	if (ndig != NIK_DIGITS)
		add_msg(info, true, "harus %d digit, ada %zu", NIK_DIGITS, ndig);

	const char *d = info->nik;
	check_region(d, kept, regions, info);
	if (kept >= 12)
		check_date(d + 6, today, info);
	if (kept == NIK_DIGITS) {
		memcpy(info->serial, d + 12, 4);
		info->serial[4] = '\0';
		if (memcmp(info->serial, "0000", 4) == 0)
			add_msg(info, true, "nomor urut 0000 tidak sah");
	}

	info->valid = info->nerrors == 0;
	return info->valid;
}

/* -1 when nik is not exactly 16 digits. */
int64_t nik_to_int(const char nik[static NIK_DIGITS + 1])
{
	int64_t v = 0;

	for (size_t i = 0; i < NIK_DIGITS; i++) {
		if (nik[i] < '0' || nik[i] > '9')
			return -1;
		v = v * 10 + (nik[i] - '0');
	}
	return nik[NIK_DIGITS] == '\0' ? v : -1;
}

/* A value outside 0..9999999999999999 writes sixteen zeros, never a short string. */
void nik_from_int(int64_t v, char out[static NIK_DIGITS + 1])
{
	if (v < 0 || v > INT64_C(9999999999999999))
		v = 0;
	for (int i = NIK_DIGITS - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
	out[NIK_DIGITS] = '\0';
}
