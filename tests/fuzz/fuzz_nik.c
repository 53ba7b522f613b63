/*
 * fuzz_nik.c - libFuzzer harness for nik_parse.
 *
 * Feeds raw bytes to nik_parse against a small region index (built once) and
 * checks what every result must satisfy whatever the input: messages within
 * their bounds, a birth date only when it is a real day, validity exactly
 * when no hard rule fired, and 16-digit round trips through nik_to_int.
 */
#include "compat.h"
#include "core/nik.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct region_index *regions(void)
{
	static struct region_index *ix;
	static const char *const codes[][2] = {
		{ "33", "Jawa Tengah" },
		{ "33.75", "Kota Pekalongan" },
		{ "33.75.01", "Pekalongan Barat" },
		{ "33.26", "Kabupaten Pekalongan" },
		{ "31", "Daerah Khusus Ibukota Jakarta" },
		{ "31.71.01", "Gambir" },
	};

	if (!ix) {
		ix = region_index_new();
		if (!ix)
			abort();
		for (size_t i = 0; i < ARRAY_SIZE(codes); i++)
			if (region_index_add(ix, codes[i][0], codes[i][1], NULL) != JR_EOK)
				abort();
		region_index_finish(ix);
	}
	return ix;
}

static void check(const struct nik_info *info, struct date today)
{
	size_t n = strnlen(info->nik, sizeof(info->nik));
	if (n > NIK_DIGITS)
		abort();
	for (size_t i = 0; i < n; i++)
		if (info->nik[i] < '0' || info->nik[i] > '9')
			abort();
	if (info->nerrors < 0 || info->nerrors > NIK_MAX_MESSAGES || info->nwarnings < 0 ||
	    info->nwarnings > NIK_MAX_MESSAGES)
		abort();
	if (info->valid != (info->nerrors == 0))
		abort();
	for (int i = 0; i < info->nerrors; i++)
		if (strnlen(info->errors[i], NIK_MESSAGE_SIZE) == NIK_MESSAGE_SIZE ||
		    info->errors[i][0] == '\0')
			abort();
	for (int i = 0; i < info->nwarnings; i++)
		if (strnlen(info->warnings[i], NIK_MESSAGE_SIZE) == NIK_MESSAGE_SIZE ||
		    info->warnings[i][0] == '\0')
			abort();
	if (info->has_birth_date) {
		struct date d = info->birth_date;
		if (!date_valid(d.year, d.month, d.day) || d.year > today.year ||
		    (info->sex != 'M' && info->sex != 'F'))
			abort();
	} else if (info->sex != 0) {
		abort();
	}
	if (info->valid) {
		char back[NIK_DIGITS + 1];
		if (n != NIK_DIGITS || !info->has_birth_date || !info->province)
			abort();
		nik_from_int(nik_to_int(info->nik), back);
		if (strcmp(back, info->nik) != 0)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct date today = { 2026, 11, 22 };
	struct nik_info info;

	nik_parse((const char *)data, size, regions(), today, &info);
	check(&info, today);
	nik_parse((const char *)data, size, NULL, today, &info);
	if (info.province)
		abort();
	return 0;
}
