/*
 * iuran.c - contributions of one membership for one month (see iuran.h).
 *
 * The numbers live in data/rates/ (loaded by ingest/rates.c); this file only
 * knows how a row is applied: a percentage of a base after its minimum and
 * cap, a flat amount, marginal tiers of a contract value, a temporary
 * reduction whose conditions the case meets.  Every amount is computed
 * exactly (128-bit intermediate products of sen and parts per million) and
 * each share of a program line is rounded half-up to whole rupiah once, at
 * the end (domain.md 8 "Per-program rounding").  No I/O.
 */
#include "compat.h"

#include "core/money.h"
#include "rules/iuran.h"

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 s128;

_Static_assert(sizeof(((struct iuran_line *)0)->rule) >= sizeof(((struct rate_row *)0)->rule),
	       "a line's rule holds its row's rule");

#define PPM 1000000
#define MONTH_KEY(y, m) ((y) * 12 + (m) - 1)
/* Contributions under BPJS Ketenagakerjaan start with PP 44/2015 on 1 July 2015. */
#define FIRST_MONTH MONTH_KEY(2015, 7)
#define PMI_MAX_MONTHS 240
#define KBLI_PREFIX_MAX 12

enum {
	C_KBLI = 1 << 0,
	C_KBLI_NOT = 1 << 1,
	C_MIN_PARTICIPANTS = 1 << 2,
	C_PAYER_NOT = 1 << 3,
	C_PAID_UP = 1 << 4,
	C_DEFERRED = 1 << 5,
	C_PRE_DEPARTURE = 1 << 6,
	C_MONTHS = 1 << 7,
	C_EXTRA_MONTH = 1 << 8,
};
#define C_MATCHING (C_KBLI | C_KBLI_NOT | C_MIN_PARTICIPANTS | C_PAYER_NOT | C_PAID_UP)
#define C_PMI (C_PRE_DEPARTURE | C_MONTHS | C_EXTRA_MONTH)

/* A row's condition, parsed once when the row is added. */
struct cond {
	unsigned flags;
	int nkbli;
	char kbli[KBLI_PREFIX_MAX][KBLI_SIZE];
	int min_participants;
	unsigned payer_not; /* bits 1 << enum payer_source */
	int months;
};

/* Rows grouped for overlap checks and lookups: amounts, caps, discounts. */
enum row_class { CLASS_AMOUNT, CLASS_CONTRACT, CLASS_CAP, CLASS_DISCOUNT };

struct rate_entry {
	struct rate_row row;
	int from_m, to_m; /* month keys, inclusive */
	enum row_class cls;
	struct cond cond;
	char rate_text[16];
};

#define NPROG 32 /* program bit sets 0..31 */

struct rates {
	struct rate_entry *e;
	size_t n, cap;
	bool finished;
	/* after rates_finish: the rows of (segment, program set, class) are
	 * e[start .. start+count): sorted that way, so each range is contiguous */
	uint32_t start[SEG_COUNT][NPROG][4], count[SEG_COUNT][NPROG][4];
};

struct rates *rates_new(void)
{
	return calloc(1, sizeof(struct rates));
}

void rates_free(struct rates *r)
{
	if (!r)
		return;
	free(r->e);
	free(r);
}

size_t rates_count(const struct rates *r)
{
	return r ? r->n : 0;
}

const char *iuran_program_name(unsigned program)
{
	switch (program) {
	case PROG_JKK:
		return "JKK";
	case PROG_JKM:
		return "JKM";
	case PROG_JHT:
		return "JHT";
	case PROG_JP:
		return "JP";
	case PROG_JKP:
		return "JKP";
	case PROG_JKK | PROG_JKM:
		return "JKK+JKM";
	default:
		return "?";
	}
}

int64_t iuran_jp_cap_next(int64_t cap_sen, int64_t growth_ppm)
{
	s128 v = (s128)cap_sen * (PPM + growth_ppm) / PPM;
	if (v <= 0)
		return 0;
	if (v > MONEY_MAX_SEN)
		v = MONEY_MAX_SEN;
	int64_t sen = (int64_t)v;
	/* PP 45/2015 Pasal 29: rounded down to the nearest Rp100. */
	return sen - sen % (100 * SEN_PER_RUPIAH);
}

/*
 * Writes a rate of x parts per 10^12 (ppm × keep-ppm) as a percentage with
 * a dot and two to six decimals: 2.4e9 -> "0.24%", 5.7e10 -> "5.70%",
 * 2.4e7 -> "0.0024%" (PP 49/2020: 1% of 0.24%).
 */
static void format_percent(int64_t x, char buf[static 16])
{
	const int64_t unit = 10000000000; /* 10^12 / 100 */
	int64_t whole = x / unit, frac = x % unit;
	char digits[24];
	snprintf(digits, sizeof(digits), "%010" PRId64, frac);
	int n = 10;
	while (n > 2 && digits[n - 1] == '0')
		n--;
	if (n > 6) /* the tables have at most 4 decimals, discounts add up to 2 */
		n = 6;
	snprintf(buf, 16, "%" PRId64 ".%.*s%%", whole, n, digits);
}

/* ------------------------------------------------------------------ */
/* Conditions                                                          */

static bool word_is(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && !memcmp(s, w, len);
}

static bool parse_int(const char *s, size_t len, int max, int *out)
{
	int v = 0;
	if (len == 0 || len > 9)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

static int payer_parse(const char *s, size_t len)
{
	static const char *const names[] = {"self", "APBN", "APBD", "other"};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (len == strlen(names[i]) && !strncasecmp(s, names[i], len))
			return (int)i;
	return -1;
}

/* Parses "key:v,v;key;..." into c.  JR_EINVALID naming the bad clause. */
static jr_err cond_parse(const char *text, struct cond *c, struct errbuf *eb)
{
	memset(c, 0, sizeof(*c));
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *colon = memchr(p, ':', len);
		size_t klen = colon ? (size_t)(colon - p) : len;
		const char *v = colon ? colon + 1 : p + len;
		size_t vlen = colon ? len - klen - 1 : 0;
		bool ok = true;
		if (word_is(p, klen, "kbli") || word_is(p, klen, "kbli_not")) {
			c->flags |= klen == 4 ? C_KBLI : C_KBLI_NOT;
			size_t i = 0;
			ok = vlen > 0;
			while (ok && i < vlen) {
				size_t j = i;
				while (j < vlen && v[j] != ',')
					j++;
				ok = j - i >= 2 && j - i < KBLI_SIZE && c->nkbli < KBLI_PREFIX_MAX;
				for (size_t k = i; ok && k < j; k++)
					ok = v[k] >= '0' && v[k] <= '9';
				if (ok) {
					memcpy(c->kbli[c->nkbli], v + i, j - i);
					c->kbli[c->nkbli][j - i] = '\0';
					c->nkbli++;
				}
				i = j + 1;
				ok = ok && !(j < vlen && j + 1 == vlen); /* no trailing comma */
			}
		} else if (word_is(p, klen, "min_participants")) {
			c->flags |= C_MIN_PARTICIPANTS;
			ok = parse_int(v, vlen, 1000000, &c->min_participants);
		} else if (word_is(p, klen, "payer_not")) {
			c->flags |= C_PAYER_NOT;
			size_t i = 0;
			ok = vlen > 0;
			while (ok && i < vlen) {
				size_t j = i;
				while (j < vlen && v[j] != ',')
					j++;
				int ps = payer_parse(v + i, j - i);
				ok = ps >= 0;
				if (ok)
					c->payer_not |= 1u << ps;
				i = j + 1;
			}
		} else if (word_is(p, klen, "months")) {
			c->flags |= C_MONTHS;
			ok = parse_int(v, vlen, PMI_MAX_MONTHS, &c->months) && c->months > 0;
		} else if (!colon && word_is(p, klen, "paid_up")) {
			c->flags |= C_PAID_UP;
		} else if (!colon && word_is(p, klen, "deferred")) {
			c->flags |= C_DEFERRED;
		} else if (!colon && word_is(p, klen, "pre_departure")) {
			c->flags |= C_PRE_DEPARTURE;
		} else if (!colon && word_is(p, klen, "extra_month")) {
			c->flags |= C_EXTRA_MONTH;
		} else {
			ok = false;
		}
		if (!ok)
			return errbuf_set(eb, JR_EINVALID, "syarat '%.*s' tidak dikenal atau salah",
					  (int)(len > 60 ? 60 : len), p);
		if (!end)
			break;
		p = end + 1;
		if (!*p)
			return errbuf_set(eb, JR_EINVALID, "syarat diakhiri ';'");
	}
	if ((c->flags & C_KBLI) && (c->flags & C_KBLI_NOT))
		return errbuf_set(eb, JR_EINVALID, "syarat kbli dan kbli_not sekaligus");
	return JR_EOK;
}

static bool kbli_matches(const struct cond *cd, const char *kbli)
{
	for (int i = 0; i < cd->nkbli; i++)
		if (!strncmp(kbli, cd->kbli[i], strlen(cd->kbli[i])))
			return true;
	return false;
}

/* Whether a discount row's condition holds for the case. */
static bool cond_holds(const struct cond *cd, const struct iuran_case *c)
{
	if ((cd->flags & C_KBLI) && !kbli_matches(cd, c->kbli))
		return false;
	if ((cd->flags & C_KBLI_NOT) && kbli_matches(cd, c->kbli))
		return false;
	if ((cd->flags & C_MIN_PARTICIPANTS) && c->employer_participants < cd->min_participants)
		return false;
	if ((cd->flags & C_PAYER_NOT) && (unsigned)c->payer < 32 &&
	    (cd->payer_not & (1u << c->payer)))
		return false;
	if ((cd->flags & C_PAID_UP) && c->in_arrears)
		return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* Building the table                                                  */

static bool is_month_start(struct date d)
{
	return d.day == 1;
}

static bool is_month_end(struct date d)
{
	return d.day == date_days_in_month(d.year, d.month);
}

static enum row_class class_of(enum rate_base b)
{
	switch (b) {
	case BASE_CONTRACT:
		return CLASS_CONTRACT;
	case BASE_CAP:
		return CLASS_CAP;
	case BASE_DISCOUNT:
		return CLASS_DISCOUNT;
	case BASE_WAGE:
	case BASE_INCOME:
	case BASE_FLAT:
		break;
	}
	return CLASS_AMOUNT;
}

/* Which bases a segment's rows may have (PU pays on wages, BPU on income...). */
static bool base_allowed(enum segment s, enum rate_base b)
{
	switch (b) {
	case BASE_WAGE:
		return s == SEG_PU || s == SEG_JAKON;
	case BASE_INCOME:
		return s == SEG_BPU;
	case BASE_CONTRACT:
		return s == SEG_JAKON;
	case BASE_FLAT:
		return s == SEG_BPU || s == SEG_PMI;
	case BASE_CAP:
		return s != SEG_PMI;
	case BASE_DISCOUNT:
		return true;
	}
	return false;
}

static bool single_program(unsigned p)
{
	return p && !(p & (p - 1)) && p <= PROG_JKP;
}

static jr_err check_row(const struct rate_row *w, struct errbuf *eb)
{
	if (!date_valid(w->valid_from.year, w->valid_from.month, w->valid_from.day) ||
	    !date_valid(w->valid_to.year, w->valid_to.month, w->valid_to.day))
		return errbuf_set(eb, JR_EINVALID, "tanggal berlaku tidak sah");
	if (!is_month_start(w->valid_from))
		return errbuf_set(eb, JR_EINVALID,
				  "valid_from harus tanggal 1 (tarif berlaku per bulan iuran)");
	if (!is_month_end(w->valid_to))
		return errbuf_set(eb, JR_EINVALID,
				  "valid_to harus hari terakhir bulan (atau 9999-12-31)");
	if (date_cmp(w->valid_from, w->valid_to) > 0)
		return errbuf_set(eb, JR_EINVALID, "valid_from sesudah valid_to");
	if (MONTH_KEY(w->valid_from.year, w->valid_from.month) < FIRST_MONTH)
		return errbuf_set(eb, JR_EINVALID, "tarif sebelum Juli 2015 (PP 44/2015) tidak dimuat");
	if (w->segment <= SEG_NONE || w->segment >= SEG_COUNT)
		return errbuf_set(eb, JR_EINVALID, "segmen tidak sah");
	unsigned p = (unsigned)w->program;
	bool pmi_package = w->segment == SEG_PMI && p == (PROG_JKK | PROG_JKM);
	if (!single_program(p) && !pmi_package)
		return errbuf_set(eb, JR_EINVALID, "program harus satu (JKK+JKM hanya paket PMI)");
	if (p & ~programs_allowed(w->segment))
		return errbuf_set(eb, JR_EINVALID, "program %s tidak untuk segmen %s",
				  iuran_program_name(p), segment_name(w->segment));
	if (w->base < BASE_WAGE || w->base > BASE_DISCOUNT)
		return errbuf_set(eb, JR_EINVALID, "dasar (base) tidak sah");
	if (!base_allowed(w->segment, w->base))
		return errbuf_set(eb, JR_EINVALID, "dasar ini tidak untuk segmen %s",
				  segment_name(w->segment));
	if (w->risk_group < 0 || w->risk_group > 5)
		return errbuf_set(eb, JR_EINVALID, "kelompok risiko harus 1..5 atau kosong");
	if (w->risk_group && !(w->segment == SEG_PU && p == PROG_JKK && w->base == BASE_WAGE))
		return errbuf_set(eb, JR_EINVALID,
				  "kelompok risiko hanya untuk baris JKK PU berdasar upah");
	if (w->segment == SEG_PU && p == PROG_JKK && w->base == BASE_WAGE && !w->risk_group)
		return errbuf_set(eb, JR_EINVALID, "baris JKK PU perlu kelompok risiko 1..5");
	if (w->employer_ppm < 0 || w->employer_ppm > PPM || w->worker_ppm < 0 ||
	    w->worker_ppm > PPM || w->allocated_ppm < 0 || w->allocated_ppm > PPM ||
	    (w->base != BASE_DISCOUNT && w->employer_ppm + w->worker_ppm > PPM))
		return errbuf_set(eb, JR_EINVALID, "persentase di luar 0..100%%");
	bool pct = w->base == BASE_WAGE || w->base == BASE_INCOME || w->base == BASE_CONTRACT;
	if (w->base == BASE_DISCOUNT && !w->employer_ppm && !w->worker_ppm)
		return errbuf_set(eb, JR_EINVALID, "baris diskon tanpa besar potongan");
	if (!pct && w->base != BASE_DISCOUNT && (w->employer_ppm || w->worker_ppm))
		return errbuf_set(eb, JR_EINVALID, "persentase hanya untuk dasar upah/penghasilan/kontrak");
	if (w->allocated_ppm && !pct)
		return errbuf_set(eb, JR_EINVALID, "alokasi hanya untuk baris persentase");
	bool amount = w->base == BASE_FLAT || w->base == BASE_CAP;
	if (amount != (w->flat_sen > 0) || w->flat_sen < 0 || w->flat_sen > MONEY_MAX_SEN)
		return errbuf_set(eb, JR_EINVALID,
				  amount ? "dasar flat/cap perlu jumlah (amount) > 0"
					 : "jumlah (amount) hanya untuk dasar flat/cap");
	if (w->base == BASE_CAP && p == PROG_JP && w->flat_sen % (100 * SEN_PER_RUPIAH))
		return errbuf_set(eb, JR_EINVALID,
				  "batas upah JP harus kelipatan Rp100 (PP 45/2015 Pasal 29)");
	if (w->base == BASE_CONTRACT) {
		if (w->tier_from_sen < 0 || w->tier_to_sen < 0 || w->tier_to_sen > MONEY_MAX_SEN ||
		    (w->tier_to_sen && w->tier_to_sen <= w->tier_from_sen))
			return errbuf_set(eb, JR_EINVALID, "batas lapisan kontrak tidak sah");
	} else if (w->tier_from_sen || w->tier_to_sen) {
		return errbuf_set(eb, JR_EINVALID, "lapisan hanya untuk dasar kontrak");
	}
	if (w->min_base_sen < 0 || w->min_base_sen > MONEY_MAX_SEN ||
	    (w->min_base_sen && w->base != BASE_WAGE && w->base != BASE_INCOME))
		return errbuf_set(eb, JR_EINVALID, "dasar minimum hanya untuk dasar upah/penghasilan");
	size_t rl = strnlen(w->rule, sizeof(w->rule));
	if (rl == 0 || rl >= sizeof(w->rule))
		return errbuf_set(eb, JR_EINVALID, "rujukan peraturan (rule) wajib diisi");
	/* A line's rule is the row's rule plus a discount's: both must fit. */
	if (rl > 78)
		return errbuf_set(eb, JR_EINVALID, "rujukan peraturan lebih dari 78 byte");
	if (strnlen(w->condition, sizeof(w->condition)) >= sizeof(w->condition))
		return errbuf_set(eb, JR_EINVALID, "syarat terlalu panjang");
	return JR_EOK;
}

jr_err rates_add(struct rates *r, const struct rate_row *row, struct errbuf *eb)
{
	if (r->finished)
		return errbuf_set(eb, JR_EINVALID, "tabel tarif sudah selesai disusun");
	jr_err rc = check_row(row, eb);
	if (rc != JR_EOK)
		return rc;
	struct rate_entry e = {.row = *row};
	rc = cond_parse(row->condition, &e.cond, eb);
	if (rc != JR_EOK)
		return rc;
	unsigned f = e.cond.flags;
	if (row->base == BASE_DISCOUNT) {
		if (f & C_PMI)
			return errbuf_set(eb, JR_EINVALID, "syarat paket PMI pada baris diskon");
	} else {
		if (f & (C_MATCHING | C_DEFERRED))
			return errbuf_set(eb, JR_EINVALID, "syarat diskon pada baris bukan diskon");
		int npmi = !!(f & C_PRE_DEPARTURE) + !!(f & C_MONTHS) + !!(f & C_EXTRA_MONTH);
		if ((row->segment == SEG_PMI) != (npmi == 1))
			return errbuf_set(eb, JR_EINVALID,
					  row->segment == SEG_PMI
						  ? "baris PMI perlu satu syarat: pre_departure, months:N atau extra_month"
						  : "syarat paket PMI hanya untuk segmen PMI");
	}
	e.from_m = MONTH_KEY(row->valid_from.year, row->valid_from.month);
	e.to_m = MONTH_KEY(row->valid_to.year, row->valid_to.month);
	e.cls = class_of(row->base);
	if (row->base == BASE_FLAT)
		memcpy(e.rate_text, "flat", 5);
	else if (row->base == BASE_CONTRACT)
		memcpy(e.rate_text, "tiered", 7);
	else
		format_percent((row->employer_ppm + row->worker_ppm) * PPM, e.rate_text);
	if (r->n == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 64;
		if (ncap > SIZE_MAX / sizeof(*r->e) || ncap > UINT32_MAX)
			return errbuf_set(eb, JR_ENOMEM, "tabel tarif terlalu besar");
		struct rate_entry *ne = realloc(r->e, ncap * sizeof(*r->e));
		if (!ne)
			return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
		r->e = ne;
		r->cap = ncap;
	}
	r->e[r->n++] = e;
	return JR_EOK;
}

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* Rows with the same key are one rule over time: they must not overlap. */
static int cmp_key(const struct rate_entry *x, const struct rate_entry *y)
{
	int c;
	if ((c = cmp_i64(x->row.segment, y->row.segment)) ||
	    (c = cmp_i64(x->row.program, y->row.program)) || (c = cmp_i64(x->cls, y->cls)) || (c = cmp_i64(x->row.risk_group, y->row.risk_group)) ||
	    (c = cmp_i64(x->row.tier_from_sen, y->row.tier_from_sen)))
		return c;
	return strcmp(x->row.condition, y->row.condition);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct rate_entry *x = a, *y = b;
	int c = cmp_key(x, y);
	return c ? c : cmp_i64(x->from_m, y->from_m);
}

static void describe(const struct rate_entry *e, char *buf, size_t size)
{
	char from[DATE_ISO_SIZE], to[DATE_ISO_SIZE];
	date_format_iso(e->row.valid_from, from);
	date_format_iso(e->row.valid_to, to);
	snprintf(buf, size, "%s %s %s..%s (%s)", segment_name(e->row.segment),
		 iuran_program_name(e->row.program), from, to, e->row.rule);
}

static jr_err conflict(const struct rate_entry *x, const struct rate_entry *y, const char *what,
		       struct errbuf *eb)
{
	char a[200], b[200];
	describe(x, a, sizeof(a));
	describe(y, b, sizeof(b));
	return errbuf_set(eb, JR_EINVALID, "%s: %s dan %s", what, a, b);
}

static bool overlaps(const struct rate_entry *x, const struct rate_entry *y)
{
	return x->from_m <= y->to_m && y->from_m <= x->to_m;
}

/* The tiers of a contract table chain from 0 to unbounded, one period at a time. */
static jr_err check_tiers(const struct rate_entry *g, size_t n, struct errbuf *eb)
{
	for (size_t i = 0; i < n; i++) {
		const struct rate_entry *x = &g[i];
		if (x->cls != CLASS_CONTRACT)
			continue;
		int starts = 0, ends = 0;
		bool has_prev = x->row.tier_from_sen == 0, has_next = x->row.tier_to_sen == 0;
		for (size_t j = 0; j < n; j++) {
			const struct rate_entry *y = &g[j];
			if (y->cls != CLASS_CONTRACT || !overlaps(x, y))
				continue;
			if (y->from_m != x->from_m || y->to_m != x->to_m)
				return conflict(x, y, "lapisan kontrak dengan masa berlaku berbeda", eb);
			if (strcmp(y->row.rule, x->row.rule))
				return conflict(x, y, "lapisan kontrak dengan rujukan berbeda", eb);
			starts += y->row.tier_from_sen == 0;
			ends += y->row.tier_to_sen == 0;
			has_prev = has_prev || y->row.tier_to_sen == x->row.tier_from_sen;
			has_next = has_next || y->row.tier_from_sen == x->row.tier_to_sen;
		}
		if (starts != 1 || ends != 1 || !has_prev || !has_next)
			return conflict(x, x, "lapisan kontrak tidak bersambung dari 0 sampai tak terbatas", eb);
	}
	return JR_EOK;
}

jr_err rates_finish(struct rates *r, struct errbuf *eb)
{
	if (r->finished)
		return errbuf_set(eb, JR_EINVALID, "rates_finish dipanggil dua kali");
	if (r->n)
		qsort(r->e, r->n, sizeof(*r->e), cmp_entry);
	for (size_t i = 0; i < r->n;) {
		size_t j = i;
		while (j < r->n && r->e[j].row.segment == r->e[i].row.segment &&
		       r->e[j].row.program == r->e[i].row.program)
			j++;
		const struct rate_entry *g = &r->e[i];
		size_t n = j - i;
		for (size_t a = 0; a < n; a++) {
			for (size_t b = a + 1; b < n; b++) {
				const struct rate_entry *x = &g[a], *y = &g[b];
				if (x->cls != y->cls || !overlaps(x, y))
					continue;
				if (x->row.tier_from_sen != y->row.tier_from_sen ||
				    strcmp(x->row.condition, y->row.condition))
					continue;
				if (x->row.risk_group && y->row.risk_group &&
				    x->row.risk_group != y->row.risk_group)
					continue;
				return conflict(x, y, "baris tarif tumpang tindih", eb);
			}
			/* A rule that continues over time has no hole in it. */
			if (a + 1 < n && g[a].cls != CLASS_DISCOUNT && !cmp_key(&g[a], &g[a + 1]) &&
			    g[a + 1].from_m != g[a].to_m + 1)
				return conflict(&g[a], &g[a + 1], "celah antara baris tarif", eb);
		}
		jr_err rc = check_tiers(g, n, eb);
		if (rc != JR_EOK)
			return rc;
		unsigned seg = (unsigned)g->row.segment, prog = (unsigned)g->row.program;
		for (size_t k = n; k-- > 0;) {
			r->start[seg][prog][g[k].cls] = (uint32_t)(i + k);
			r->count[seg][prog][g[k].cls]++;
		}
		i = j;
	}
	r->finished = true;
	return JR_EOK;
}

/* ------------------------------------------------------------------ */
/* Computing                                                           */

/* floor(base × ppm × keep / 10^12), then half-up to whole rupiah. */
static int64_t share(int64_t base_sen, int64_t ppm, int64_t keep)
{
	/* the common case (no discount, a wage below Rp92 billion) in 64 bits */
	if (keep == PPM && (!ppm || base_sen <= INT64_MAX / ppm))
		return money_round_rupiah(base_sen * ppm / PPM);
	u128 v = (u128)(uint64_t)base_sen * (uint64_t)ppm * (uint64_t)keep;
	return money_round_rupiah((int64_t)(v / ((u128)PPM * PPM)));
}

static const char *month_name(int m)
{
	static const char *const names[] = {"Januari", "Februari", "Maret",     "April",
					    "Mei",     "Juni",     "Juli",      "Agustus",
					    "September", "Oktober", "November", "Desember"};
	return (m >= 1 && m <= 12) ? names[m - 1] : "?";
}

struct ctx {
	const struct rates *r;
	const struct iuran_case *c;
	int key; /* the contribution month */
	struct errbuf *eb;
};

/* The rows of the case's segment for one program set, by class. */
struct gview {
	const struct rate_entry *e[4];
	size_t n[4];
};

static void group_of(const struct ctx *x, unsigned prog, struct gview *g)
{
	unsigned s = (unsigned)x->c->segment, p = prog & (NPROG - 1);
	for (int k = 0; k < 4; k++) {
		g->n[k] = x->r->count[s][p][k];
		g->e[k] = g->n[k] ? x->r->e + x->r->start[s][p][k] : NULL;
	}
}

static bool valid_in(const struct rate_entry *e, int key)
{
	return e->from_m <= key && key <= e->to_m;
}

static jr_err no_rate(const struct ctx *x, unsigned prog, const char *what)
{
	return errbuf_set(x->eb, JR_EINVALID, "tidak ada tarif %s %s%s untuk periode %s %d",
			  iuran_program_name(prog), segment_name(x->c->segment), what,
			  month_name(x->c->month), x->c->year);
}

/* The one discount row whose month and condition match, or NULL. */
static jr_err find_discount(const struct ctx *x, const struct gview *g,
			    const struct rate_entry **out)
{
	const struct rate_entry *d = g->e[CLASS_DISCOUNT];
	*out = NULL;
	for (size_t i = 0; i < g->n[CLASS_DISCOUNT]; i++) {
		if (!valid_in(&d[i], x->key) || !cond_holds(&d[i].cond, x->c))
			continue;
		if (*out)
			return conflict(*out, &d[i], "dua diskon berlaku sekaligus", x->eb);
		*out = &d[i];
	}
	return JR_EOK;
}

static const struct rate_entry *find_cap(const struct ctx *x, const struct gview *g)
{
	for (size_t i = 0; i < g->n[CLASS_CAP]; i++)
		if (valid_in(&g->e[CLASS_CAP][i], x->key))
			return &g->e[CLASS_CAP][i];
	return NULL;
}

/* Clears a line's fields (not its 200 bytes of text: a bill run calls this per line). */
static void line_init(struct iuran_line *l)
{
	l->program = 0;
	l->base_sen = l->employer_sen = l->worker_sen = l->total_sen = 0;
	l->allocated_sen = l->deferred_sen = 0;
	l->rate[0] = l->rule[0] = '\0';
}

/* Adds "; rule" to a line's rule, as much as fits. */
static void rule_append(struct iuran_line *l, const char *sep, const char *more)
{
	size_t n = strlen(l->rule);
	int w = snprintf(l->rule + n, sizeof(l->rule) - n, "%s%s", sep, more);
	(void)w; /* a cut rule is still a citation; rows are kept short by check_row */
}

/* A percentage or flat line (not PMI, not a contract): PU, BPU, JAKON with wage. */
static jr_err line_simple(const struct ctx *x, unsigned prog, const struct gview *g,
			  struct iuran_line *l)
{
	const struct iuran_case *c = x->c;
	const struct rate_entry *row = NULL;
	for (size_t i = 0; i < g->n[CLASS_AMOUNT]; i++) {
		const struct rate_entry *e = &g->e[CLASS_AMOUNT][i];
		if (!valid_in(e, x->key))
			continue;
		if (e->row.risk_group && e->row.risk_group != c->risk_group)
			continue;
		if (row)
			return conflict(row, e, "dua baris tarif berlaku sekaligus", x->eb);
		row = e;
	}
	if (!row) {
		if (c->segment == SEG_PU && prog == PROG_JKK)
			return no_rate(x, prog, " kelompok risiko");
		return no_rate(x, prog, "");
	}
	const struct rate_entry *disc;
	jr_err rc = find_discount(x, g, &disc);
	if (rc != JR_EOK)
		return rc;
	int64_t keep_e = PPM - (disc ? disc->row.employer_ppm : 0);
	int64_t keep_w = PPM - (disc ? disc->row.worker_ppm : 0);
	bool deferred = disc && (disc->cond.flags & C_DEFERRED);

	l->program = (enum program)prog;
	memcpy(l->rule, row->row.rule, sizeof(row->row.rule));
	if (row->row.base == BASE_FLAT) {
		l->base_sen = 0;
		memcpy(l->rate, "flat", 5);
		int64_t full = money_round_rupiah(row->row.flat_sen);
		l->employer_sen = share(row->row.flat_sen, PPM, keep_e);
		l->deferred_sen = deferred ? full - l->employer_sen : 0;
		l->allocated_sen = l->employer_sen;
	} else {
		int64_t base = row->row.base == BASE_INCOME ? c->income_sen : c->wage_sen;
		if (base <= 0)
			return errbuf_set(x->eb, JR_EINVALID, "%s wajib diisi untuk %s %s",
					  row->row.base == BASE_INCOME ? "penghasilan" : "upah",
					  iuran_program_name(prog), segment_name(c->segment));
		if (base < row->row.min_base_sen)
			base = row->row.min_base_sen;
		const struct rate_entry *cap = find_cap(x, g);
		if (cap && base > cap->row.flat_sen)
			base = cap->row.flat_sen;
		l->base_sen = base;
		int64_t emp = row->row.employer_ppm, wrk = row->row.worker_ppm;
		l->employer_sen = share(base, emp, keep_e);
		l->worker_sen = share(base, wrk, keep_w);
		if (deferred)
			l->deferred_sen = share(base, emp, PPM) + share(base, wrk, PPM) -
					  l->employer_sen - l->worker_sen;
		if (disc)
			format_percent(emp * keep_e + wrk * keep_w, l->rate);
		else
			memcpy(l->rate, row->rate_text, sizeof(l->rate));
		if (row->row.allocated_ppm && (prog == PROG_JKP || (c->programs & PROG_JKP)))
			l->allocated_sen = share(base, row->row.allocated_ppm, keep_e);
		else
			l->allocated_sen = l->employer_sen + l->worker_sen;
	}
	l->total_sen = l->employer_sen + l->worker_sen;
	if (disc)
		rule_append(l, "; ", disc->row.rule);
	return JR_EOK;
}

/* JAKON on contract value: each tier's rate on its slice only (PROBIS p.98). */
static jr_err line_contract(const struct ctx *x, unsigned prog, const struct gview *g,
			    struct iuran_line *l)
{
	const struct iuran_case *c = x->c;
	const struct rate_entry *disc, *first = NULL;
	jr_err rc = find_discount(x, g, &disc);
	if (rc != JR_EOK)
		return rc;
	int64_t keep_e = PPM - (disc ? disc->row.employer_ppm : 0);
	int64_t keep_w = PPM - (disc ? disc->row.worker_ppm : 0);
	u128 emp = 0, wrk = 0;
	int64_t v = c->contract_sen;
	for (size_t i = 0; i < g->n[CLASS_CONTRACT]; i++) {
		const struct rate_entry *e = &g->e[CLASS_CONTRACT][i];
		if (!valid_in(e, x->key))
			continue;
		if (!first)
			first = e;
		int64_t lo = e->row.tier_from_sen, hi = e->row.tier_to_sen;
		if (v <= lo)
			continue;
		int64_t slice = (hi && v > hi ? hi : v) - lo;
		emp += (u128)(uint64_t)slice * (uint64_t)e->row.employer_ppm * (uint64_t)keep_e;
		wrk += (u128)(uint64_t)slice * (uint64_t)e->row.worker_ppm * (uint64_t)keep_w;
	}
	if (!first)
		return no_rate(x, prog, " (nilai kontrak)");
	u128 div = (u128)PPM * PPM;
	l->program = (enum program)prog;
	l->base_sen = v;
	memcpy(l->rate, "tiered", 7);
	l->employer_sen = money_round_rupiah((int64_t)(emp / div));
	l->worker_sen = money_round_rupiah((int64_t)(wrk / div));
	l->total_sen = l->employer_sen + l->worker_sen;
	l->allocated_sen = l->total_sen;
	memcpy(l->rule, first->row.rule, sizeof(first->row.rule));
	if (disc)
		rule_append(l, "; ", disc->row.rule);
	return JR_EOK;
}

/*
 * PMI: the pre-departure package and the package for the contract length
 * (Permenaker 4/2023 Pasal 18), months beyond the package at the extra rate.
 */
static jr_err lines_pmi(const struct ctx *x, struct iuran_result *out)
{
	const struct iuran_case *c = x->c;
	const unsigned pkg = PROG_JKK | PROG_JKM;
	if ((c->programs & pkg) != pkg)
		return errbuf_set(x->eb, JR_EINVALID,
				  "PMI: JKK dan JKM dibayar sebagai satu paket (Permenaker 4/2023 Pasal 18)");
	if (c->programs & ~pkg) {
		unsigned other = c->programs & ~pkg;
		return no_rate(x, other & (~other + 1), "");
	}
	if (c->pmi_months <= 0 || c->pmi_months > PMI_MAX_MONTHS)
		return errbuf_set(x->eb, JR_EINVALID,
				  "PMI: lama perjanjian kerja (bulan) wajib 1..%d", PMI_MAX_MONTHS);
	struct gview g;
	group_of(x, pkg, &g);
	const struct rate_entry *pre = NULL, *best = NULL, *smallest = NULL, *extra = NULL;
	for (size_t i = 0; i < g.n[CLASS_AMOUNT]; i++) {
		const struct rate_entry *e = &g.e[CLASS_AMOUNT][i];
		if (!valid_in(e, x->key))
			continue;
		if (e->cond.flags & C_PRE_DEPARTURE)
			pre = e;
		else if (e->cond.flags & C_EXTRA_MONTH)
			extra = e;
		else if (e->cond.flags & C_MONTHS) {
			if (!smallest || e->cond.months < smallest->cond.months)
				smallest = e;
			if (e->cond.months <= c->pmi_months &&
			    (!best || e->cond.months > best->cond.months))
				best = e;
		}
	}
	if (!smallest)
		return no_rate(x, pkg, " (paket)");
	if (!best)
		best = smallest; /* shorter than the shortest package: the shortest one */
	int extra_months = c->pmi_months - best->cond.months;
	if (extra_months > 0 && !extra)
		return no_rate(x, pkg, " (bulan tambahan)");
	if (extra_months > 0 &&
	    extra->row.flat_sen > (MONEY_MAX_SEN - best->row.flat_sen) / extra_months)
		return errbuf_set(x->eb, JR_EINVALID, "PMI: jumlah paket terlalu besar");
	if (pre) {
		struct iuran_line *l = &out->line[out->nlines++];
		line_init(l);
		l->program = (enum program)pkg;
		memcpy(l->rate, "flat", 5);
		l->employer_sen = money_round_rupiah(pre->row.flat_sen);
		l->total_sen = l->allocated_sen = l->employer_sen;
		memcpy(l->rule, pre->row.rule, sizeof(pre->row.rule));
	}
	struct iuran_line *l = &out->line[out->nlines++];
	line_init(l);
	l->program = (enum program)pkg;
	memcpy(l->rate, "flat", 5);
	int64_t amount = best->row.flat_sen;
	memcpy(l->rule, best->row.rule, sizeof(best->row.rule));
	if (extra_months > 0) {
		amount += extra->row.flat_sen * extra_months;
		char more[40];
		snprintf(more, sizeof(more), "; + %d bulan: ", extra_months);
		rule_append(l, more, extra->row.rule);
	}
	l->employer_sen = l->total_sen = l->allocated_sen = money_round_rupiah(amount);
	return JR_EOK;
}

jr_err iuran_compute(const struct rates *r, const struct iuran_case *c, struct iuran_result *out,
		     struct errbuf *eb)
{
	/* Only the header and the lines used are cleared: this runs once per
	 * membership in a bill run, and the whole struct is 2 KiB. */
	out->nlines = 0;
	out->base_sen = out->employer_sen = out->worker_sen = out->total_sen = 0;
	if (!r || !r->finished)
		return errbuf_set(eb, JR_EINVALID, "tabel tarif belum disusun (rates_finish)");
	if (c->segment <= SEG_NONE || c->segment >= SEG_COUNT)
		return errbuf_set(eb, JR_EINVALID, "segmen tidak dikenal (PU, BPU, JAKON, PMI)");
	if (c->month < 1 || c->month > 12 || c->year < 1 || c->year > 9999)
		return errbuf_set(eb, JR_EINVALID, "periode %04d-%02d tidak sah", c->year, c->month);
	struct ctx x = {r, c, MONTH_KEY(c->year, c->month), eb};
	if (x.key < FIRST_MONTH)
		return errbuf_set(eb, JR_EINVALID,
				  "periode %04d-%02d sebelum Juli 2015: iuran BPJS Ketenagakerjaan "
				  "dihitung sejak PP 44/2015 (1 Juli 2015)",
				  c->year, c->month);
	static const struct {
		const char *name;
		size_t off;
	} amounts[] = {
		{"upah", offsetof(struct iuran_case, wage_sen)},
		{"penghasilan", offsetof(struct iuran_case, income_sen)},
		{"nilai kontrak", offsetof(struct iuran_case, contract_sen)},
	};
	for (size_t i = 0; i < ARRAY_SIZE(amounts); i++) {
		int64_t v;
		memcpy(&v, (const char *)c + amounts[i].off, sizeof(v));
		if (v < 0)
			return errbuf_set(eb, JR_EINVALID, "%s tidak boleh negatif", amounts[i].name);
		if (v > MONEY_MAX_SEN)
			return errbuf_set(eb, JR_EINVALID, "%s terlalu besar", amounts[i].name);
	}
	if (!c->programs)
		return errbuf_set(eb, JR_EINVALID, "tidak ada program (JKK, JKM, JHT, JP, JKP)");
	unsigned bad = c->programs & ~programs_allowed(c->segment);
	if (c->programs & ~(unsigned)PROG_ALL)
		return errbuf_set(eb, JR_EINVALID, "program tidak dikenal");
	if (bad) {
		char names[40];
		return errbuf_set(eb, JR_EINVALID, "program %s tidak tersedia untuk segmen %s",
				  programs_format(bad, names, sizeof(names)), segment_name(c->segment));
	}
	if (c->segment == SEG_PU && (c->programs & PROG_JKK) &&
	    (c->risk_group < 1 || c->risk_group > 5))
		return errbuf_set(eb, JR_EINVALID, "kelompok risiko JKK wajib 1..5 untuk PU");
	if (c->segment == SEG_JAKON) {
		if (c->contract_sen > 0 && c->wage_sen > 0)
			return errbuf_set(eb, JR_EINVALID,
					  "JAKON: isi nilai kontrak atau upah, bukan keduanya");
		if (!c->contract_sen && !c->wage_sen)
			return errbuf_set(eb, JR_EINVALID, "JAKON: nilai kontrak atau upah wajib diisi");
	}
	switch (c->segment) {
	case SEG_PU:
		out->base_sen = c->wage_sen;
		break;
	case SEG_BPU:
		out->base_sen = c->income_sen;
		break;
	case SEG_JAKON:
		out->base_sen = c->contract_sen ? c->contract_sen : c->wage_sen;
		break;
	default:
		break;
	}

	jr_err rc = JR_EOK;
	if (c->segment == SEG_PMI) {
		rc = lines_pmi(&x, out);
	} else {
		for (unsigned prog = PROG_JKK; prog <= PROG_JKP && rc == JR_EOK; prog <<= 1) {
			if (!(c->programs & prog))
				continue;
			struct gview g;
			group_of(&x, prog, &g);
			struct iuran_line *l = &out->line[out->nlines++];
			line_init(l);
			if (c->segment == SEG_JAKON && c->contract_sen > 0)
				rc = line_contract(&x, prog, &g, l);
			else
				rc = line_simple(&x, prog, &g, l);
		}
	}
	if (rc != JR_EOK) {
		memset(out, 0, sizeof(*out));
		return rc;
	}
	for (int i = 0; i < out->nlines; i++) {
		out->employer_sen += out->line[i].employer_sen;
		out->worker_sen += out->line[i].worker_sen;
	}
	out->total_sen = out->employer_sen + out->worker_sen;
	return JR_EOK;
}
