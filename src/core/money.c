/*
 * money.c - reading and writing amounts of money as int64_t sen.
 *
 * Wages and contributions arrive from spreadsheets typed by hand, some in the
 * Indonesian convention (2.450.915,54) and some in the English one
 * (2,450,915.54).  The parser accepts each convention only in its complete,
 * consistent form and rejects anything that could be read two ways, because a
 * wage misread by a factor of 1000 silently changes every contribution.
 */
#include "compat.h"
#include "core/money.h"
#include "core/text.h"

#define MONEY_MAX_RUPIAH (MONEY_MAX_SEN / SEN_PER_RUPIAH)

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Whether s[0..len) starts with the lower-case word w, in any case. */
static bool starts_with_ci(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);

	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(s[i]) != w[i])
			return false;
	return true;
}


/* Skips an optional "Rp", "Rp." or "IDR" and the spaces after it. */
static void skip_prefix(const char **s, size_t *len)
{
	if (starts_with_ci(*s, *len, "idr")) {
		*s += 3;
		*len -= 3;
	} else if (starts_with_ci(*s, *len, "rp")) {
		*s += 2;
		*len -= 2;
		/* "Rp." is how many Indonesian invoices write the currency. */
		if (*len > 0 && **s == '.') {
			(*s)++;
			(*len)--;
		}
	} else {
		return;
	}
	while (*len > 0 && is_space(**s)) {
		(*s)++;
		(*len)--;
	}
}

/*
 * Adds the digits of s[0..n) to *acc (whole rupiah); false when the total
 * passes MONEY_MAX_RUPIAH.
 */
static bool add_digits(const char *s, size_t n, int64_t *acc)
{
	for (size_t i = 0; i < n; i++) {
		*acc = *acc * 10 + (s[i] - '0');
		if (*acc > MONEY_MAX_RUPIAH)
			return false;
	}
	return true;
}

jr_err money_parse(const char *s, size_t len, int64_t *sen, struct errbuf *eb)
{
	char shown[48];
	bool neg = false;

	while (len > 0 && is_space(s[0])) {
		s++;
		len--;
	}
	while (len > 0 && is_space(s[len - 1]))
		len--;
	text_quote(s, len, shown, sizeof(shown));
	if (len == 0)
		return errbuf_set(eb, JR_EPARSE, "jumlah uang kosong");

	/* "-Rp5.000" (what money_format_rp writes), "Rp -5.000" and "-5000". */
	if (s[0] == '-') {
		neg = true;
		s++;
		len--;
		while (len > 0 && is_space(s[0])) {
			s++;
			len--;
		}
	}
	skip_prefix(&s, &len);
	if (!neg && len > 0 && s[0] == '-') {
		neg = true;
		s++;
		len--;
	}
	/* "Rp5.000,-" is the written form of a whole amount: no sen. */
	bool dash_suffix = false;
	if (len >= 2 && s[len - 2] == ',' && s[len - 1] == '-') {
		dash_suffix = true;
		len -= 2;
	}
	if (len == 0)
		return errbuf_set(eb, JR_EPARSE, "tidak ada angka dalam jumlah uang '%s'", shown);

	size_t ndots = 0, ncommas = 0, last_sep = len;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '.' || c == ',') {
			ndots += c == '.';
			ncommas += c == ',';
			last_sep = i;
		} else if (!is_digit(c)) {
			if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7f)
				return errbuf_set(eb, JR_EPARSE,
						  "karakter '%c' tidak sah dalam jumlah uang '%s'",
						  c, shown);
			return errbuf_set(eb, JR_EPARSE,
					  "karakter 0x%02x tidak sah dalam jumlah uang '%s'",
					  (unsigned)(unsigned char)c, shown);
		}
	}

	/*
	 * Decide which separator (if any) is the decimal mark: with both
	 * present it is the last one and occurs once; alone, a separator
	 * followed by 1 or 2 digits is decimal, by 3 digits is grouping (a dot)
	 * or ambiguous (a single comma: "12,345" is 12345 to an English reader
	 * and 12,345 to an Indonesian one), and repeated it can only group.
	 */
	char dec = 0, grp = 0;
	size_t after = last_sep < len ? len - last_sep - 1 : 0;
	if (ndots > 0 && ncommas > 0) {
		dec = s[last_sep];
		grp = dec == '.' ? ',' : '.';
		if ((dec == '.' ? ndots : ncommas) != 1)
			return errbuf_set(eb, JR_EPARSE,
					  "pemisah titik dan koma tercampur: '%s'", shown);
	} else if (ndots + ncommas == 1) {
		char c = s[last_sep];
		if (after == 1 || after == 2)
			dec = c;
		else if (after == 3 && c == '.')
			grp = c;
		else if (after == 3)
			return errbuf_set(eb, JR_EPARSE,
					  "lebih dari 2 angka desimal (atau pemisah ribuan "
					  "koma yang rancu): '%s'", shown);
		else if (after == 0)
			return errbuf_set(eb, JR_EPARSE,
					  "tidak ada angka setelah '%c': '%s'", c, shown);
		else
			return errbuf_set(eb, JR_EPARSE,
					  "lebih dari 2 angka desimal: '%s'", shown);
	} else if (ndots > 1) {
		grp = '.';
	} else if (ncommas > 1) {
		grp = ',';
	}

	size_t int_len = dec ? last_sep : len;
	int64_t frac = 0;
	if (dec) {
		if (after == 0)
			return errbuf_set(eb, JR_EPARSE,
					  "tidak ada angka setelah '%c': '%s'", dec, shown);
		if (after > 2)
			return errbuf_set(eb, JR_EPARSE,
					  "lebih dari 2 angka desimal: '%s'", shown);
		if (dash_suffix)
			return errbuf_set(eb, JR_EPARSE,
					  "',-' setelah angka desimal: '%s'", shown);
		frac = (s[last_sep + 1] - '0') * 10;
		if (after == 2)
			frac += s[last_sep + 2] - '0';
	}
	if (int_len == 0)
		return errbuf_set(eb, JR_EPARSE,
				  "tidak ada angka sebelum pemisah desimal: '%s'", shown);

	int64_t rupiah = 0;
	if (!grp) {
		if (!add_digits(s, int_len, &rupiah))
			goto too_big;
	} else {
		/* First group 1..3 digits without a leading zero, then groups of 3. */
		size_t start = 0;
		bool first = true;
		while (start <= int_len) {
			size_t end = start;
			while (end < int_len && s[end] != grp)
				end++;
			size_t n = end - start;
			if (first ? (n < 1 || n > 3 || (s[start] == '0')) : n != 3)
				return errbuf_set(eb, JR_EPARSE,
						  "pemisah ribuan '%c' salah tempat: '%s'", grp,
						  shown);
			if (!add_digits(s + start, n, &rupiah))
				goto too_big;
			first = false;
			start = end + 1;
		}
	}

	int64_t total = rupiah * SEN_PER_RUPIAH + frac;
	if (total > MONEY_MAX_SEN)
		goto too_big;
	*sen = neg ? -total : total;
	return JR_EOK;

too_big:
	return errbuf_set(eb, JR_EINVALID,
			  "jumlah terlalu besar: '%s' (paling banyak Rp1.000.000.000.000.000)",
			  shown);
}

/* The magnitude of sen as unsigned, exact even for INT64_MIN. */
static uint64_t magnitude(int64_t sen)
{
	return sen < 0 ? (uint64_t)(-(sen + 1)) + 1 : (uint64_t)sen;
}

/* Writes the decimal digits of v into buf, a dot between thousands when grouped. */
static size_t put_rupiah(uint64_t v, bool grouped, char *buf)
{
	char rev[32];
	size_t n = 0, digits = 0;

	do {
		if (grouped && digits > 0 && digits % 3 == 0)
			rev[n++] = '.';
		rev[n++] = (char)('0' + v % 10);
		digits++;
		v /= 10;
	} while (v > 0);
	for (size_t i = 0; i < n; i++)
		buf[i] = rev[n - 1 - i];
	return n;
}

static void write_amount(int64_t sen, bool rp, char buf[static MONEY_FMT_SIZE])
{
	uint64_t mag = magnitude(sen);
	uint64_t sub = mag % SEN_PER_RUPIAH;
	size_t o = 0;

	if (sen < 0)
		buf[o++] = '-';
	if (rp) {
		buf[o++] = 'R';
		buf[o++] = 'p';
	}
	o += put_rupiah(mag / SEN_PER_RUPIAH, rp, buf + o);
	if (sub != 0) {
		buf[o++] = rp ? ',' : '.';
		buf[o++] = (char)('0' + sub / 10);
		buf[o++] = (char)('0' + sub % 10);
	}
	buf[o] = '\0';
}

void money_format_rp(int64_t sen, char buf[static MONEY_FMT_SIZE])
{
	write_amount(sen, true, buf);
}

void money_format_plain(int64_t sen, char buf[static MONEY_FMT_SIZE])
{
	write_amount(sen, false, buf);
}

int64_t money_round_rupiah(int64_t sen)
{
	/* C division truncates toward zero, so r has the sign of sen. */
	int64_t r = sen % SEN_PER_RUPIAH;

	if (r >= SEN_PER_RUPIAH / 2)
		return sen - r + SEN_PER_RUPIAH;
	if (r <= -SEN_PER_RUPIAH / 2)
		return sen - r - SEN_PER_RUPIAH;
	return sen - r;
}
