/*
 * fuzz_money.c - libFuzzer harness for money_parse and the formatters.
 *
 * Whatever parses must lie within MONEY_MAX_SEN and read back unchanged from
 * both money_format_rp and money_format_plain (export -> import must round
 * trip).  The first 8 bytes are also used as an arbitrary amount to format.
 */
#include "compat.h"
#include "core/money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(int64_t sen)
{
	char rp[MONEY_FMT_SIZE], plain[MONEY_FMT_SIZE];
	int64_t a, b;

	money_format_rp(sen, rp);
	money_format_plain(sen, plain);
	if (strnlen(rp, sizeof(rp)) >= sizeof(rp) || strnlen(plain, sizeof(plain)) >= sizeof(plain))
		abort();
	if (sen < -MONEY_MAX_SEN || sen > MONEY_MAX_SEN)
		return;
	if (money_parse(rp, strlen(rp), &a, NULL) != JR_EOK || a != sen)
		abort();
	if (money_parse(plain, strlen(plain), &b, NULL) != JR_EOK || b != sen)
		abort();
	int64_t r = money_round_rupiah(sen);
	/* whole rupiah, at most half a rupiah away, and away from zero on a tie */
	int64_t diff = r > sen ? r - sen : sen - r;
	if (r % SEN_PER_RUPIAH != 0 || diff > SEN_PER_RUPIAH / 2 ||
	    (diff == SEN_PER_RUPIAH / 2 && (r > 0 ? r < sen : r > sen)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errbuf eb;
	int64_t sen = 0;

	jr_err rc = money_parse((const char *)data, size, &sen, &eb);
	if (rc == JR_EOK) {
		if (sen < -MONEY_MAX_SEN || sen > MONEY_MAX_SEN)
			abort();
		round_trip(sen);
	} else if ((rc != JR_EPARSE && rc != JR_EINVALID) || eb.msg[0] == '\0') {
		abort();
	}

	if (size >= 8) {
		uint64_t u = 0;
		for (size_t i = 0; i < 8; i++)
			u = u << 8 | data[i];
		int64_t v;
		memcpy(&v, &u, sizeof(v));
		round_trip(v);
		round_trip(v % (MONEY_MAX_SEN + 1));
	}
	return 0;
}
