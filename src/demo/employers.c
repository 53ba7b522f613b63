/*
 * employers.c - the demo's employers: companies by sector with names from
 * the sector's patterns, the government offices (OPD, kecamatan, puskesmas,
 * kelurahan, villages) and markets in the order the branch would have
 * reached them, religious units, and cooperatives; each with its NPP, NIB,
 * NPWP, KBLI, address, size, and the compliance profile (closed, partial
 * registration, wages under the UMK, too few programs) that workers.c
 * carries out on its workers.
 */
#include "compat.h"

#include "core/ids.h"
#include "demo/gen.h"

enum { BASE_EMPLOYERS = 4000 }; /* at scale 1 */

/* Shares in per mille, so no floating point decides anything. */
enum {
	CLOSED_PM = 30,   /* employers whose every worker has left */
	PARTIAL_PM = 250, /* employers registering only part of their workers */
};

/* A candidate employer of a fixed list (government offices, markets). */
struct demo_cand {
	char name[NAME_MAX_BYTES + 1];
	int32_t district, village; /* village -1: any in the district */
	const char *kbli;
	uint8_t risk, scale;
	const struct vocab_occset *occ;
};

/* "Pekalongan" for the city's districts (its schools are numbered city-wide). */
static const char *town_name(const struct demo_gen *g, int district)
{
	return g->districts[district].regency == VOCAB_REG_KOTA ? "Pekalongan"
								 : g->districts[district].name;
}

/* ---- names and addresses ---- */

struct name_ctx {
	int district, village, number;
};

static void expand(struct demo_gen *g, const char *fmt, const struct name_ctx *nc, char *out,
		   size_t size)
{
	struct demo_sb b;
	const char *last_word = NULL;
	demo_sb_init(&b, out, size);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%' || !p[1]) {
			char c[2] = {*p, 0};
			demo_sb_add(&b, c);
			continue;
		}
		p++;
		switch (*p) {
		case 'W': {
			const char *w;
			do
				w = DEMO_PICK(&g->rng, vocab_biz_words);
			while (w == last_word);
			last_word = w;
			demo_sb_add(&b, w);
			break;
		}
		case 'A':
			demo_sb_add(&b, DEMO_PICK(&g->rng, vocab_arabic_words));
			break;
		case 'M':
			demo_sb_add(&b, DEMO_PICK(&g->rng, vocab_male_first));
			break;
		case 'P':
			demo_sb_add(&b, DEMO_PICK(&g->rng, vocab_female_first));
			break;
		case 'T':
			demo_sb_add(&b, town_name(g, nc->district));
			break;
		case 'R':
			demo_sb_add(&b, g->regency_name[g->districts[nc->district].regency]);
			break;
		case 'V':
			if (nc->village >= 0)
				demo_sb_add(&b, g->villages[nc->village].name);
			break;
		case 'N':
			demo_sb_addf(&b, "%d", nc->number);
			break;
		default:
			demo_sb_add(&b, "%");
			break;
		}
	}
}

static bool is_kelurahan(const struct demo_village *v)
{
	/* Kemendagri numbers kelurahan 1xxx and desa 2xxx. */
	return v->code[9] == '1';
}

static void make_address(struct demo_gen *g, int village, char *out, size_t size)
{
	const struct demo_village *v = &g->villages[village];
	const struct demo_district *d = &g->districts[demo_find_district(g, v->code)];
	const char *kel = is_kelurahan(v) ? "Kel." : "Desa";
	struct demo_sb b;
	demo_sb_init(&b, out, size);
	int r = (int)demo_rng_below(&g->rng, 100);
	if (r < 45)
		demo_sb_addf(&b, "Jl. %s No. %d", DEMO_PICK(&g->rng, vocab_streets),
			     (int)demo_rng_range(&g->rng, 1, 250));
	else if (r < 75)
		demo_sb_addf(&b, "Jl. Raya %s No. %d", v->name,
			     (int)demo_rng_range(&g->rng, 1, 180));
	else
		demo_sb_addf(&b, "RT %03d/RW %03d", (int)demo_rng_range(&g->rng, 1, 12),
			     (int)demo_rng_range(&g->rng, 1, 8));
	demo_sb_addf(&b, ", %s %s, Kec. %s, %s", kel, v->name, d->name,
		     g->regency_name[d->regency]);
}

/* ---- employers ---- */

static void make_ids(struct demo_gen *g, struct employer *e, int nib_pm, bool npwp)
{
	demo_put_digits(e->npp, 10000000 + demo_perm_at(&g->npp_perm, g->npp_next++), 8);
	e->npp[8] = '\0';
	if (demo_rng_pm(&g->rng, nib_pm)) {
		memcpy(e->nib, "9120", 4);
		demo_put_digits(e->nib + 4, demo_perm_at(&g->nib_perm, g->nib_next++), 9);
		e->nib[13] = '\0';
	}
	if (npwp && g->npwp_next < g->npwp_perm.m) {
		/* 16-digit form "0" + 15: type 01 (entity), serial, Luhn digit of the
		 * first eight, KPP (illustrative 502), status 000. */
		char *d = e->npwp;
		memcpy(d, "001", 3);
		demo_put_digits(d + 3, demo_perm_at(&g->npwp_perm, g->npwp_next++), 6);
		d[9] = (char)('0' + luhn_digit(d + 1, 8));
		memcpy(d + 10, "502000", 7);
	}
}

static int32_t licensed_workers(struct demo_gen *g, int scale)
{
	static const int lo[] = {0, 1, 5, 20, 100}, hi[] = {0, 4, 19, 99, 500};
	struct demo_rng *r = &g->rng;
	if (scale < SCALE_MICRO || scale > SCALE_LARGE)
		return 1;
	/* Skewed towards the small end of each class. */
	uint64_t u = demo_rng_below(r, 1000);
	return (int32_t)(lo[scale] + (int64_t)(hi[scale] - lo[scale]) * (int64_t)(u * u) / 1000000);
}

static int pick_scale(struct demo_gen *g, const int pm[4])
{
	int x = (int)demo_rng_below(&g->rng, 1000);
	for (int i = 0; i < 4; i++) {
		if (x < pm[i])
			return SCALE_MICRO + i;
		x -= pm[i];
	}
	return SCALE_MICRO;
}

static const struct vocab_name_pat *pick_pat(struct demo_rng *r, const struct vocab_name_pat *pats,
					     size_t n)
{
	uint64_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += pats[i].weight;
	uint64_t x = demo_rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < pats[i].weight)
			return &pats[i];
		x -= pats[i].weight;
	}
	return &pats[n - 1];
}

static void cand_set(struct demo_cand *c, const char *name, int district, int village,
		     const char *kbli, int risk, int scale, const struct vocab_occset *occ)
{
	struct demo_sb b;
	demo_sb_init(&b, c->name, sizeof(c->name));
	demo_sb_add(&b, name);
	c->district = district;
	c->village = village;
	c->kbli = kbli;
	c->risk = (uint8_t)risk;
	c->scale = (uint8_t)scale;
	c->occ = occ;
}

static void shuffle_ints(struct demo_rng *r, int *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = demo_rng_below(r, i);
		int t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/*
 * The government offices in the order the branch would have reached them:
 * the whole city first (OPD, hospital, kecamatan, puskesmas, kelurahan),
 * then the neighbours' OPD, then their kecamatan and puskesmas, then villages.
 */
static jr_err build_gov_candidates(struct demo_gen *g)
{
	size_t cap = VOCAB_REG_COUNT * (vocab_nopds + 1) + 2 * g->ndistricts + g->nvillages;
	g->gov = calloc(cap, sizeof(*g->gov));
	int *order = malloc((g->nvillages + 1) * sizeof(*order));
	if (!g->gov || !order) {
		free(order);
		return demo_nomem(g);
	}
	size_t n = 0;
	char name[NAME_MAX_BYTES + 1];
	for (int reg = 0; reg < VOCAB_REG_COUNT; reg++) {
		int capital = demo_find_district(g, vocab_regencies[reg].capital);
		if (capital < 0 || g->districts[capital].nvillages == 0)
			capital = (int)g->reg_first[reg];
		for (size_t t = 0; t < vocab_nopds; t++) {
			struct name_ctx nc = {capital, -1, 0};
			expand(g, vocab_opds[t].fmt, &nc, name, sizeof(name));
			cand_set(&g->gov[n++], name, capital, -1, vocab_opds[t].kbli,
				 vocab_opds[t].risk, vocab_opds[t].scale, vocab_opds[t].occ);
		}
		int hv = demo_find_village(g, vocab_hospitals[reg].code);
		int hd = hv >= 0 ? demo_find_district(g, g->villages[hv].code)
				 : demo_find_district(g, vocab_hospitals[reg].code);
		if (hd < 0 || g->districts[hd].nvillages == 0)
			hd = capital;
		cand_set(&g->gov[n++], vocab_hospitals[reg].name, hd, hv, "86101", 2, SCALE_LARGE,
			 &vocab_occ_gov_health);
		if (reg != VOCAB_REG_KOTA)
			continue;
		for (size_t i = g->reg_first[reg]; i < g->reg_first[reg] + g->reg_n[reg]; i++) {
			if (!g->districts[i].nvillages)
				continue;
			snprintf(name, sizeof(name), "Kecamatan %s", g->districts[i].name);
			cand_set(&g->gov[n++], name, (int)i, -1, "84119", 1, SCALE_SMALL,
				 &vocab_occ_gov_office);
			snprintf(name, sizeof(name), "Puskesmas %s", g->districts[i].name);
			cand_set(&g->gov[n++], name, (int)i, -1, "86102", 2, SCALE_SMALL,
				 &vocab_occ_gov_health);
		}
		for (size_t i = g->reg_first[reg]; i < g->reg_first[reg] + g->reg_n[reg]; i++) {
			const struct demo_district *d = &g->districts[i];
			size_t end = d->first_village + d->nvillages;
			for (size_t v = d->first_village; v < end; v++) {
				snprintf(name, sizeof(name), "Kelurahan %s", g->villages[v].name);
				cand_set(&g->gov[n++], name, (int)i, (int)v, "84119", 1,
					 SCALE_MICRO, &vocab_occ_gov_kel);
			}
		}
	}
	for (size_t i = 0; i < g->ndistricts; i++) {
		if (g->districts[i].regency == VOCAB_REG_KOTA || !g->districts[i].nvillages)
			continue;
		snprintf(name, sizeof(name), "Kecamatan %s", g->districts[i].name);
		cand_set(&g->gov[n++], name, (int)i, -1, "84119", 1, SCALE_SMALL,
			 &vocab_occ_gov_office);
		snprintf(name, sizeof(name), "Puskesmas %s", g->districts[i].name);
		cand_set(&g->gov[n++], name, (int)i, -1, "86102", 2, SCALE_SMALL,
			 &vocab_occ_gov_health);
	}
	size_t nv = 0;
	for (size_t v = 0; v < g->nvillages; v++)
		if (demo_regency_of(g->villages[v].code) != VOCAB_REG_KOTA)
			order[nv++] = (int)v;
	shuffle_ints(&g->rng, order, nv);
	for (size_t k = 0; k < nv && n < cap; k++) {
		const struct demo_village *v = &g->villages[order[k]];
		bool kel = is_kelurahan(v);
		snprintf(name, sizeof(name), "%s %s", kel ? "Kelurahan" : "Pemerintah Desa",
			 v->name);
		cand_set(&g->gov[n++], name, demo_find_district(g, v->code), order[k], "84119", 1,
			 SCALE_MICRO, kel ? &vocab_occ_gov_kel : &vocab_occ_gov_desa);
	}
	free(order);
	g->ngov = n;
	return JR_EOK;
}

/* Named markets first, then village markets in a random order. */
static jr_err build_market_candidates(struct demo_gen *g)
{
	size_t cap = vocab_nmarkets + g->nvillages;
	g->markets = calloc(cap, sizeof(*g->markets));
	int *order = malloc((g->nvillages + 1) * sizeof(*order));
	if (!g->markets || !order) {
		free(order);
		return demo_nomem(g);
	}
	size_t n = 0;
	char name[NAME_MAX_BYTES + 1];
	for (size_t i = 0; i < vocab_nmarkets; i++) {
		int d = demo_find_district(g, vocab_markets[i].code);
		if (d < 0 || !g->districts[d].nvillages)
			continue;
		cand_set(&g->markets[n++], vocab_markets[i].name, d, -1, "68111", 2,
			 demo_rng_pm(&g->rng, 600) ? SCALE_SMALL : SCALE_MEDIUM, &vocab_occ_market);
	}
	for (size_t v = 0; v < g->nvillages; v++)
		order[v] = (int)v;
	shuffle_ints(&g->rng, order, g->nvillages);
	for (size_t k = 0; k < g->nvillages; k++) {
		const struct demo_village *v = &g->villages[order[k]];
		snprintf(name, sizeof(name), "Pasar %s", v->name);
		bool dup = false;
		for (size_t i = 0; i < vocab_nmarkets && !dup; i++)
			dup = strcmp(vocab_markets[i].name, name) == 0;
		if (dup)
			continue;
		cand_set(&g->markets[n++], name, demo_find_district(g, v->code), order[k], "68111",
			 2, demo_rng_pm(&g->rng, 800) ? SCALE_MICRO : SCALE_SMALL,
			 &vocab_occ_market);
	}
	free(order);
	g->nmarkets = n;
	return JR_EOK;
}

/* Fills g->e and *em for a religious unit (specials first, then templates). */
static void make_religious(struct demo_gen *g, size_t nth, struct demo_emp *em,
			   const char **kbli, int *risk)
{
	struct employer *e = &g->e;
	if (nth < vocab_nrel_specials) {
		struct demo_sb b;
		demo_sb_init(&b, e->name, sizeof(e->name));
		demo_sb_add(&b, vocab_rel_specials[nth].name);
		int v = demo_find_village(g, vocab_rel_specials[nth].village);
		em->district = demo_find_district(g, vocab_rel_specials[nth].village);
		if (em->district < 0 || !g->districts[em->district].nvillages) {
			em->district = demo_pick_district(g, VOCAB_PROF_EMP, VOCAB_HOT_NONE);
			v = -1;
		}
		em->village = v >= 0 ? v : demo_pick_village(g, em->district);
		em->scale = vocab_rel_specials[nth].scale;
		em->occ = vocab_rel_specials[nth].occ;
		*kbli = vocab_rel_specials[nth].kbli;
		*risk = vocab_rel_specials[nth].risk;
		return;
	}
	uint64_t total = 0;
	for (size_t i = 0; i < vocab_nrel_tpls; i++)
		total += vocab_rel_tpls[i].weight;
	for (int tries = 0;; tries++) {
		uint64_t x = demo_rng_below(&g->rng, total);
		size_t t = 0;
		while (x >= vocab_rel_tpls[t].weight) {
			x -= vocab_rel_tpls[t].weight;
			t++;
		}
		const struct vocab_rel_tpl *tp = &vocab_rel_tpls[t];
		int d = demo_pick_district(g, VOCAB_PROF_EMP, VOCAB_HOT_NONE);
		size_t town = g->districts[d].regency == VOCAB_REG_KOTA ? 0 : 1 + (size_t)d;
		int *used_p = &g->rel_count[t * (1 + g->ndistricts) + town];
		int used = *used_p;
		/* Unnumbered units exist once per town; numbered ones up to a cap. */
		if (tries < 50 && (tp->numbered ? used >= VOCAB_REL_NUMBER_CAP : used >= 1))
			continue;
		*used_p = used + 1;
		struct name_ctx nc = {d, -1, used + 1};
		expand(g, tp->fmt, &nc, e->name, sizeof(e->name));
		em->district = d;
		em->village = demo_pick_village(g, d);
		em->scale = (uint8_t)demo_rng_range(&g->rng, tp->scale_lo, tp->scale_hi);
		em->occ = tp->occ;
		*kbli = tp->kbli;
		*risk = tp->risk;
		return;
	}
}

static void from_cand(struct demo_gen *g, const struct demo_cand *c, struct demo_emp *em,
		      const char **kbli, int *risk)
{
	struct demo_sb b;
	demo_sb_init(&b, g->e.name, sizeof(g->e.name));
	demo_sb_add(&b, c->name);
	em->district = c->district;
	em->village = c->village >= 0 ? c->village : demo_pick_village(g, c->district);
	em->scale = c->scale;
	em->occ = c->occ;
	*kbli = c->kbli;
	*risk = c->risk;
}

static jr_err write_employer(struct demo_gen *g, size_t i, int sector, size_t *nrel)
{
	struct demo_rng *r = &g->rng;
	struct employer *e = &g->e;
	struct demo_emp *em = &g->emps[i];
	const struct vocab_sector *sc = &vocab_sectors[sector];
	const char *kbli = NULL;
	int risk = 1;

	memset(e, 0, sizeof(*e));
	memset(em, 0, sizeof(*em));
	em->sector = (uint8_t)sector;
	if (sector == VOCAB_SEC_GOV) {
		from_cand(g, &g->gov[g->gov_next++], em, &kbli, &risk);
	} else if (sector == VOCAB_SEC_MARKET) {
		from_cand(g, &g->markets[g->market_next++], em, &kbli, &risk);
	} else if (sector == VOCAB_SEC_RELIGIOUS) {
		make_religious(g, (*nrel)++, em, &kbli, &risk);
	} else {
		const struct vocab_name_pat *pat = pick_pat(r, sc->pats, sc->npats);
		em->district = demo_pick_district(g, VOCAB_PROF_EMP, pat->hot ? pat->hot : sc->hot);
		em->village = demo_pick_village(g, em->district);
		struct name_ctx nc = {em->district, em->village, 0};
		expand(g, pat->fmt, &nc, e->name, sizeof(e->name));
		em->scale = (uint8_t)pick_scale(g, sc->scale_pm);
		if (pat->max_scale && em->scale > pat->max_scale)
			em->scale = pat->max_scale;
		em->occ = pat->occ ? pat->occ : sc->occ;
		kbli = pat->kbli;
		risk = (int)demo_rng_range(r, pat->risk_lo, pat->risk_hi);
	}
	if (!refdata_kbli_known(g->ref, kbli))
		return errbuf_set(g->eb, JR_EINVALID, "demo: KBLI %s tidak ada di KBLI 2020", kbli);

	bool entity = strncmp(e->name, "PT ", 3) == 0 || strncmp(e->name, "CV ", 3) == 0;
	bool npwp = sc->kind == EKIND_COMPANY &&
		    (entity || em->scale >= SCALE_MEDIUM) && demo_rng_pm(r, 300);
	make_ids(g, e, sc->nib_pm, npwp);
	memcpy(e->kbli, kbli, KBLI_SIZE - 1);
	e->kbli[KBLI_SIZE - 1] = '\0';
	memcpy(e->region_code, g->villages[em->village].code, REGION_CODE_SIZE);
	make_address(g, em->village, e->address, sizeof(e->address));
	e->scale = (enum scale)em->scale;
	e->risk_group = risk;
	e->kind = sc->kind;

	/* Compliance profile: what later features should find. */
	em->n_lic = licensed_workers(g, em->scale);
	if (demo_rng_pm(r, CLOSED_PM))
		em->flags |= DEMO_EF_CLOSED;
	if (demo_rng_pm(r, PARTIAL_PM))
		em->flags |= DEMO_EF_PARTIAL;
	if (demo_rng_pm(r, sc->under_pm))
		em->flags |= DEMO_EF_UNDER_WAGE;
	if (em->scale >= SCALE_SMALL && demo_rng_pm(r, sc->fewer_pm))
		em->flags |= DEMO_EF_FEWER;
	if (em->scale == SCALE_MICRO && demo_rng_pm(r, 120))
		em->flags |= DEMO_EF_EXTRA_JHT;
	if (em->scale >= SCALE_MEDIUM && !(em->flags & DEMO_EF_FEWER) && demo_rng_pm(r, 600))
		em->flags |= DEMO_EF_JKP;

	enum store_upsert did;
	jr_err rc = store_employer_upsert(g->s, e, 0, &did, g->eb);
	if (rc != JR_EOK)
		return rc;
	if (did != STORE_INSERTED)
		return errbuf_set(g->eb, JR_ECONFLICT, "demo: NPP ganda %s", e->npp);
	em->id = e->id;
	g->by_kind[e->kind]++;
	return JR_EOK;
}

jr_err demo_build_employers(struct demo_gen *g)
{
	jr_err rc = build_gov_candidates(g);
	if (rc == JR_EOK)
		rc = build_market_candidates(g);
	if (rc != JR_EOK)
		return rc;

	size_t n = (size_t)BASE_EMPLOYERS * (size_t)g->scale;
	int *kinds = malloc(n * sizeof(*kinds));
	g->emps = calloc(n, sizeof(*g->emps));
	g->rel_count = calloc(vocab_nrel_tpls * (1 + g->ndistricts), sizeof(*g->rel_count));
	if (!kinds || !g->emps || !g->rel_count) {
		free(kinds);
		return demo_nomem(g);
	}
	g->nemps = n;

	/* Counts per sector; the fixed lists cap theirs, companies take the rest. */
	size_t count[VOCAB_SEC_COUNT] = {0}, fixed = 0, company_share = 0;
	count[VOCAB_SEC_GOV] = n * (size_t)vocab_sectors[VOCAB_SEC_GOV].share / 1000;
	if (count[VOCAB_SEC_GOV] > g->ngov)
		count[VOCAB_SEC_GOV] = g->ngov;
	count[VOCAB_SEC_MARKET] = n * (size_t)vocab_sectors[VOCAB_SEC_MARKET].share / 1000;
	if (count[VOCAB_SEC_MARKET] > g->nmarkets)
		count[VOCAB_SEC_MARKET] = g->nmarkets;
	count[VOCAB_SEC_RELIGIOUS] = n * (size_t)vocab_sectors[VOCAB_SEC_RELIGIOUS].share / 1000;
	count[VOCAB_SEC_COOP] = n * (size_t)vocab_sectors[VOCAB_SEC_COOP].share / 1000;
	fixed = count[VOCAB_SEC_GOV] + count[VOCAB_SEC_MARKET] + count[VOCAB_SEC_RELIGIOUS] +
		count[VOCAB_SEC_COOP];
	for (int s = 0; s < VOCAB_SEC_COUNT; s++)
		if (vocab_sectors[s].kind == EKIND_COMPANY)
			company_share += (size_t)vocab_sectors[s].share;
	size_t companies = n - fixed, given = 0;
	for (int s = 0; s < VOCAB_SEC_COUNT; s++) {
		if (vocab_sectors[s].kind != EKIND_COMPANY)
			continue;
		count[s] = companies * (size_t)vocab_sectors[s].share / company_share;
		given += count[s];
	}
	count[VOCAB_SEC_BATIK] += companies - given;
	if (count[VOCAB_SEC_CONSTRUCTION] == 0) { /* JAKON needs at least one firm */
		count[VOCAB_SEC_CONSTRUCTION] = 1;
		count[VOCAB_SEC_BATIK]--;
	}

	size_t k = 0;
	for (int s = 0; s < VOCAB_SEC_COUNT; s++)
		for (size_t j = 0; j < count[s]; j++)
			kinds[k++] = s;
	/* Mixed order, so NPP order says nothing about the sector. */
	shuffle_ints(&g->rng, kinds, n);

	/* Government and markets keep their list order (city first) along the shuffle. */
	size_t nrel = 0;
	for (size_t i = 0; i < n && rc == JR_EOK; i++)
		rc = write_employer(g, i, kinds[i], &nrel);
	free(kinds);
	return rc;
}
