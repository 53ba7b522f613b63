/*
 * fuzz_billing.c - libFuzzer harness for the billing terms: period_parse
 * (the period column of payment files and --period) and the date rules of
 * late payment.
 *
 * A parsed period must be a real month from July 2015 that survives
 * formatting and parsing.  Bytes read as two dates drive the months of
 * delay, whose defining property must hold (paid on or before the due date
 * moved that many months on, and not one month fewer), the fine, which must
 * never be negative, and the BPU lapse rule.
 */
#include "compat.h"
#include "billing/terms.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct date day_of(const uint8_t *p)
{
	int32_t v;
	memcpy(&v, p, sizeof(v));
	/* Days from 1970 within 1900..2200: the range bills live in. */
	return date_from_days((int64_t)(v % 109500) - 25567 + 54750);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errbuf eb;
	int period = 0;

	jr_err rc = period_parse((const char *)data, size, &period, &eb);
	if (rc == JR_EOK) {
		char text[PERIOD_TEXT_SIZE];
		int back = 0;
		if (period < PERIOD_MIN || period > PERIOD_MAX || period % 100 < 1 ||
		    period % 100 > 12)
			abort();
		period_format(period, text);
		if (period_parse(text, strlen(text), &back, NULL) != JR_EOK || back != period)
			abort();
		if (period_add(period_add(period, 13), -13) != period)
			abort();
		if (date_cmp(period_first(period), period_last(period)) > 0)
			abort();
		for (int k = PAYER_KIND_EMPLOYER; k < PAYER_KIND_COUNT; k++) {
			struct bill_terms t = terms_for((enum payer_kind)k, period);
			if (!date_valid(t.due.year, t.due.month, t.due.day) || t.fine_ppm < 0)
				abort();
		}
	} else if ((rc != JR_EPARSE && rc != JR_EINVALID) || eb.msg[0] == '\0') {
		abort();
	}

	if (size >= 16) {
		struct date due = day_of(data), paid = day_of(data + 4);
		int k = terms_months_late(due, paid);
		if (k < 0 || (k == 0) != (date_cmp(paid, due) <= 0))
			abort();
		if (k > 0 && date_cmp(paid, date_add_months(due, k)) > 0)
			abort();
		if (k > 1 && date_cmp(paid, date_add_months(due, k - 1)) <= 0)
			abort();
		int64_t amount, fine;
		memcpy(&amount, data + 8, sizeof(amount));
		rc = terms_fine(amount, FINE_PPM_NORMAL, k, &fine, &eb);
		if ((rc == JR_EOK && fine < 0) || (rc != JR_EOK && rc != JR_ETOOBIG))
			abort();
		struct date dues[4] = {day_of(data), day_of(data + 4), day_of(data + 8),
				       day_of(data + 12)};
		struct date since;
		if (terms_bpu_lapsed(dues, 4, paid, &since) && date_cmp(since, paid) > 0)
			abort();
		(void)terms_age(due, paid);
	}
	return 0;
}
