/*
 * fuzz_sirup.c - libFuzzer harness for the LKPP procurement row checks
 * (src/construction/sirup.c): the input is read as a CSV file with the
 * LKPP header, every row is checked and, when accepted, must hold its
 * promises (a sorted, repeat-free kd_rup list of digits; a value that is
 * one of the amounts given; a year in range).  The amount and code parsers
 * are also fed the raw input.
 */
#include "compat.h"

#include "construction/sirup.h"
#include "ingest/csvread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                             \
	do {                                                                    \
		if (!(cond)) {                                                  \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,  \
				__LINE__, #cond);                               \
			abort();                                                \
		}                                                               \
	} while (0)

static void count_issue(void *ctx, const struct row_issue *is)
{
	CHECK(is->reason && is->reason[0]);
	CHECK(is->column);
	(*(size_t *)ctx)++;
}

static void check_codes(const char *list)
{
	const char *prev = NULL;
	size_t prevlen = 0;
	CHECK(list[0]);
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ';');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		CHECK(l >= 1 && l <= SIRUP_CODE_DIGITS);
		for (size_t i = 0; i < l; i++)
			CHECK(p[i] >= '0' && p[i] <= '9');
		if (prev)
			CHECK(prevlen < l || (prevlen == l && memcmp(prev, p, l) < 0));
		prev = p;
		prevlen = l;
		if (!e)
			break;
		p = e + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char header[] =
		"kd_rup,nama_paket,nama_satker,tahun_anggaran,jenis_pengadaan,pagu,hps,"
		"nilai_kontrak,status_tender,tgl_pengumuman_tender\n";
	struct errbuf eb;
	int64_t sen;
	char codes[SIRUP_KD_RUP_SIZE];
	if (size > 4096)
		return 0;
	if (sirup_money_parse((const char *)data, size, &sen, &eb) == JR_EOK)
		CHECK(sen >= 0 && sen <= MONEY_MAX_SEN);
	if (sirup_codes_parse((const char *)data, size, codes, &eb) == JR_EOK)
		check_codes(codes);

	size_t n = sizeof(header) - 1 + size;
	char *buf = malloc(n ? n : 1);
	CHECK(buf);
	memcpy(buf, header, sizeof(header) - 1);
	if (size)
		memcpy(buf + sizeof(header) - 1, data, size);
	struct csvreader *r = NULL;
	struct csvrecord rec;
	struct column_map map;
	if (csvreader_open_mem(buf, n, &r, &eb) == JR_EOK && csvreader_next(r, &rec, &eb) == JR_EOK &&
	    columns_map(sirup_columns, SC_COUNT, &rec, &map, &eb) == JR_EOK) {
		size_t issues = 0;
		struct sirup_ctx c = {.map = &map, .on_issue = count_issue, .issue_ctx = &issues};
		struct sirup_package p;
		while (csvreader_next(r, &rec, &eb) == JR_EOK) {
			size_t before = issues;
			if (sirup_row(&c, &rec, &p)) {
				CHECK(issues == before);
				check_codes(p.kd_rup);
				CHECK(p.year >= 2000 && p.year <= 2099);
				CHECK(p.value_sen > 0);
				CHECK(p.value_sen == p.contract_sen || p.value_sen == p.hps_sen ||
				      p.value_sen == p.pagu_sen);
				CHECK(p.name[0] && p.owner[0] && p.kind[0]);
				CHECK(date_valid(p.priced_on.year, p.priced_on.month, p.priced_on.day));
				CHECK(construction_expected_workers(p.value_sen) >= 1);
			} else {
				CHECK(issues > before);
			}
		}
	}
	csvreader_free(r);
	free(buf);
	return 0;
}
