/*
 * rates.c - parses the embedded data/rates/ CSV files (see rates.h).
 *
 * Same CSV reader as users' files and refdata.c.  Every field is parsed
 * strictly (percentages with a '%' and at most four decimals, whole rupiah
 * as plain digits, ISO dates) and every row is then checked by rates_add and
 * the whole table by rates_finish, so a typo in a rate table stops the
 * program at its first use - and `make test` - instead of mispricing bills.
 */
#include "compat.h"

#include "core/money.h"
#include "embedded.h"
#include "ingest/csvread.h"
#include "ingest/rates.h"

/* The columns of every rate file, in this order (docs/formats.md "Rate tables"). */
static const char *const columns[] = {
	"valid_from", "valid_to", "segment", "program", "base",      "risk_group",
	"employer",   "worker",   "amount",  "tier_from", "tier_to", "min_base",
	"allocated",  "condition", "rule",   "note",
};
enum {
	COL_FROM, COL_TO, COL_SEGMENT, COL_PROGRAM, COL_BASE, COL_RISK, COL_EMPLOYER, COL_WORKER,
	COL_AMOUNT, COL_TIER_FROM, COL_TIER_TO, COL_MIN_BASE, COL_ALLOCATED, COL_CONDITION,
	COL_RULE, COL_NOTE, COL_COUNT
};
_Static_assert(ARRAY_SIZE(columns) == COL_COUNT, "one name per column");

/* "0.24%" -> 2400 ppm; "" -> 0.  At most four decimals (1 ppm = 0.0001 %). */
static bool parse_percent(const char *s, size_t len, int64_t *ppm)
{
	int64_t v = 0;
	int decimals = -1;
	*ppm = 0;
	if (len == 0)
		return true;
	if (len < 2 || s[len - 1] != '%')
		return false;
	len--;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '.' && decimals < 0 && i > 0 && i + 1 < len) {
			decimals = 0;
			continue;
		}
		if (s[i] < '0' || s[i] > '9' || v > 100000000)
			return false;
		v = v * 10 + (s[i] - '0');
		if (decimals >= 0 && ++decimals > 4)
			return false;
	}
	for (int d = decimals < 0 ? 0 : decimals; d < 4; d++)
		v *= 10;
	if (v > 1000000)
		return false;
	*ppm = v;
	return true;
}

/* Whole rupiah as plain digits -> sen; "" -> 0. */
static bool parse_rupiah(const char *s, size_t len, int64_t *sen)
{
	int64_t v = 0;
	*sen = 0;
	if (len == 0)
		return true;
	if (len > 16)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v > MONEY_MAX_SEN / SEN_PER_RUPIAH)
		return false;
	*sen = v * SEN_PER_RUPIAH;
	return true;
}

static bool parse_base(const char *s, size_t len, enum rate_base *out)
{
	static const struct {
		const char *name;
		enum rate_base base;
	} bases[] = {
		{"wage", BASE_WAGE}, {"income", BASE_INCOME}, {"contract", BASE_CONTRACT},
		{"flat", BASE_FLAT}, {"cap", BASE_CAP},       {"discount", BASE_DISCOUNT},
	};
	for (size_t i = 0; i < ARRAY_SIZE(bases); i++)
		if (text_ieq(s, len, bases[i].name)) {
			*out = bases[i].base;
			return true;
		}
	return false;
}

static bool parse_iso(const char *s, size_t len, struct date *d)
{
	/* Only YYYY-MM-DD in our own files: no day-first ambiguity. */
	return len == 10 && s[4] == '-' && s[7] == '-' && date_parse(s, len, d, NULL) == JR_EOK;
}

struct parse_ctx {
	const char *name;
	size_t line;
	struct errbuf *eb;
};

static jr_err bad(const struct parse_ctx *p, int col, const char *what, const char *value)
{
	return errbuf_set(p->eb, JR_EPARSE, "data tarif %s baris %zu kolom %s: %s '%.60s'", p->name,
			  p->line, columns[col], what, value);
}

static jr_err parse_row(const struct parse_ctx *p, const struct csvrecord *rec,
			struct rate_row *row)
{
	char *const *f = rec->field;
	const size_t *len = rec->len;
	memset(row, 0, sizeof(*row));
	if (!parse_iso(f[COL_FROM], len[COL_FROM], &row->valid_from))
		return bad(p, COL_FROM, "tanggal YYYY-MM-DD salah", f[COL_FROM]);
	if (len[COL_TO] == 0)
		row->valid_to = (struct date){9999, 12, 31};
	else if (!parse_iso(f[COL_TO], len[COL_TO], &row->valid_to))
		return bad(p, COL_TO, "tanggal YYYY-MM-DD salah", f[COL_TO]);
	row->segment = segment_parse(f[COL_SEGMENT], len[COL_SEGMENT]);
	if (row->segment == SEG_NONE)
		return bad(p, COL_SEGMENT, "segmen tidak dikenal", f[COL_SEGMENT]);
	unsigned prog = 0;
	if (programs_parse(f[COL_PROGRAM], len[COL_PROGRAM], &prog, NULL) != JR_EOK || !prog)
		return bad(p, COL_PROGRAM, "program tidak dikenal", f[COL_PROGRAM]);
	row->program = (enum program)prog;
	if (!parse_base(f[COL_BASE], len[COL_BASE], &row->base))
		return bad(p, COL_BASE, "dasar bukan wage/income/contract/flat/cap/discount",
			   f[COL_BASE]);
	if (len[COL_RISK] && !(row->risk_group = risk_group_parse(f[COL_RISK], len[COL_RISK])))
		return bad(p, COL_RISK, "kelompok risiko bukan 1..5", f[COL_RISK]);
	static const int pct_cols[] = {COL_EMPLOYER, COL_WORKER, COL_ALLOCATED};
	int64_t *pct_out[] = {&row->employer_ppm, &row->worker_ppm, &row->allocated_ppm};
	for (size_t i = 0; i < ARRAY_SIZE(pct_cols); i++)
		if (!parse_percent(f[pct_cols[i]], len[pct_cols[i]], pct_out[i]))
			return bad(p, pct_cols[i], "persen (mis. 0.24%) salah", f[pct_cols[i]]);
	static const int rp_cols[] = {COL_AMOUNT, COL_TIER_FROM, COL_TIER_TO, COL_MIN_BASE};
	int64_t *rp_out[] = {&row->flat_sen, &row->tier_from_sen, &row->tier_to_sen,
			     &row->min_base_sen};
	for (size_t i = 0; i < ARRAY_SIZE(rp_cols); i++)
		if (!parse_rupiah(f[rp_cols[i]], len[rp_cols[i]], rp_out[i]))
			return bad(p, rp_cols[i], "rupiah (angka saja) salah", f[rp_cols[i]]);
	if (len[COL_CONDITION] >= sizeof(row->condition))
		return bad(p, COL_CONDITION, "terlalu panjang", f[COL_CONDITION]);
	memcpy(row->condition, f[COL_CONDITION], len[COL_CONDITION] + 1);
	if (len[COL_RULE] >= sizeof(row->rule))
		return bad(p, COL_RULE, "terlalu panjang", f[COL_RULE]);
	memcpy(row->rule, f[COL_RULE], len[COL_RULE] + 1);
	return JR_EOK;
}

jr_err rates_parse_csv(struct rates *r, const char *name, const char *buf, size_t len,
		       struct errbuf *eb)
{
	struct csvreader *rd;
	struct csvrecord rec;
	struct parse_ctx p = {name, 0, eb};
	jr_err rc = csvreader_open_mem(buf, len, &rd, eb);
	if (rc != JR_EOK)
		return rc;
	bool header = true;
	size_t rows = 0;
	while ((rc = csvreader_next(rd, &rec, eb)) == JR_EOK) {
		p.line = rec.line;
		if (rec.nfields != COL_COUNT || rec.truncated || rec.recoded) {
			rc = errbuf_set(eb, JR_EPARSE,
					"data tarif %s baris %zu: %zu kolom (perlu %d, UTF-8)", name,
					rec.line, rec.nfields, COL_COUNT);
			break;
		}
		if (header) {
			header = false;
			for (int i = 0; i < COL_COUNT && rc == JR_EOK; i++)
				if (strcmp(rec.field[i], columns[i]))
					rc = errbuf_set(eb, JR_EPARSE,
							"data tarif %s: kolom %d '%.40s', seharusnya '%s'",
							name, i + 1, rec.field[i], columns[i]);
			if (rc != JR_EOK)
				break;
			continue;
		}
		struct rate_row row;
		rows++;
		rc = parse_row(&p, &rec, &row);
		if (rc == JR_EOK) {
			struct errbuf why;
			rc = rates_add(r, &row, &why);
			if (rc != JR_EOK)
				errbuf_set(eb, rc, "data tarif %s baris %zu: %s", name, rec.line,
					   why.msg);
		}
		if (rc != JR_EOK)
			break;
	}
	csvreader_free(rd);
	if (rc == JR_EEOF && !rows)
		return errbuf_set(eb, JR_EPARSE, "data tarif %s kosong", name);
	return rc == JR_EEOF ? JR_EOK : rc;
}

jr_err rates_load(struct rates **out, struct errbuf *eb)
{
	static const struct {
		const unsigned char *data;
		const size_t *len;
		const char *name;
	} files[] = {
		{data_rates_pu, &data_rates_pu_len, "pu.csv"},
		{data_rates_bpu, &data_rates_bpu_len, "bpu.csv"},
		{data_rates_jakon, &data_rates_jakon_len, "jakon.csv"},
		{data_rates_pmi, &data_rates_pmi_len, "pmi.csv"},
		{data_rates_caps, &data_rates_caps_len, "caps.csv"},
		{data_rates_discounts, &data_rates_discounts_len, "discounts.csv"},
	};
	*out = NULL;
	struct rates *r = rates_new();
	if (!r)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	jr_err rc = JR_EOK;
	for (size_t i = 0; i < ARRAY_SIZE(files) && rc == JR_EOK; i++)
		rc = rates_parse_csv(r, files[i].name, (const char *)files[i].data, *files[i].len,
				     eb);
	if (rc == JR_EOK) {
		struct errbuf why;
		rc = rates_finish(r, &why);
		if (rc != JR_EOK)
			errbuf_set(eb, rc, "data tarif: %s", why.msg);
	}
	if (rc != JR_EOK) {
		rates_free(r);
		return rc;
	}
	*out = r;
	return JR_EOK;
}
