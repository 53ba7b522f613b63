/*
 * coverage.c - coverage reports from the store's aggregates, workforce and
 * targets (see coverage.h; rules in docs/rules.md "Coverage").
 */
#include "compat.h"

#include "coverage/coverage.h"
#include "store/coverage.h"
#include "store/partners.h"

static const char *const by_names[COV_BY_COUNT][2] = {
	[COV_BY_REGION] = {"region", "wilayah"},
	[COV_BY_DISTRICT] = {"district", "kecamatan"},
	[COV_BY_SECTOR] = {"sector", "sektor"},
	[COV_BY_SEGMENT] = {"segment", "segmen"},
	[COV_BY_PARTNER] = {"partner", "mitra"},
	[COV_BY_EKIND] = {"employer-kind", "jenis"},
};

enum coverage_by coverage_by_parse(const char *s)
{
	size_t len = strlen(s);
	for (int b = 1; b < COV_BY_COUNT; b++)
		if (text_ieq(s, len, by_names[b][0]) || text_ieq(s, len, by_names[b][1]))
			return (enum coverage_by)b;
	if (text_ieq(s, len, "employer_kind"))
		return COV_BY_EKIND;
	if (text_ieq(s, len, "regency") || text_ieq(s, len, "kabupaten"))
		return COV_BY_REGION;
	return COV_BY_NONE;
}

const char *coverage_by_name(enum coverage_by by)
{
	return by > COV_BY_NONE && by < COV_BY_COUNT ? by_names[by][0] : "";
}

int64_t coverage_pct_x100(int64_t active, int64_t workforce)
{
	if (workforce <= 0)
		return -1;
	/* Half up to the hundredth of a percent, in integers. */
	return (active * 20000 + workforce) / (2 * workforce);
}

/* ---- workforce and targets of one year ---- */

struct figures {
	struct store_workforce *wf;
	size_t nwf, capwf;
	struct store_target *tg;
	size_t ntg, captg;
	int wf_year, tg_year;
	bool nomem;
	char (*regs)[6]; /* the regencies any figure names, found once */
	size_t nregs;
};

static jr_err keep_wf(void *ctx, const struct store_workforce *w)
{
	struct figures *f = ctx;
	if (f->nwf == f->capwf) {
		size_t cap = f->capwf ? f->capwf * 2 : 64;
		void *p = realloc(f->wf, cap * sizeof(*f->wf));
		if (!p) {
			f->nomem = true;
			return JR_ENOMEM;
		}
		f->wf = p;
		f->capwf = cap;
	}
	f->wf[f->nwf++] = *w;
	return JR_EOK;
}

static jr_err keep_tg(void *ctx, const struct store_target *t)
{
	struct figures *f = ctx;
	if (f->ntg == f->captg) {
		size_t cap = f->captg ? f->captg * 2 : 64;
		void *p = realloc(f->tg, cap * sizeof(*f->tg));
		if (!p) {
			f->nomem = true;
			return JR_ENOMEM;
		}
		f->tg = p;
		f->captg = cap;
	}
	f->tg[f->ntg++] = *t;
	return JR_EOK;
}

static void figures_free(struct figures *f)
{
	free(f->wf);
	free(f->tg);
	free(f->regs);
}

/* The regencies (5-character codes) any figure names, deduplicated. */
static size_t regencies(const struct figures *f, char (*out)[6], size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < f->nwf + f->ntg; i++) {
		const char *code = i < f->nwf ? f->wf[i].region_code : f->tg[i - f->nwf].region_code;
		if (strlen(code) < 5)
			continue;
		bool seen = false;
		for (size_t j = 0; j < n && !seen; j++)
			seen = !strncmp(out[j], code, 5);
		if (!seen && n < cap) {
			memcpy(out[n], code, 5);
			out[n++][5] = '\0';
		}
	}
	return n;
}

/* Loads every figure; workforce of the newest year <= year, targets of year. */
static jr_err figures_load(struct store *s, int year, struct figures *f, struct errbuf *eb)
{
	memset(f, 0, sizeof(*f));
	jr_err err = store_workforce_each(s, keep_wf, f, eb);
	if (err == JR_EOK)
		err = store_targets_each(s, keep_tg, f, eb);
	if (f->nomem)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk angkatan kerja");
	for (size_t i = 0; i < f->nwf; i++)
		if (f->wf[i].year <= year && f->wf[i].year > f->wf_year)
			f->wf_year = f->wf[i].year;
	f->tg_year = year;
	if (err == JR_EOK && f->nwf + f->ntg) {
		f->regs = calloc(f->nwf + f->ntg, sizeof(*f->regs));
		if (!f->regs)
			return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk angkatan kerja");
		f->nregs = regencies(f, f->regs, f->nwf + f->ntg);
	}
	return err;
}

static bool in_region(const char *code, const char *region)
{
	size_t n = strlen(region);
	return !strncmp(code, region, n) && code[n] == '.';
}

/*
 * The workers of a region for a sector ("ALL") and segment (SEG_NONE: all):
 * its own figure, else the sum of its districts' figures; -1 when neither.
 */
static int64_t wf_region(const struct figures *f, const char *region, const char *sector,
			 enum segment seg)
{
	int64_t sum = 0;
	bool any = false;
	for (size_t i = 0; i < f->nwf; i++) {
		const struct store_workforce *w = &f->wf[i];
		if (w->year != f->wf_year || w->segment != seg || strcmp(w->sector, sector))
			continue;
		if (!strcmp(w->region_code, region))
			return w->workers;
		if (strlen(w->region_code) == 8 && in_region(w->region_code, region)) {
			sum += w->workers;
			any = true;
		}
	}
	return any ? sum : -1;
}

static int64_t tg_region(const struct figures *f, const char *region, enum segment seg)
{
	int64_t sum = 0;
	bool any = false;
	for (size_t i = 0; i < f->ntg; i++) {
		const struct store_target *t = &f->tg[i];
		if (t->year != f->tg_year || t->segment != seg)
			continue;
		if (!strcmp(t->region_code, region))
			return t->target;
		if (strlen(t->region_code) == 8 && in_region(t->region_code, region)) {
			sum += t->target;
			any = true;
		}
	}
	return any ? sum : -1;
}

/* The sum over every regency; -1 when no regency has a figure. */
static int64_t wf_total(const struct figures *f, const char *sector, enum segment seg)
{
	int64_t sum = 0;
	bool any = false;
	for (size_t i = 0; i < f->nregs; i++) {
		int64_t v = wf_region(f, f->regs[i], sector, seg);
		if (v >= 0) {
			sum += v;
			any = true;
		}
	}
	return any ? sum : -1;
}

static int64_t tg_total(const struct figures *f, enum segment seg)
{
	int64_t sum = 0;
	bool any = false;
	for (size_t i = 0; i < f->nregs; i++) {
		int64_t v = tg_region(f, f->regs[i], seg);
		if (v >= 0) {
			sum += v;
			any = true;
		}
	}
	return any ? sum : -1;
}

/* ---- the report ---- */

struct pair {
	char key[COVERAGE_KEY_SIZE];
	char part[2][COVERAGE_PART_SIZE]; /* the key of each dimension */
	int64_t active;
	int64_t partner_id;
};

struct build {
	enum coverage_by by, by2;
	struct pair *pairs;
	size_t n, cap;
	int64_t total;
	bool nomem;
};

/* The dimension of the aggregates a report by `by` reads. */
static enum store_cov_dim dim_of(enum coverage_by by)
{
	switch (by) {
	case COV_BY_REGION:
	case COV_BY_DISTRICT: return COV_DIM_DISTRICT;
	case COV_BY_SECTOR: return COV_DIM_SECTOR;
	case COV_BY_PARTNER: return COV_DIM_PARTNER;
	default: return COV_DIM_EKIND; /* the smallest, for segment alone */
	}
}

/* The key of one dimension from the aggregate's key and segment. */
static void part_of(const char *dkey, enum segment seg, enum coverage_by by, struct pair *p,
		    int i)
{
	char *key = p->part[i];
	size_t size = sizeof(p->part[i]);
	key[0] = '\0';
	switch (by) {
	case COV_BY_REGION:
		if (strlen(dkey) >= 5)
			snprintf(key, size, "%.5s", dkey);
		break;
	case COV_BY_DISTRICT:
		if (strlen(dkey) == 8)
			snprintf(key, size, "%s", dkey);
		break;
	case COV_BY_SECTOR:
	case COV_BY_EKIND:
		snprintf(key, size, "%s", dkey);
		break;
	case COV_BY_SEGMENT:
		snprintf(key, size, "%s", segment_name(seg));
		break;
	case COV_BY_PARTNER:
		if (strcmp(dkey, "0")) {
			snprintf(key, size, "%s", dkey);
			if (i == 0)
				p->partner_id = strtoll(dkey, NULL, 10);
		}
		break;
	default:
		break;
	}
}

static bool pair_add(struct build *b, const struct pair *p)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 128;
		void *np = realloc(b->pairs, cap * sizeof(*b->pairs));
		if (!np) {
			b->nomem = true;
			return false;
		}
		b->pairs = np;
		b->cap = cap;
	}
	b->pairs[b->n++] = *p;
	return true;
}

static void on_active(void *ctx, const char *dkey, enum segment seg, int64_t active)
{
	struct build *b = ctx;
	if (b->nomem)
		return;
	struct pair p = {.active = active};
	part_of(dkey, seg, b->by, &p, 0);
	if (b->by2)
		part_of(dkey, seg, b->by2, &p, 1);
	if (b->by2)
		snprintf(p.key, sizeof(p.key), "%s/%s", p.part[0], p.part[1]);
	else
		memcpy(p.key, p.part[0], sizeof(p.part[0]));
	b->total += active;
	pair_add(b, &p);
}

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	/* Numbers (partner ids) in numeric order, unknown ("") last. */
	for (int i = 0; i < 2; i++) {
		if (!x->part[i][0] || !y->part[i][0]) {
			if (!x->part[i][0] != !y->part[i][0])
				return !x->part[i][0] - !y->part[i][0];
			continue;
		}
		if (i == 0 && (x->partner_id || y->partner_id) &&
		    x->partner_id != y->partner_id)
			return (x->partner_id > y->partner_id) - (x->partner_id < y->partner_id);
		int c = strcmp(x->part[i], y->part[i]);
		if (c)
			return c;
	}
	return 0;
}

struct labels {
	char letter[32];
	char title[32][COVERAGE_LABEL_SIZE];
	size_t n;
};

static void keep_section(void *ctx, const char *letter, const char *title)
{
	struct labels *l = ctx;
	if (l->n < 32 && letter && letter[0] && title) {
		l->letter[l->n] = letter[0];
		snprintf(l->title[l->n], sizeof(l->title[l->n]), "%s", title);
		l->n++;
	}
}

static const char *segment_label(enum segment s)
{
	switch (s) {
	case SEG_PU: return "Penerima Upah (PU)";
	case SEG_BPU: return "Bukan Penerima Upah (BPU)";
	case SEG_JAKON: return "Jasa Konstruksi (Jakon)";
	case SEG_PMI: return "Pekerja Migran Indonesia (PMI)";
	default: return "";
	}
}

static const char *ekind_label(const char *key)
{
	static const struct { const char *key, *label; } t[] = {
		{"company", "Perusahaan"},
		{"government_office", "Instansi pemerintah (OPD)"},
		{"religious_unit", "Amal usaha"},
		{"market", "Pasar"},
		{"cooperative", "Koperasi"},
		{"other", "Lainnya"},
		{"none", "Tanpa pemberi kerja (BPU, PMI)"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		if (!strcmp(t[i].key, key))
			return t[i].label;
	return key;
}

static jr_err label_part(struct store *s, const struct labels *sec,
			 enum coverage_by by, const char *key, char *label, size_t size,
			 struct errbuf *eb)
{
	const char *name = NULL;
	if (!key[0]) {
		static const char *const unknown[COV_BY_COUNT] = {
			[COV_BY_REGION] = "Wilayah tidak diketahui",
			[COV_BY_DISTRICT] = "Kecamatan tidak diketahui",
			[COV_BY_SECTOR] = "Tanpa sektor (BPU, PMI, tanpa KBLI)",
			[COV_BY_PARTNER] = "Tanpa mitra",
		};
		snprintf(label, size, "%s", unknown[by] ? unknown[by] : "-");
		return JR_EOK;
	}
	switch (by) {
	case COV_BY_REGION:
	case COV_BY_DISTRICT: {
		/* Names from the database: loading the embedded index costs more
		 * than the whole report. */
		bool found;
		jr_err err = store_region_name(s, key, label, size, &found, eb);
		if (err != JR_EOK)
			return err;
		if (!found)
			snprintf(label, size, "%s", key);
		return JR_EOK;
	}
	case COV_BY_SECTOR:
		for (size_t i = 0; i < sec->n && !name; i++)
			if (sec->letter[i] == key[0])
				name = sec->title[i];
		break;
	case COV_BY_SEGMENT:
		name = segment_label(segment_parse(key, strlen(key)));
		break;
	case COV_BY_PARTNER: {
		struct store_partner p;
		bool found;
		jr_err err = store_partner_get(s, strtoll(key, NULL, 10), &p, &found, eb);
		if (err != JR_EOK)
			return err;
		snprintf(label, size, "%s", found ? p.name : key);
		return JR_EOK;
	}
	case COV_BY_EKIND:
		name = ekind_label(key);
		break;
	default:
		break;
	}
	snprintf(label, size, "%s", name ? name : key);
	return JR_EOK;
}

static jr_err label_row(struct store *s, const struct labels *sec,
			enum coverage_by by, enum coverage_by by2, struct coverage_row *row,
			struct errbuf *eb)
{
	char a[COVERAGE_LABEL_SIZE], b[COVERAGE_LABEL_SIZE];
	jr_err err = label_part(s, sec, by, row->part[0], a, sizeof(a), eb);
	if (err == JR_EOK && by2)
		err = label_part(s, sec, by2, row->part[1], b, sizeof(b), eb);
	if (err != JR_EOK)
		return err;
	if (by2)
		snprintf(row->label, sizeof(row->label), "%.100s / %.100s", a, b);
	else
		memcpy(row->label, a, sizeof(row->label));
	return JR_EOK;
}

/* Targets of the partner's agreements in force on day. */
struct partner_target {
	int64_t partner_id;
	struct date day;
	int64_t sum;
	bool any;
};

static jr_err add_target(void *ctx, const struct store_agreement *a)
{
	struct partner_target *t = ctx;
	if (a->target >= 0 && date_cmp(a->valid_from, t->day) <= 0 &&
	    date_cmp(t->day, a->valid_to) <= 0) {
		t->sum += a->target;
		t->any = true;
	}
	return JR_EOK;
}

static jr_err row_figures(struct store *s, const struct figures *f, enum coverage_by by,
			  enum coverage_by by2, struct date as_of, struct coverage_row *row,
			  struct errbuf *eb)
{
	row->workforce = -1;
	row->target = -1;
	if (!row->part[0][0] || (by2 && !row->part[1][0]))
		return JR_EOK;
	if (by2) {
		/* Two dimensions: figures exist for a place or a sector by segment. */
		const char *k = row->part[0];
		if (by2 != COV_BY_SEGMENT)
			return JR_EOK;
		enum segment seg = segment_parse(row->part[1], strlen(row->part[1]));
		if (by == COV_BY_REGION || by == COV_BY_DISTRICT) {
			row->workforce = wf_region(f, k, "ALL", seg);
			row->target = tg_region(f, k, seg);
		} else if (by == COV_BY_SECTOR) {
			row->workforce = wf_total(f, k, seg);
		}
		return JR_EOK;
	}
	switch (by) {
	case COV_BY_REGION:
	case COV_BY_DISTRICT:
		row->workforce = wf_region(f, row->key, "ALL", SEG_NONE);
		row->target = tg_region(f, row->key, SEG_NONE);
		break;
	case COV_BY_SECTOR:
		row->workforce = wf_total(f, row->key, SEG_NONE);
		break;
	case COV_BY_SEGMENT: {
		enum segment seg = segment_parse(row->key, strlen(row->key));
		row->workforce = wf_total(f, "ALL", seg);
		row->target = tg_total(f, seg);
		break;
	}
	case COV_BY_PARTNER: {
		struct partner_target t = {.partner_id = strtoll(row->key, NULL, 10), .day = as_of};
		jr_err err = store_agreements_each(s, t.partner_id, add_target, &t, eb);
		if (err != JR_EOK)
			return err;
		row->target = t.any ? t.sum : -1;
		break;
	}
	default:
		break;
	}
	return JR_EOK;
}

/* Workforce-only keys: a district with workers but nobody covered is a row too. */
static void add_figure_keys(struct build *b, const struct figures *f)
{
	for (size_t i = 0; i < f->nwf && !b->by2; i++) {
		const struct store_workforce *w = &f->wf[i];
		size_t len = strlen(w->region_code);
		struct pair p = {0};
		if (w->year != f->wf_year)
			continue;
		if (b->by == COV_BY_REGION && len >= 5)
			snprintf(p.key, sizeof(p.key), "%.5s", w->region_code);
		else if (b->by == COV_BY_DISTRICT && len == 8)
			snprintf(p.key, sizeof(p.key), "%s", w->region_code);
		else if (b->by == COV_BY_SECTOR && strcmp(w->sector, "ALL"))
			snprintf(p.key, sizeof(p.key), "%s", w->sector);
		else
			continue;
		memcpy(p.part[0], p.key, sizeof(p.part[0]));
		pair_add(b, &p);
	}
}

jr_err coverage_report(struct store *s, enum coverage_by by,
		       enum coverage_by by2, struct date as_of, struct date today,
		       struct coverage_report *r, struct errbuf *eb)
{
	struct build b = {.by = by, .by2 = by2 == by ? COV_BY_NONE : by2};
	struct figures f = {0};
	struct labels sec = {0};
	jr_err err;

	memset(r, 0, sizeof(*r));
	if (b.by2 && b.by2 != COV_BY_SEGMENT)
		return errbuf_set(eb, JR_EUSAGE, "dimensi kedua hanya segment "
				  "(contoh: --by district,segment)");
	r->as_of = as_of;
	r->by = by;
	r->by2 = b.by2;
	if ((err = store_coverage_refresh(s, today, eb)) != JR_EOK)
		return err;
	err = store_coverage_active(s, dim_of(by), as_of, on_active, &b, eb);
	if (err == JR_EOK)
		err = figures_load(s, as_of.year, &f, eb);
	if (err == JR_EOK && (by == COV_BY_SECTOR || b.by2 == COV_BY_SECTOR))
		err = store_kbli_sections_each(s, keep_section, &sec, eb);
	if (err == JR_EOK)
		err = store_employers_known(s, &r->employers_registered, &r->employers_unregistered,
					    eb);
	if (err == JR_EOK)
		add_figure_keys(&b, &f);
	if (err == JR_EOK && b.nomem)
		err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk cakupan");
	if (err != JR_EOK)
		goto out;
	r->workforce_year = f.wf_year;
	qsort(b.pairs, b.n, sizeof(*b.pairs), cmp_pair);
	r->rows = calloc(b.n ? b.n : 1, sizeof(*r->rows));
	if (!r->rows) {
		err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk cakupan");
		goto out;
	}
	for (size_t i = 0; i < b.n; i++) {
		if (r->n && !strcmp(r->rows[r->n - 1].key, b.pairs[i].key)) {
			r->rows[r->n - 1].active += b.pairs[i].active;
			continue;
		}
		struct coverage_row *row = &r->rows[r->n++];
		snprintf(row->key, sizeof(row->key), "%s", b.pairs[i].key);
		memcpy(row->part, b.pairs[i].part, sizeof(row->part));
		row->active = b.pairs[i].active;
	}
	for (size_t i = 0; i < r->n && err == JR_EOK; i++) {
		err = label_row(s, &sec, by, b.by2, &r->rows[i], eb);
		if (err == JR_EOK)
			err = row_figures(s, &f, by, b.by2, as_of, &r->rows[i], eb);
	}
	snprintf(r->total.key, sizeof(r->total.key), "total");
	snprintf(r->total.label, sizeof(r->total.label), "Jumlah");
	r->total.active = b.total;
	r->total.workforce = wf_total(&f, "ALL", SEG_NONE);
	r->total.target = tg_total(&f, SEG_NONE);
out:
	if (err != JR_EOK)
		coverage_report_free(r);
	figures_free(&f);
	free(b.pairs);
	return err;
}

void coverage_report_free(struct coverage_report *r)
{
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
}

static json_t *count_or_null(int64_t v)
{
	return v < 0 ? json_null() : json_integer((json_int_t)v);
}

static json_t *pct_or_null(int64_t x100)
{
	return x100 < 0 ? json_null() : json_real((double)x100 / 100.0);
}

static json_t *row_json(const struct coverage_row *row, enum coverage_by by,
			enum coverage_by by2, bool total)
{
	json_t *key;
	if (total || by2)
		key = json_string(row->key);
	else if (!row->key[0])
		key = json_null();
	else if (by == COV_BY_PARTNER)
		key = json_integer((json_int_t)strtoll(row->key, NULL, 10));
	else
		key = json_string(row->key);
	return json_pack("{s:o, s:s, s:I, s:o, s:o, s:o, s:o}", "key", key, "label", row->label,
			 "active", (json_int_t)row->active, "workforce",
			 count_or_null(row->workforce), "coverage_pct",
			 pct_or_null(coverage_pct_x100(row->active, row->workforce)), "target",
			 count_or_null(row->target), "gap",
			 count_or_null(row->target < 0 ? -1
				       : row->target > row->active ? row->target - row->active : 0));
}

json_t *coverage_report_json(const struct coverage_report *r)
{
	char day[DATE_ISO_SIZE];
	date_format_iso(r->as_of, day);
	json_t *rows = json_array();
	if (!rows)
		return NULL;
	for (size_t i = 0; i < r->n; i++)
		if (json_array_append_new(rows, row_json(&r->rows[i], r->by, r->by2, false)) != 0) {
			json_decref(rows);
			return NULL;
		}
	int64_t known = r->employers_registered + r->employers_unregistered;
	char by[40];
	snprintf(by, sizeof(by), "%s%s%s", coverage_by_name(r->by), r->by2 ? "," : "",
		 coverage_by_name(r->by2));
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:{s:I, s:I, s:o}}", "as_of", day, "by",
			 by, "workforce_year",
			 r->workforce_year ? json_integer(r->workforce_year) : json_null(), "rows",
			 rows, "total", row_json(&r->total, r->by, r->by2, true), "employers", "registered",
			 (json_int_t)r->employers_registered, "known", (json_int_t)known,
			 "registered_pct",
			 pct_or_null(coverage_pct_x100(r->employers_registered, known)));
}

/* ---- month by month ---- */

static int month_next(int m)
{
	return m % 100 == 12 ? m + 89 : m + 1;
}

jr_err coverage_monthly(struct store *s, int from, int to, struct date today,
			struct coverage_month **out, size_t *n, struct errbuf *eb)
{
	*out = NULL;
	*n = 0;
	size_t count = 0;
	for (int m = from; m <= to && count <= 600; m = month_next(m))
		count++;
	if (!count || count > 600)
		return errbuf_set(eb, JR_EUSAGE, "rentang bulan harus 1 sampai 600 bulan");
	jr_err err = store_coverage_refresh(s, today, eb);
	if (err != JR_EOK)
		return err;
	/* One month before (for the first growth) through one after (for the last close). */
	int before = from % 100 == 1 ? from - 89 : from - 1;
	struct store_cov_month *raw = calloc(count + 2, sizeof(*raw));
	struct coverage_month *res = calloc(count, sizeof(*res));
	struct figures f = {0};
	if (!raw || !res) {
		err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk cakupan bulanan");
		goto out;
	}
	err = store_coverage_months(s, before, month_next(to), raw, eb);
	if (err == JR_EOK)
		err = figures_load(s, to / 100, &f, eb);
	if (err != JR_EOK)
		goto out;
	for (size_t i = 0; i < count; i++) {
		const struct store_cov_month *m = &raw[i + 1];
		struct coverage_month *c = &res[i];
		c->month = m->month;
		c->active = raw[i + 2].active_start;
		c->new_members = m->starts;
		c->lapsed = m->stops;
		c->growth = c->active - m->active_start;
		f.tg_year = m->month / 100;
		c->target = tg_total(&f, SEG_NONE);
	}
	*out = res;
	*n = count;
	res = NULL;
out:
	figures_free(&f);
	free(raw);
	free(res);
	return err;
}

/* Growth in hundredths of a percent of prev (> 0), half away from zero. */
static double growth_pct_x100(int64_t growth, int64_t prev)
{
	int64_t a = growth < 0 ? -growth : growth;
	int64_t x = (a * 20000 + prev) / (2 * prev);
	return (double)(growth < 0 ? -x : x);
}

json_t *coverage_monthly_json(const struct coverage_month *m, size_t n)
{
	json_t *months = json_array();
	if (!months)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char ym[16];
		snprintf(ym, sizeof(ym), "%04d-%02d", m[i].month / 100, m[i].month % 100);
		int64_t prev = m[i].active - m[i].growth;
		json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:I, s:o, s:o}", "month", ym, "active",
				      (json_int_t)m[i].active, "new", (json_int_t)m[i].new_members,
				      "lapsed", (json_int_t)m[i].lapsed, "growth",
				      (json_int_t)m[i].growth, "growth_pct",
				      prev > 0 ? json_real(growth_pct_x100(m[i].growth, prev) / 100.0)
					       : json_null(),
				      "target", count_or_null(m[i].target));
		if (!o || json_array_append_new(months, o) != 0) {
			json_decref(months);
			return NULL;
		}
	}
	return json_pack("{s:o}", "months", months);
}
