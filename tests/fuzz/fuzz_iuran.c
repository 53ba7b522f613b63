/*
 * fuzz_iuran.c - libFuzzer harness for the rate-table parser and the
 * contribution rules.
 *
 * First byte even: the rest is a rate CSV (rates_parse_csv + rates_finish);
 * a table that loads is then used to price two fixed cases.  First byte odd:
 * the rest describes a case (segment, month, amounts up to and past the
 * limits, risk group, programs, KBLI, payer...) priced on the embedded
 * tables.  Either way, a success must be self-consistent (lines whole
 * rupiah, non-negative, totals the sum of the lines) and a failure must say
 * why; the sanitizers catch any overflow in the 128-bit arithmetic.
 */
#include "compat.h"

#include "core/money.h"
#include "ingest/rates.h"
#include "rules/iuran.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct rates *r, const struct iuran_case *c)
{
	struct iuran_result res;
	struct errbuf eb = {""};
	jr_err rc = iuran_compute(r, c, &res, &eb);
	if (rc != JR_EOK) {
		if (rc != JR_EINVALID || !eb.msg[0] || res.nlines || res.total_sen)
			abort();
		return;
	}
	if (res.nlines < 1 || res.nlines > IURAN_MAX_LINES)
		abort();
	int64_t e = 0, w = 0;
	for (int i = 0; i < res.nlines; i++) {
		const struct iuran_line *l = &res.line[i];
		if (l->employer_sen < 0 || l->worker_sen < 0 || l->deferred_sen < 0 ||
		    l->allocated_sen < 0 || l->base_sen < 0)
			abort();
		if (l->employer_sen % SEN_PER_RUPIAH || l->worker_sen % SEN_PER_RUPIAH ||
		    l->total_sen != l->employer_sen + l->worker_sen)
			abort();
		if (!l->rate[0] || strnlen(l->rate, sizeof(l->rate)) == sizeof(l->rate) ||
		    !l->rule[0] || strnlen(l->rule, sizeof(l->rule)) == sizeof(l->rule))
			abort();
		if (!strcmp(iuran_program_name(l->program), "?"))
			abort();
		e += l->employer_sen;
		w += l->worker_sen;
	}
	if (e != res.employer_sen || w != res.worker_sen || res.total_sen != e + w)
		abort();
}

static int64_t i64(const uint8_t *p)
{
	uint64_t u = 0;
	for (int i = 0; i < 8; i++)
		u = u << 8 | p[i];
	int64_t v;
	memcpy(&v, &u, sizeof(v));
	return v;
}

/* Amounts: mostly realistic, sometimes anything an int64 holds. */
static int64_t amount(const uint8_t *p)
{
	int64_t v = i64(p);
	if (p[0] & 0x80)
		return v;
	return v % (MONEY_MAX_SEN + 2);
}

static void case_mode(const uint8_t *d, size_t n)
{
	static struct rates *embedded;
	struct errbuf eb;
	if (!embedded && rates_load(&embedded, &eb) != JR_EOK)
		abort();
	uint8_t b[48] = {0};
	memcpy(b, d, n < sizeof(b) ? n : sizeof(b));
	struct iuran_case c = {
		.segment = (enum segment)(b[0] % 6),
		.year = 2012 + b[1] % 20,
		.month = b[2] % 14,
		.wage_sen = amount(b + 3),
		.income_sen = amount(b + 11),
		.contract_sen = amount(b + 19),
		.risk_group = b[27] % 8 - 1,
		.programs = b[28] % 64,
		.employer_participants = b[29] * 4,
		.payer = (enum payer_source)(b[30] % 4),
		.pmi_months = b[31],
		.in_arrears = b[32] & 1,
	};
	if (b[33] & 1)
		for (int i = 0; i < KBLI_SIZE - 1; i++)
			c.kbli[i] = (char)('0' + b[34 + i] % 10);
	check(embedded, &c);
}

static void csv_mode(const uint8_t *d, size_t n)
{
	struct rates *r = rates_new();
	struct errbuf eb = {""};
	if (!r)
		return;
	jr_err rc = rates_parse_csv(r, "fuzz.csv", (const char *)d, n, &eb);
	if (rc == JR_EOK)
		rc = rates_finish(r, &eb);
	if (rc != JR_EOK && !eb.msg[0])
		abort();
	if (rc == JR_EOK) {
		struct iuran_case pu = {.segment = SEG_PU, .year = 2024, .month = 11,
					.wage_sen = 500000000, .risk_group = 1, .programs = PROG_ALL};
		struct iuran_case jakon = {.segment = SEG_JAKON, .year = 2024, .month = 11,
					   .contract_sen = 1000000000000, .programs = PROG_JKK | PROG_JKM};
		check(r, &pu);
		check(r, &jakon);
	}
	rates_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] & 1)
		case_mode(data + 1, size - 1);
	else
		csv_mode(data + 1, size - 1);
	return 0;
}
