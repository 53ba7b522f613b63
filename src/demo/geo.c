/*
 * geo.c - where the demo's people work and live: the districts and villages
 * of the four regencies of the Pekalongan branch (from the region index),
 * how employers and workers spread over them, and each regency's UMK (from
 * the UMK data the program carries, data/umk_jawa_tengah_2019_2025.csv).
 */
#include "compat.h"

#include "demo/gen.h"

/* A district in a set of vocab_hot_sets weighs this many times its size. */
#define HOT_BOOST 6

/*
 * The range of years refdata can hold a UMK for (refdata.c rejects others),
 * which bounds the search for the nearest year with a figure.
 */
#define UMK_YEAR_MIN 2000
#define UMK_YEAR_MAX 2100

/* ---- the regions ---- */

int demo_regency_of(const char *code)
{
	for (int r = 0; r < VOCAB_REG_COUNT; r++)
		if (strncmp(code, vocab_regencies[r].code, 5) == 0 && code[5] == '.')
			return r;
	return -1;
}

static jr_err collect_region(void *ctx, const char *code, enum region_level level,
			     const char *name)
{
	struct demo_gen *g = ctx;
	if (level != REGION_DISTRICT && level != REGION_VILLAGE)
		return JR_EOK;
	int reg = demo_regency_of(code);
	if (reg < 0)
		return JR_EOK;
	size_t len = strlen(code);
	if (len >= REGION_CODE_SIZE)
		return JR_EOK;
	if (level == REGION_DISTRICT) {
		if (g->ndistricts == g->cap_districts) {
			size_t cap = g->cap_districts ? 2 * g->cap_districts : 64;
			void *p = realloc(g->districts, cap * sizeof(*g->districts));
			if (!p)
				return JR_ENOMEM;
			g->districts = p;
			g->cap_districts = cap;
		}
		struct demo_district *d = &g->districts[g->ndistricts++];
		memset(d, 0, sizeof(*d));
		memcpy(d->code, code, len + 1);
		d->name = name;
		d->regency = reg;
		d->nik_prefix = (int64_t)(code[0] - '0') * 100000 + (code[1] - '0') * 10000 +
				(code[3] - '0') * 1000 + (code[4] - '0') * 100 +
				(code[6] - '0') * 10 + (code[7] - '0');
		d->urban = VOCAB_URBAN_DEFAULT;
		for (size_t i = 0; i < vocab_nurban_weights; i++)
			if (strcmp(vocab_urban_weights[i].code, code) == 0)
				d->urban = vocab_urban_weights[i].weight;
	} else {
		if (g->nvillages == g->cap_villages) {
			size_t cap = g->cap_villages ? 2 * g->cap_villages : 1024;
			void *p = realloc(g->villages, cap * sizeof(*g->villages));
			if (!p)
				return JR_ENOMEM;
			g->villages = p;
			g->cap_villages = cap;
		}
		struct demo_village *v = &g->villages[g->nvillages++];
		memcpy(v->code, code, len + 1);
		v->name = name;
	}
	return JR_EOK;
}

static int cmp_district(const void *a, const void *b)
{
	const struct demo_district *x = a, *y = b;
	return strcmp(x->code, y->code);
}

static int cmp_village(const void *a, const void *b)
{
	const struct demo_village *x = a, *y = b;
	return strcmp(x->code, y->code);
}

int demo_find_district(const struct demo_gen *g, const char *code)
{
	for (size_t i = 0; i < g->ndistricts; i++)
		if (strncmp(g->districts[i].code, code, 8) == 0)
			return (int)i;
	return -1;
}

int demo_find_village(const struct demo_gen *g, const char *code)
{
	for (size_t i = 0; i < g->nvillages; i++)
		if (strcmp(g->villages[i].code, code) == 0)
			return (int)i;
	return -1;
}

static bool is_hot(int hot, const char *code)
{
	for (const char *const *h = vocab_hot_sets[hot]; *h; h++)
		if (strcmp(*h, code) == 0)
			return true;
	return false;
}

/* ---- UMK ---- */

/*
 * The UMK of a regency for a year: that year's figure; when the data has
 * none, the nearest earlier year's (a decree holds until the next one: the
 * years after the data, and any gap in it); before the first year in the
 * data, the first year's.  False when the regency has no UMK at all.
 */
static bool umk_lookup(const struct refdata *ref, const char *regency, int year, int64_t *sen)
{
	for (int y = year; y >= UMK_YEAR_MIN; y--)
		if (refdata_umk(ref, regency, y, sen))
			return true;
	for (int y = year + 1; y <= UMK_YEAR_MAX; y++)
		if (refdata_umk(ref, regency, y, sen))
			return true;
	return false;
}

/* Looks up every regency's UMK for every year from lo_day to today once. */
static jr_err load_umk(struct demo_gen *g)
{
	g->umk_first_year = date_from_days(g->lo_day).year;
	g->umk_nyears = g->today.year - g->umk_first_year + 1;
	if (g->umk_nyears < 1 || g->umk_nyears > DEMO_UMK_YEARS)
		return errbuf_set(g->eb, JR_EINVALID, "demo: rentang tahun UMK %d..%d tidak sah",
				  g->umk_first_year, g->today.year);
	for (int r = 0; r < VOCAB_REG_COUNT; r++) {
		for (int i = 0; i < g->umk_nyears; i++) {
			int year = g->umk_first_year + i;
			if (!umk_lookup(g->ref, vocab_regencies[r].code, year, &g->umk[r][i]))
				return errbuf_set(g->eb, JR_ENOTFOUND,
						  "demo: UMK %s tidak ada di data referensi",
						  vocab_regencies[r].code);
		}
	}
	return JR_EOK;
}

int64_t demo_umk(const struct demo_gen *g, int regency, int year)
{
	int i = year - g->umk_first_year;
	if (i < 0)
		i = 0;
	if (i >= g->umk_nyears)
		i = g->umk_nyears - 1;
	return g->umk[regency][i];
}

/* ---- loading and picking places ---- */

jr_err demo_load_geography(struct demo_gen *g)
{
	const struct region_index *ix = g->ref->regions;
	for (int r = 0; r < VOCAB_REG_COUNT; r++) {
		g->regency_name[r] = region_index_name(ix, vocab_regencies[r].code);
		if (!g->regency_name[r])
			return errbuf_set(g->eb, JR_ENOTFOUND,
					  "demo: wilayah %s tidak ada di data referensi",
					  vocab_regencies[r].code);
	}
	jr_err rc = region_index_each(ix, collect_region, g);
	if (rc == JR_ENOMEM)
		return demo_nomem(g);
	if (rc != JR_EOK)
		return errbuf_set(g->eb, rc, "demo: membaca wilayah gagal");
	/* Code order makes each district's villages contiguous, whatever the index gives. */
	qsort(g->districts, g->ndistricts, sizeof(*g->districts), cmp_district);
	qsort(g->villages, g->nvillages, sizeof(*g->villages), cmp_village);
	size_t v = 0;
	for (size_t i = 0; i < g->ndistricts; i++) {
		struct demo_district *d = &g->districts[i];
		while (v < g->nvillages && strncmp(g->villages[v].code, d->code, 8) < 0)
			v++;
		d->first_village = v;
		while (v < g->nvillages && strncmp(g->villages[v].code, d->code, 8) == 0 &&
		       g->villages[v].code[8] == '.')
			v++;
		d->nvillages = v - d->first_village;
	}
	for (size_t i = 0; i < g->ndistricts; i++) {
		int r = g->districts[i].regency;
		if (g->reg_n[r] == 0)
			g->reg_first[r] = i;
		g->reg_n[r]++;
	}
	for (int r = 0; r < VOCAB_REG_COUNT; r++) {
		size_t with_villages = 0;
		for (size_t i = g->reg_first[r]; i < g->reg_first[r] + g->reg_n[r]; i++)
			with_villages += g->districts[i].nvillages > 0;
		if (with_villages == 0)
			return errbuf_set(g->eb, JR_ENOTFOUND,
					  "demo: kecamatan/desa %s tidak ada di data referensi",
					  vocab_regencies[r].code);
	}
	/* Weight tables: regency share x district size x concentration. */
	for (int p = 0; p < VOCAB_PROF_COUNT; p++) {
		for (int h = 0; h < VOCAB_HOT_COUNT; h++) {
			int64_t *cum = malloc(g->ndistricts * sizeof(*cum));
			if (!cum)
				return demo_nomem(g);
			g->cum[p][h] = cum;
			int64_t total = 0;
			for (size_t i = 0; i < g->ndistricts; i++) {
				const struct demo_district *d = &g->districts[i];
				int64_t usum = 0;
				for (size_t j = g->reg_first[d->regency];
				     j < g->reg_first[d->regency] + g->reg_n[d->regency]; j++)
					if (g->districts[j].nvillages)
						usum += g->districts[j].urban;
				int64_t w = 0;
				if (d->nvillages && usum)
					w = (int64_t)vocab_profile_weights[p][d->regency] *
					    d->urban * 100000 / usum;
				if (is_hot(h, d->code))
					w *= HOT_BOOST;
				total += w;
				cum[i] = total;
			}
		}
	}
	return load_umk(g);
}

int demo_pick_district(struct demo_gen *g, int profile, int hot)
{
	return (int)demo_pick_cum(&g->rng, g->cum[profile][hot], g->ndistricts);
}

int demo_pick_village(struct demo_gen *g, int district)
{
	const struct demo_district *d = &g->districts[district];
	return (int)(d->first_village + demo_rng_below(&g->rng, d->nvillages));
}

int demo_home_district(struct demo_gen *g, int work_district)
{
	int r = (int)demo_rng_below(&g->rng, 100);
	if (r < 70)
		return work_district;
	if (r < 95) {
		int reg = g->districts[work_district].regency;
		for (int tries = 0; tries < 8; tries++) {
			size_t i = g->reg_first[reg] + demo_rng_below(&g->rng, g->reg_n[reg]);
			if (g->districts[i].nvillages)
				return (int)i;
		}
		return work_district;
	}
	return demo_pick_district(g, VOCAB_PROF_EMP, VOCAB_HOT_NONE);
}

