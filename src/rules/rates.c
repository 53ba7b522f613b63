/*
 * rates.c - the rate table: rows from data/rates/ added one by one, their
 * conditions parsed, every row checked, and the table sorted and checked for
 * overlaps once (see iuran.h).  No I/O.
 */
#include "compat.h"

#include "core/money.h"
#include "rules/rates_int.h"

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


/*
 * Writes a rate of x parts per 10^12 (ppm × keep-ppm) as a percentage with
 * a dot and two to six decimals: 2.4e9 -> "0.24%", 5.7e10 -> "5.70%",
 * 2.4e7 -> "0.0024%" (PP 49/2020: 1% of 0.24%).
 */
void format_percent(int64_t x, char buf[static 16])
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
bool cond_holds(const struct cond *cd, const struct iuran_case *c)
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

jr_err conflict(const struct rate_entry *x, const struct rate_entry *y, const char *what,
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
