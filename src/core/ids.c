/*
 * ids.c - shape checks for KPJ, NIB, NPWP, NPP, KBLI and phone numbers.
 *
 * These numbers are typed from cards and licences with whatever punctuation
 * the typist likes, so the checkers drop spaces, dots and dashes and then
 * check the digits.  Only NPWP carries a check digit (see npwp_check); the
 * others are checked for length, which catches the usual dropped or doubled
 * digit.  Sources: domain.md section 5.
 */
#include "compat.h"
#include "core/ids.h"

/* Longest digit run kept while collecting; longer input is only counted. */
#define MAX_DIGITS 32

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static jr_err bad_char(struct errbuf *eb, const char *what, char c)
{
	unsigned char u = (unsigned char)c;

	if (u >= 0x20 && u < 0x7f)
		return errbuf_set(eb, JR_EINVALID, "%s mengandung karakter bukan angka: '%c'",
				  what, c);
	return errbuf_set(eb, JR_EINVALID, "%s mengandung karakter bukan angka: byte 0x%02x",
			  what, (unsigned)u);
}

/*
 * Collects the digits of s[0..len) into d (up to MAX_DIGITS kept, NUL
 * terminated), skipping spaces, dots and dashes; *n receives how many digits
 * there were in all.
 */
static jr_err collect(const char *s, size_t len, const char *what, char d[MAX_DIGITS + 1],
		      size_t *n, struct errbuf *eb)
{
	size_t k = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (is_digit(c)) {
			if (k < MAX_DIGITS)
				d[k] = c;
			k++;
		} else if (c != ' ' && c != '.' && c != '-') {
			return bad_char(eb, what, c);
		}
	}
	d[k < MAX_DIGITS ? k : MAX_DIGITS] = '\0';
	*n = k;
	return JR_EOK;
}

/* The common case: exactly `want` digits, copied into out (size want + 1). */
static jr_err fixed_length(const char *s, size_t len, const char *what, size_t want,
			   char *out, struct errbuf *eb)
{
	char d[MAX_DIGITS + 1];
	size_t n;

	out[0] = '\0';
	jr_err rc = collect(s, len, what, d, &n, eb);
	if (rc != JR_EOK)
		return rc;
	if (n != want)
		return errbuf_set(eb, JR_EINVALID, "%s harus %zu digit, ada %zu", what, want, n);
	memcpy(out, d, want + 1);
	return JR_EOK;
}

jr_err kpj_check(const char *s, size_t len, char out[static KPJ_SIZE], struct errbuf *eb)
{
	return fixed_length(s, len, "KPJ", KPJ_SIZE - 1, out, eb);
}

jr_err nib_check(const char *s, size_t len, char out[static NIB_SIZE], struct errbuf *eb)
{
	return fixed_length(s, len, "NIB", NIB_SIZE - 1, out, eb);
}

jr_err kbli_check(const char *s, size_t len, char out[static KBLI_SIZE], struct errbuf *eb)
{
	return fixed_length(s, len, "kode KBLI", KBLI_SIZE - 1, out, eb);
}

/* -1 when one of the characters is not a digit. */
int luhn_digit(const char *digits, size_t n)
{
	unsigned sum = 0;

	/* The rightmost payload digit is the one doubled: the check digit
	 * will sit to its right. */
	for (size_t i = 0; i < n; i++) {
		char c = digits[n - 1 - i];
		if (!is_digit(c))
			return -1;
		unsigned v = (unsigned)(c - '0');
		if (i % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return (int)((10 - sum % 10) % 10);
}

/*
 * The 15-digit NPWP's ninth digit is the Luhn check digit of the first eight
 * (SE-44/PJ/2015 as described by techscales.blogspot.com/2016/08; confirmed
 * against published NPWPs such as 01.000.161.8-092.000).
 */
static jr_err npwp15_check(const char *d, struct errbuf *eb)
{
	int want = luhn_digit(d, 8);

	if (want != d[8] - '0')
		return errbuf_set(eb, JR_EINVALID,
				  "digit pemeriksa NPWP salah: %c, seharusnya %d", d[8], want);
	return JR_EOK;
}

jr_err npwp_check(const char *s, size_t len, char out[static NPWP_SIZE], struct errbuf *eb)
{
	char d[MAX_DIGITS + 1];
	size_t n;

	out[0] = '\0';
	jr_err rc = collect(s, len, "NPWP", d, &n, eb);
	if (rc != JR_EOK)
		return rc;
	if (n == 15) {
		rc = npwp15_check(d, eb);
	} else if (n == 16) {
		/*
		 * PMK 112/PMK.03/2022: entities and non-residents get "0" + the
		 * old 15 digits, whose check digit still holds; a resident's
		 * NPWP is the NIK, which never starts with 0 and has no check
		 * digit.
		 */
		if (d[0] == '0')
			rc = npwp15_check(d + 1, eb);
	} else {
		return errbuf_set(eb, JR_EINVALID, "NPWP harus 15 atau 16 digit, ada %zu", n);
	}
	if (rc != JR_EOK)
		return rc;
	memcpy(out, d, n + 1);
	return JR_EOK;
}

jr_err npp_check(const char *s, size_t len, char out[static NPP_SIZE], bool *warn,
		 struct errbuf *eb)
{
	char d[MAX_DIGITS + 1];
	size_t n;

	out[0] = '\0';
	if (warn)
		*warn = false;
	jr_err rc = collect(s, len, "NPP", d, &n, eb);
	if (rc != JR_EOK)
		return rc;
	if (n == 0)
		return errbuf_set(eb, JR_EINVALID, "NPP kosong");
	if (n > NPP_SIZE - 1)
		return errbuf_set(eb, JR_EINVALID,
				  "NPP terlalu panjang: %zu digit (paling banyak %d)", n,
				  NPP_SIZE - 1);
	memcpy(out, d, n + 1);
	/* 8 digits, or 8 + a 3-digit divisi; other lengths are unverified. */
	if (warn)
		*warn = n != 8 && n != 11;
	return JR_EOK;
}

jr_err phone_check(const char *s, size_t len, char out[static PHONE_SIZE], struct errbuf *eb)
{
	char d[MAX_DIGITS + 1];
	size_t k = 0;
	bool plus = false, seen = false;

	out[0] = '\0';
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (is_digit(c)) {
			if (k < MAX_DIGITS)
				d[k] = c;
			k++;
			seen = true;
		} else if (c == '+' && !seen && !plus) {
			plus = true;
			seen = true;
		} else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
			if (c == '+')
				return errbuf_set(eb, JR_EINVALID,
						  "nomor telepon: '+' hanya boleh di depan");
			return bad_char(eb, "nomor telepon", c);
		}
	}
	if (k == 0)
		return errbuf_set(eb, JR_EINVALID, "nomor telepon kosong");
	if (k > MAX_DIGITS)
		return errbuf_set(eb, JR_EINVALID, "nomor telepon harus 9-14 digit, ada %zu", k);
	d[k] = '\0';

	/* Where the national part (after the leading 0) starts in d. */
	const char *national;
	if (plus || (k >= 2 && d[0] == '6' && d[1] == '2')) {
		if (k < 2 || d[0] != '6' || d[1] != '2')
			return errbuf_set(eb, JR_EINVALID,
					  "nomor telepon luar negeri (bukan +62) tidak didukung");
		national = d + 2;
		/* "+62 (0)812..." keeps the trunk 0 in brackets. */
		if (national[0] == '0')
			national++;
	} else if (d[0] == '0') {
		national = d + 1;
	} else if (d[0] == '8') {
		/* A spreadsheet that stored 0812... as a number dropped the 0. */
		national = d;
	} else {
		return errbuf_set(eb, JR_EINVALID,
				  "nomor telepon harus diawali 0, 62 atau +62");
	}

	size_t total = 1 + strlen(national);
	if (total < 9 || total > 14)
		return errbuf_set(eb, JR_EINVALID, "nomor telepon harus 9-14 digit, ada %zu",
				  total);
	out[0] = '0';
	memcpy(out + 1, national, total);
	return JR_EOK;
}
