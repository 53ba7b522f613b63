/*
 * fuzz_date.c - libFuzzer harness for date_parse and the date arithmetic.
 *
 * A parsed date must be a real day that survives ISO formatting and parsing
 * and the day-number round trip; bytes read as numbers drive
 * date_from_days and date_add_months, whose results must always be real days.
 */
#include "compat.h"
#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_real(struct date d)
{
	if (!date_valid(d.year, d.month, d.day))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errbuf eb;
	struct date d;

	jr_err rc = date_parse((const char *)data, size, &d, &eb);
	if (rc == JR_EOK) {
		char iso[DATE_ISO_SIZE];
		struct date back;
		check_real(d);
		date_format_iso(d, iso);
		if (date_parse(iso, strlen(iso), &back, NULL) != JR_EOK || date_cmp(back, d) != 0)
			abort();
		if (date_cmp(date_from_days(date_to_days(d)), d) != 0)
			abort();
		for (int n = -25; n <= 25; n += 5)
			check_real(date_add_months(d, n));
	} else if ((rc != JR_EPARSE && rc != JR_EINVALID) || eb.msg[0] == '\0') {
		abort();
	}

	if (size >= 12) {
		uint64_t u = 0;
		int32_t n;
		for (size_t i = 0; i < 8; i++)
			u = u << 8 | data[i];
		int64_t days;
		memcpy(&days, &u, sizeof(days));
		memcpy(&n, data + 8, sizeof(n));
		struct date x = date_from_days(days);
		check_real(x);
		check_real(date_add_months(x, n));
		struct date y = date_from_days(days % 3000000);
		check_real(y);
		if (days % 3000000 >= -719162 && days % 3000000 <= 2932896 &&
		    date_to_days(y) != days % 3000000)
			abort();
	}
	return 0;
}
