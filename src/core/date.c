/*
 * date.c - calendar arithmetic and the date formats found in member sheets.
 *
 * Pure functions over the proleptic Gregorian calendar, years 1..9999.  The
 * day-number conversions follow Howard Hinnant's days_from_civil /
 * civil_from_days, which count in 400-year eras so that no loop and no table
 * is needed and every step stays exact in 64-bit integers.
 */
#include "compat.h"
#include "core/date.h"
#include "core/text.h"

/* Day numbers of 0001-01-01 and 9999-12-31 relative to 1970-01-01. */
#define DAYS_MIN (-719162)
#define DAYS_MAX 2932896

bool date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && date_is_leap(year))
		return 29;
	return days[month - 1];
}

bool date_valid(int year, int month, int day)
{
	if (year < 1 || year > 9999)
		return false;
	return day >= 1 && day <= date_days_in_month(year, month);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}


jr_err date_parse(const char *s, size_t len, struct date *out, struct errbuf *eb)
{
	/* Three runs of digits and the two separators between them. */
	int val[3] = { 0, 0, 0 };
	size_t ndig[3] = { 0, 0, 0 };
	char sep[2] = { 0, 0 };
	int nsep = 0;
	char shown[48];

	while (len > 0 && is_space(s[0])) {
		s++;
		len--;
	}
	while (len > 0 && is_space(s[len - 1]))
		len--;
	text_quote(s, len, shown, sizeof(shown));
	if (len == 0)
		return errbuf_set(eb, JR_EPARSE, "tanggal kosong");

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			/* More than 4 digits fit no format; stop before int overflow. */
			if (ndig[nsep] == 4)
				goto shape;
			val[nsep] = val[nsep] * 10 + (c - '0');
			ndig[nsep]++;
		} else if ((c == '-' || c == '/') && nsep < 2 && ndig[nsep] > 0) {
			sep[nsep++] = c;
		} else {
			goto shape;
		}
	}
	if (nsep != 2 || ndig[2] == 0 || sep[0] != sep[1])
		goto shape;

	int y, m, d;
	if (ndig[0] == 4 && sep[0] == '-') {
		/* ISO: exactly YYYY-MM-DD, so that "2024-1-1" is caught as a typo. */
		if (ndig[1] != 2 || ndig[2] != 2)
			goto shape;
		y = val[0];
		m = val[1];
		d = val[2];
	} else if (ndig[0] <= 2 && ndig[1] <= 2 && ndig[2] == 4) {
		d = val[0];
		m = val[1];
		y = val[2];
	} else {
		goto shape;
	}

	if (y < 1)
		return errbuf_set(eb, JR_EINVALID, "tahun 0000 tidak sah: '%s'", shown);
	if (m < 1 || m > 12)
		return errbuf_set(eb, JR_EINVALID, "bulan %d tidak ada: '%s'", m, shown);
	if (!date_valid(y, m, d)) {
		if (m == 2 && d == 29)
			return errbuf_set(eb, JR_EINVALID,
					  "29 Februari hanya pada tahun kabisat (%04d bukan)", y);
		return errbuf_set(eb, JR_EINVALID, "tanggal %02d-%02d-%04d tidak ada", d, m, y);
	}
	out->year = y;
	out->month = m;
	out->day = d;
	return JR_EOK;

shape:
	return errbuf_set(eb, JR_EPARSE,
			  "format tanggal tidak dikenal: '%s' "
			  "(pakai YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)",
			  shown);
}

/* Writes v as exactly n decimal digits (v is within range by contract). */
static void put_digits(char *p, int v, int n)
{
	unsigned u = v < 0 ? 0u : (unsigned)v;

	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + u % 10);
		u /= 10;
	}
}

void date_format_iso(struct date d, char buf[static DATE_ISO_SIZE])
{
	put_digits(buf, d.year, 4);
	buf[4] = '-';
	put_digits(buf + 5, d.month, 2);
	buf[7] = '-';
	put_digits(buf + 8, d.day, 2);
	buf[10] = '\0';
}

int date_cmp(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

int64_t date_to_days(struct date d)
{
	/* Years start in March so that the leap day is the last day of a year. */
	int64_t y = (int64_t)d.year - (d.month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;                              /* 0..399 */
	int64_t mp = (d.month + 9) % 12;                          /* Mar=0 */
	int64_t doy = (153 * mp + 2) / 5 + d.day - 1;             /* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;      /* 0..146096 */
	return era * 146097 + doe - 719468;
}

/*
 * Values outside 0001-01-01..9999-12-31 are clamped to those ends, so that a
 * corrupt day count can never produce a year the rest of Jaring cannot print.
 */
struct date date_from_days(int64_t days)
{
	if (days < DAYS_MIN)
		days = DAYS_MIN;
	if (days > DAYS_MAX)
		days = DAYS_MAX;

	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t day = doy - (153 * mp + 2) / 5 + 1;
	int64_t month = mp < 10 ? mp + 3 : mp - 9;
	int64_t year = yoe + era * 400 + (month <= 2);

	return (struct date){ .year = (int)year, .month = (int)month, .day = (int)day };
}

/* Results outside years 1..9999 are clamped to the first or last day. */
struct date date_add_months(struct date d, int n)
{
	int64_t total = (int64_t)d.year * 12 + (d.month - 1) + n;

	if (total < 12)
		return (struct date){ 1, 1, 1 };
	if (total >= (int64_t)10000 * 12)
		return (struct date){ 9999, 12, 31 };

	struct date r = { .year = (int)(total / 12), .month = (int)(total % 12) + 1 };
	int last = date_days_in_month(r.year, r.month);
	r.day = d.day > last ? last : d.day;
	return r;
}
