/* terms.c - due dates, months of delay, fines, arrears age, BPU lapse (see terms.h). */
#include "compat.h"

#include "billing/terms.h"
#include "core/money.h"
#include "core/text.h"

/* Reads 1..max digits at s[*i]; false when none. */
static bool read_digits(const char *s, size_t len, size_t *i, int max, int *out, int *ndigits)
{
	int v = 0, n = 0;
	while (*i < len && s[*i] >= '0' && s[*i] <= '9' && n < max) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		n++;
	}
	*out = v;
	*ndigits = n;
	return n > 0;
}

jr_err period_parse(const char *s, size_t len, int *period, struct errbuf *eb)
{
	int a, b, na, nb, year, month;
	size_t i = 0;
	text_trim(&s, &len);
	if (!read_digits(s, len, &i, 4, &a, &na) || i >= len || (s[i] != '-' && s[i] != '/'))
		goto shape;
	i++;
	if (!read_digits(s, len, &i, 4, &b, &nb) || i != len)
		goto shape;
	if (na == 4 && nb <= 2) {
		year = a;
		month = b;
	} else if (na <= 2 && nb == 4) {
		year = b;
		month = a;
	} else {
		goto shape;
	}
	if (month < 1 || month > 12)
		return errbuf_set(eb, JR_EINVALID, "bulan %d tidak ada", month);
	*period = year * 100 + month;
	if (*period < PERIOD_MIN)
		return errbuf_set(eb, JR_EINVALID,
				  "periode sebelum Juli 2015 (PP 44/2015 berlaku 1 Juli 2015)");
	if (*period > PERIOD_MAX)
		return errbuf_set(eb, JR_EINVALID, "periode terlalu jauh di masa depan");
	return JR_EOK;
shape:
	return errbuf_set(eb, JR_EPARSE, "periode harus YYYY-MM (misalnya 2024-11)");
}

void period_format(int period, char buf[static PERIOD_TEXT_SIZE])
{
	int y = period / 100, m = period % 100;
	if (y < 0 || y > 9999 || m < 1 || m > 12)
		y = 0, m = 0;
	snprintf(buf, PERIOD_TEXT_SIZE, "%04d-%02d", y, m);
}

int period_of(struct date d)
{
	return d.year * 100 + d.month;
}

struct date period_first(int period)
{
	return (struct date){period / 100, period % 100, 1};
}

struct date period_last(int period)
{
	int y = period / 100, m = period % 100;
	return (struct date){y, m, date_days_in_month(y, m)};
}

int period_add(int period, int n)
{
	int64_t total = (int64_t)(period / 100) * 12 + (period % 100 - 1) + n;
	if (total < 0)
		total = 0;
	return (int)(total / 12) * 100 + (int)(total % 12) + 1;
}

struct bill_terms terms_for(enum payer_kind kind, int period)
{
	struct bill_terms t;
	if (kind == PAYER_KIND_EMPLOYER) {
		struct date next = period_first(period_add(period, 1));
		if (period >= 202008 && period <= 202101) {
			/* PP 49/2020 Pasal 9: "paling lambat tanggal 30 bulan berikutnya";
			 * Pasal 23: the fine is 0.5 % a month. */
			int last = date_days_in_month(next.year, next.month);
			next.day = last < 30 ? last : 30;
			t.fine_ppm = FINE_PPM_PP49_2020;
		} else {
			next.day = 15;
			t.fine_ppm = FINE_PPM_NORMAL;
		}
		t.due = next;
	} else {
		/* BPU: by the 15th of the contribution month itself, no fine. */
		t.due = period_first(period);
		t.due.day = 15;
		t.fine_ppm = 0;
	}
	return t;
}

int terms_months_late(struct date due, struct date paid)
{
	if (date_cmp(paid, due) <= 0)
		return 0;
	int k = (paid.year - due.year) * 12 + (paid.month - due.month);
	if (k < 1)
		k = 1;
	if (date_cmp(paid, date_add_months(due, k)) > 0)
		k++;
	return k;
}

jr_err terms_fine(int64_t amount_sen, int64_t ppm, int months, int64_t *fine_sen,
		  struct errbuf *eb)
{
	int64_t rate, prod;
	*fine_sen = 0;
	if (amount_sen <= 0 || ppm <= 0 || months <= 0)
		return JR_EOK;
	if (__builtin_mul_overflow(ppm, (int64_t)months, &rate) ||
	    __builtin_mul_overflow(amount_sen, rate, &prod))
		return errbuf_set(eb, JR_ETOOBIG, "denda terlalu besar untuk dihitung");
	/* prod is sen x 10^6; whole rupiah is 10^8 of it, rounded half-up. */
	int64_t rupiah = prod / 100000000;
	if (prod % 100000000 >= 50000000)
		rupiah++;
	*fine_sen = rupiah * SEN_PER_RUPIAH;
	return JR_EOK;
}

enum age_bucket terms_age(struct date due, struct date as_of)
{
	int k = terms_months_late(due, as_of);
	return k == 0 ? AGE_CURRENT : k <= 3 ? AGE_1_3 : AGE_OVER_3;
}

bool terms_bpu_lapsed(const struct date *unpaid_due, size_t n, struct date day,
		      struct date *since)
{
	/* The three oldest due dates before day, kept sorted. */
	struct date oldest[BPU_LAPSE_MONTHS];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct date d = unpaid_due[i];
		if (date_cmp(d, day) >= 0)
			continue;
		size_t j = k < BPU_LAPSE_MONTHS ? k++ : BPU_LAPSE_MONTHS;
		/* Insert d, dropping the newest when full. */
		while (j > 0 && date_cmp(oldest[j - 1], d) > 0) {
			if (j < BPU_LAPSE_MONTHS)
				oldest[j] = oldest[j - 1];
			j--;
		}
		if (j < BPU_LAPSE_MONTHS)
			oldest[j] = d;
	}
	if (k < BPU_LAPSE_MONTHS)
		return false;
	if (since)
		*since = date_from_days(date_to_days(oldest[BPU_LAPSE_MONTHS - 1]) + 1);
	return true;
}
