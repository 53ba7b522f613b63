/*
 * fuzz_ids.c - libFuzzer harness for the identifier checkers in ids.h and
 * region_code_normalise.
 *
 * The first byte picks the checker (byte % 7, so the digits '1'..'7' in a
 * seed mean KPJ, NIB, NPWP, NPP, KBLI, phone, region code), the rest is its
 * input.  An accepted
 * number must be canonical: digits only, of an allowed length, and accepted
 * again unchanged when fed back (checking is idempotent).
 */
#include "compat.h"
#include "core/ids.h"
#include "core/region.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Checks out against the allowed lengths and feeds it back to fn. */
#define CHECK(fn, SIZE, lenok)                                                     \
	do {                                                                       \
		char out[SIZE], again[SIZE];                                       \
		struct errbuf eb;                                                  \
		if (fn(s, len, out, &eb) != JR_EOK) {                              \
			if (eb.msg[0] == '\0' || out[0] != '\0')                   \
				abort();                                           \
			break;                                                     \
		}                                                                  \
		size_t n = strlen(out);                                            \
		if (!all_digits(out) || !(lenok))                                  \
			abort();                                                   \
		if (fn(out, n, again, NULL) != JR_EOK || strcmp(out, again) != 0)  \
			abort();                                                   \
	} while (0)

static jr_err npp_nowarn(const char *s, size_t len, char out[static NPP_SIZE],
			 struct errbuf *eb)
{
	bool warn;
	jr_err rc = npp_check(s, len, out, &warn, eb);
	if (rc == JR_EOK && warn != (strlen(out) != 8 && strlen(out) != 11))
		abort();
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *s = (const char *)data + 1;
	size_t len = size - 1;

	switch (data[0] % 7) {
	case 0:
		CHECK(kpj_check, KPJ_SIZE, n == 11);
		break;
	case 1:
		CHECK(nib_check, NIB_SIZE, n == 13);
		break;
	case 2:
		CHECK(npwp_check, NPWP_SIZE,
		      (n == 15 && luhn_digit(out, 8) == out[8] - '0') ||
			      (n == 16 &&
			       (out[0] != '0' || luhn_digit(out + 1, 8) == out[9] - '0')));
		break;
	case 3:
		CHECK(npp_nowarn, NPP_SIZE, n >= 1 && n <= 16);
		break;
	case 4:
		CHECK(kbli_check, KBLI_SIZE, n == 5);
		break;
	case 5:
		CHECK(phone_check, PHONE_SIZE, n >= 9 && n <= 14 && out[0] == '0');
		break;
	default: {
		char out[REGION_CODE_SIZE], again[REGION_CODE_SIZE];
		struct errbuf eb;
		enum region_level lv = region_code_normalise(s, len, out, &eb);
		if (lv == REGION_NONE) {
			if (out[0] != '\0' || eb.msg[0] == '\0')
				abort();
			break;
		}
		static const size_t want[] = { 0, 2, 5, 8, 13 };
		if (strlen(out) != want[lv])
			abort();
		if (region_code_normalise(out, strlen(out), again, NULL) != lv ||
		    strcmp(out, again) != 0)
			abort();
		break;
	}
	}
	return 0;
}
