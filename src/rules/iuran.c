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
#include "rules/rates_int.h"

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
