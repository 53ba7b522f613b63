/*
 * workers.c - who is insured where, and since when: the active wage earners
 * (PU) each employer registers and those who left, with wages around the
 * UMK and the programs the employer's size requires (or fewer); informal
 * workers (BPU), including the city-funded cohort of religious social
 * workers and lebe; construction workers (JAKON) moving from project to
 * project.  Persons and membership rows are written through people.c.
 */
#include "compat.h"

#include "core/money.h"
#include "demo/gen.h"

/* ---- counts at scale 1 (DESIGN.md: ~22,000 of ~65,000 workers covered) ---- */

enum {
	BASE_PU_ACTIVE = 13200,    /* ~60 % of the active */
	BASE_COHORT_ACTIVE = BASE_COHORT_TARGET, /* religious social workers and lebe, city-paid */
	BASE_COHORT_FORMER = 380,  /* in an earlier year's cohort, not this one */
	BASE_JAKON_ACTIVE = 2200,  /* ~10 % */
	JAKON_PAST_PM = 1600,      /* worker slots on finished projects, per mille of active */
};

/* Shares in per mille, so no floating point decides anything. */
enum {
	LEAVER_PM = 200,      /* ended memberships per active worker of an employer */
	JOB_CHANGE_PM = 120,  /* active PU workers with an earlier PU job */
	PKWT_PM = 50,         /* active PU workers on a fixed-term contract */
	COHORT_REJOIN_PM = 750,
};


/* JKP exists since February 2022 (PP 37/2021). */
static const struct date jkp_start = {2022, 2, 1};

#define RUPIAH(n) ((int64_t)(n) * SEN_PER_RUPIAH)

/* ---- small helpers ---- */

static const struct vocab_occ *pick_occ(struct demo_rng *r, const struct vocab_occset *set)
{
	uint64_t total = 0;
	for (size_t i = 0; i < set->n; i++)
		total += set->v[i].weight;
	uint64_t x = demo_rng_below(r, total);
	for (size_t i = 0; i < set->n; i++) {
		if (x < set->v[i].weight)
			return &set->v[i];
		x -= set->v[i].weight;
	}
	return &set->v[set->n - 1];
}

static int64_t round_down(int64_t x, int64_t unit)
{
	return x / unit * unit;
}

static int64_t round_up(int64_t x, int64_t unit)
{
	return (x + unit - 1) / unit * unit;
}

/*
 * A start day in lo..hi, a third of them in the last eighteen months: the
 * branch has been signing up more people lately, so the month-by-month
 * series grows and bends upwards.
 */
static int64_t start_day(struct demo_gen *g, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return hi;
	if (demo_rng_pm(&g->rng, 350))
		return demo_rng_range(&g->rng, demo_max64(lo, hi - 540), hi);
	return demo_rng_range(&g->rng, lo, hi);
}

/* A finished span [*s, *e] inside lo..hi of min_len..max_len days; false if none fits. */
static bool span_in(struct demo_gen *g, int64_t lo, int64_t hi, int64_t min_len, int64_t max_len,
		    int64_t *s, int64_t *e)
{
	if (hi - lo < min_len)
		return false;
	int64_t len = demo_rng_range(&g->rng, min_len, demo_min64(max_len, hi - lo));
	*e = demo_rng_range(&g->rng, lo + len, hi);
	*s = *e - len;
	return true;
}

/* ---- wage earners (PU) ---- */

/* The wage an employer reports for one worker in a year (sen). */
static int64_t pu_wage(struct demo_gen *g, const struct demo_emp *e, int year)
{
	struct demo_rng *r = &g->rng;
	const struct vocab_sector *sc = &vocab_sectors[e->sector];
	int64_t umk = demo_umk(g, g->districts[e->district].regency, year);
	int x = (int)demo_rng_below(r, 1000);
	if ((e->flags & DEMO_EF_UNDER_WAGE) && x < 800)
		return round_down(umk * demo_rng_range(r, 60, 95) / 100, RUPIAH(10000));
	x = (int)demo_rng_below(r, 1000);
	if (x < 60) /* one worker under-reported by an otherwise honest employer */
		return round_down(umk * demo_rng_range(r, 85, 98) / 100, RUPIAH(10000));
	if (x < 60 + sc->wage_up_pm) {
		if (demo_rng_pm(r, 150))
			return round_down(umk * demo_rng_range(r, 180, 400) / 100, RUPIAH(50000));
		return round_down(umk * demo_rng_range(r, 103, 180) / 100, RUPIAH(10000));
	}
	/* Most report exactly the UMK, some round it up. */
	if (demo_rng_pm(r, 620))
		return umk;
	return round_up(umk, demo_rng_pm(r, 700) ? RUPIAH(10000) : RUPIAH(50000));
}

static unsigned pu_programs(struct demo_gen *g, const struct demo_emp *e, int64_t last_day)
{
	unsigned req = programs_required_pu((enum scale)e->scale);
	unsigned p = req;
	if (e->flags & DEMO_EF_FEWER) {
		/* The usual gap: no JP for the larger ones, only JKK JKM for the rest. */
		if ((req & PROG_JP) && demo_rng_pm(&g->rng, 700))
			p = PROG_JKK | PROG_JKM | PROG_JHT;
		else
			p = PROG_JKK | PROG_JKM;
	}
	if (e->flags & DEMO_EF_EXTRA_JHT)
		p |= PROG_JHT;
	if ((e->flags & DEMO_EF_JKP) && p == (PROG_JKK | PROG_JKM | PROG_JHT | PROG_JP) &&
	    last_day >= date_to_days(jkp_start))
		p |= PROG_JKP;
	return p;
}

/* A PU membership at employer ei over [start, end] (end -1: open). */
static jr_err put_pu(struct demo_gen *g, int ei, int64_t nik, int64_t start, int64_t end,
		     const char *occupation)
{
	const struct demo_emp *e = &g->emps[ei];
	int64_t last = end >= 0 ? demo_min64(end, g->today_day) : g->today_day;
	struct demo_mspec ms = {
		.nik = nik,
		.emp = ei,
		.segment = SEG_PU,
		.wage_sen = pu_wage(g, e, date_from_days(last).year),
		.programs = pu_programs(g, e, last),
		.start = start,
		.end = end,
		.occupation = occupation,
		.region = g->villages[e->village].code,
	};
	return demo_put_membership(g, &ms);
}

/* Another employer for an earlier job, weighted by size; -1 if none differs. */
static int other_employer(struct demo_gen *g, int not)
{
	for (int tries = 0; tries < 8; tries++) {
		int j = (int)demo_pick_cum(&g->rng, g->emp_cum, g->nemps);
		if (j != not)
			return j;
	}
	return -1;
}

/* An ended PU job before `before` (exclusive), at another employer; maybe none. */
static jr_err past_pu_job(struct demo_gen *g, int not, int64_t nik, int64_t adult_day,
			  int64_t before)
{
	int j = other_employer(g, not);
	int64_t s, e;
	if (j < 0)
		return JR_EOK;
	int64_t hi = before - demo_rng_range(&g->rng, 1, 60);
	if (!span_in(g, demo_max64(g->lo_day, adult_day), hi, 90, 1460, &s, &e))
		return JR_EOK;
	const struct vocab_occ *oc = pick_occ(&g->rng, g->emps[j].occ);
	return put_pu(g, j, nik, s, e, oc->name);
}

/* Spreads the active PU target over the employers by size and coverage. */
static jr_err allocate_quotas(struct demo_gen *g)
{
	int64_t target = (int64_t)BASE_PU_ACTIVE * g->scale;
	int64_t *w = malloc(g->nemps * sizeof(*w));
	g->emp_cum = malloc(g->nemps * sizeof(*g->emp_cum));
	if (!w || !g->emp_cum) {
		free(w);
		return demo_nomem(g);
	}
	int64_t open = 0, wsum = 0, total = 0;
	for (size_t i = 0; i < g->nemps; i++) {
		struct demo_emp *e = &g->emps[i];
		int cov = 100;
		if (e->flags & DEMO_EF_PARTIAL)
			cov = (int)demo_rng_range(&g->rng, 30, 70);
		/* A construction firm's field workers are JAKON, not PU. */
		if (e->sector == VOCAB_SEC_CONSTRUCTION)
			cov /= 3;
		w[i] = e->flags & DEMO_EF_CLOSED ? 0 : (int64_t)e->n_lic * cov + 1;
		open += !(e->flags & DEMO_EF_CLOSED);
		wsum += w[i];
	}
	/* One worker each, the rest in proportion, the remainder by weighted draw. */
	int64_t rest = target > open ? target - open : 0;
	for (size_t i = 0; i < g->nemps; i++) {
		struct demo_emp *e = &g->emps[i];
		e->quota = (e->flags & DEMO_EF_CLOSED) ? 0 : (int32_t)(1 + rest * w[i] / wsum);
		total += e->quota;
		g->emp_cum[i] = (i ? g->emp_cum[i - 1] : 0) + w[i];
	}
	while (total < target) {
		g->emps[demo_pick_cum(&g->rng, g->emp_cum, g->nemps)].quota++;
		total++;
	}
	/* From here on: pick an employer for a past job by its size alone. */
	for (size_t i = 0; i < g->nemps; i++)
		g->emp_cum[i] = (i ? g->emp_cum[i - 1] : 0) + g->emps[i].n_lic;
	free(w);
	return JR_EOK;
}

static jr_err pu_worker(struct demo_gen *g, int ei, bool active)
{
	const struct demo_emp *e = &g->emps[ei];
	const struct vocab_occ *oc = pick_occ(&g->rng, e->occ);
	struct demo_person_spec ps = {
		.district = demo_home_district(g, e->district),
		.occ = oc,
		.phone_pm = 550,
	};
	struct demo_new_person np;
	jr_err rc = demo_new_person(g, &ps, &np);
	if (rc != JR_EOK)
		return rc;
	int64_t lo = demo_max64(g->lo_day, np.adult_day);
	if (!active) {
		int64_t s, en;
		if (!span_in(g, lo, g->today_day - 1, 60, 1460, &s, &en)) {
			/* Too young for a finished job: a short one that ended yesterday. */
			en = g->today_day - 1;
			s = demo_min64(en, demo_max64(lo, en - 30));
		}
		return put_pu(g, ei, np.nik, s, en, oc->name);
	}
	int64_t start = start_day(g, lo, g->today_day);
	if (demo_rng_pm(&g->rng, JOB_CHANGE_PM)) {
		rc = past_pu_job(g, ei, np.nik, np.adult_day, start);
		if (rc != JR_EOK)
			return rc;
	}
	int64_t end = -1;
	if (demo_rng_pm(&g->rng, PKWT_PM)) /* fixed-term contract still running */
		end = g->today_day + demo_rng_range(&g->rng, 30, 365);
	return put_pu(g, ei, np.nik, start, end, oc->name);
}

jr_err demo_build_pu(struct demo_gen *g)
{
	jr_err rc = allocate_quotas(g);
	for (size_t i = 0; i < g->nemps && rc == JR_EOK; i++) {
		const struct demo_emp *e = &g->emps[i];
		for (int32_t k = 0; k < e->quota && rc == JR_EOK; k++)
			rc = pu_worker(g, (int)i, true);
		int64_t leavers;
		if (e->flags & DEMO_EF_CLOSED)
			leavers = 1 + demo_rng_round(&g->rng, (int64_t)e->n_lic * 400, 1000);
		else
			leavers = demo_rng_round(&g->rng, (int64_t)e->quota * LEAVER_PM, 1000);
		for (int64_t k = 0; k < leavers && rc == JR_EOK; k++)
			rc = pu_worker(g, (int)i, false);
	}
	return rc;
}

/* ---- informal workers (BPU) ---- */

static unsigned bpu_programs(struct demo_gen *g, int jht_pm)
{
	return PROG_JKK | PROG_JKM | (demo_rng_pm(&g->rng, jht_pm) ? PROG_JHT : 0u);
}

static jr_err bpu_worker(struct demo_gen *g, const struct vocab_bpu_cat *c, bool active)
{
	const struct vocab_occ *oc = pick_occ(&g->rng, c->occ);
	struct demo_person_spec ps = {
		.district = demo_pick_district(g, c->profile, c->hot),
		.occ = oc,
		.phone_pm = c->phone_pm,
	};
	struct demo_new_person np;
	jr_err rc = demo_new_person(g, &ps, &np);
	if (rc != JR_EOK)
		return rc;
	struct demo_mspec ms = {
		.nik = np.nik,
		.emp = -1,
		.segment = SEG_BPU,
		.wage_sen = RUPIAH(100000) * demo_rng_range(&g->rng, c->inc_lo, c->inc_hi),
		.programs = bpu_programs(g, c->jht_pm),
		.end = -1,
		.occupation = oc->name,
		.region = g->villages[np.village].code,
	};
	int64_t lo = demo_max64(g->lo_day, np.adult_day);
	if (active) {
		ms.start = start_day(g, lo, g->today_day);
		/* Left a factory job for the road or the market. */
		if (demo_rng_pm(&g->rng, c->former_pu_pm)) {
			rc = past_pu_job(g, -1, np.nik, np.adult_day, ms.start);
			if (rc != JR_EOK)
				return rc;
		}
	} else if (!span_in(g, lo, g->today_day - 1, 90, 1095, &ms.start, &ms.end)) {
		/* Stopped paying: non-aktif after three months (domain.md). */
		ms.end = g->today_day - 1;
		ms.start = demo_min64(ms.end, demo_max64(lo, ms.end - 90));
	}
	return demo_put_membership(g, &ms);
}

/*
 * The city's cohort: religious social workers and lebe of Kota Pekalongan,
 * insured for a year at a time from the city budget at the lowest income
 * band (JKK Rp10,000 + JKM Rp6,800 a month).  Most are re-enrolled each year.
 */
void demo_cohort_years(const struct demo_gen *g, int *first, int *cur)
{
	*cur = g->today.month >= DEMO_COHORT_MONTH ? g->today.year : g->today.year - 1;
	*first = *cur - 2;
	if (*first < DEMO_COHORT_FIRST_YEAR)
		*first = *cur < DEMO_COHORT_FIRST_YEAR ? *cur : DEMO_COHORT_FIRST_YEAR;
}

static jr_err build_cohort(struct demo_gen *g)
{
	int cur, first;
	demo_cohort_years(g, &first, &cur);
	int64_t active = (int64_t)BASE_COHORT_ACTIVE * g->scale;
	int64_t former = first < cur ? (int64_t)BASE_COHORT_FORMER * g->scale : 0;
	for (int64_t i = 0; i < active + former; i++) {
		const struct vocab_occ *oc = pick_occ(&g->rng, &vocab_occ_religious);
		struct demo_person_spec ps = {
			.district = demo_pick_district(g, VOCAB_PROF_KOTA, VOCAB_HOT_NONE),
			.occ = oc,
			.age_lo = oc->age_lo > 25 ? oc->age_lo : 25,
			.phone_pm = 450,
		};
		struct demo_new_person np;
		jr_err rc = demo_new_person(g, &ps, &np);
		if (rc != JR_EOK)
			return rc;
		bool in_cur = i < active;
		int last = in_cur ? cur : (int)demo_rng_range(&g->rng, first, cur - 1);
		bool any = false;
		for (int y = first; y <= last; y++) {
			bool member = y == last || demo_rng_pm(&g->rng, COHORT_REJOIN_PM);
			int64_t s = date_to_days((struct date){y, DEMO_COHORT_MONTH, 1});
			if (!member || s < g->lo_day || s < np.adult_day)
				continue;
			any = true;
			struct demo_mspec ms = {
				.nik = np.nik,
				.emp = -1,
				.segment = SEG_BPU,
				.wage_sen = RUPIAH(1000000),
				.programs = PROG_JKK | PROG_JKM,
				.start = s,
				.end = date_to_days(date_add_months(date_from_days(s), 12)) - 1,
				.occupation = oc->name,
				.region = g->villages[np.village].code,
				.cohort_id = g->cohort_id[y - g->cohort_first_year],
			};
			rc = demo_put_membership(g, &ms);
			if (rc != JR_EOK)
				return rc;
		}
		if (!any)
			return errbuf_set(g->eb, JR_EINVALID, "demo: kohort tanpa kepesertaan");
	}
	return JR_EOK;
}

jr_err demo_build_bpu(struct demo_gen *g)
{
	jr_err rc = build_cohort(g);
	for (size_t c = 0; c < vocab_nbpu_cats && rc == JR_EOK; c++) {
		int64_t n = (int64_t)vocab_bpu_cats[c].base * g->scale;
		int64_t ended = n * vocab_bpu_cats[c].ended_pm / 1000;
		for (int64_t i = 0; i < n && rc == JR_EOK; i++)
			rc = bpu_worker(g, &vocab_bpu_cats[c], true);
		for (int64_t i = 0; i < ended && rc == JR_EOK; i++)
			rc = bpu_worker(g, &vocab_bpu_cats[c], false);
	}
	return rc;
}

/* ---- construction (JAKON) ---- */

/* A construction worker between projects. */
struct builder {
	int64_t nik;
	int64_t free_from; /* first day not on a project */
	int64_t adult_day; /* 18th birthday */
};

struct builders {
	struct builder *v;
	size_t n, cap;
};

struct project {
	int32_t firm; /* index into emps */
	int32_t district, village;
	int32_t workers;
	int64_t start, end;
	uint32_t seq; /* tie-break for a total order */
};

static int cmp_project(const void *a, const void *b)
{
	const struct project *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void new_project(struct demo_gen *g, struct project *p, bool running, uint32_t seq)
{
	struct demo_rng *r = &g->rng;
	p->firm = (int32_t)g->firms[demo_pick_cum(r, g->firm_cum, g->nfirms)];
	const struct demo_emp *f = &g->emps[p->firm];
	p->district = demo_rng_pm(r, 600) ? f->district : demo_home_district(g, f->district);
	p->village = demo_pick_village(g, p->district);
	uint64_t u = demo_rng_below(r, 1000);
	p->workers = (int32_t)(5 + (int64_t)(55 * u * u / 1000000));
	int64_t len = 30 * demo_rng_range(r, 3, 12);
	if (running) {
		p->start = demo_max64(g->lo_day, g->today_day - demo_rng_range(r, 0, len - 1));
		p->end = p->start + len - 1;
		if (p->end < g->today_day)
			p->end = g->today_day + demo_rng_range(r, 0, 60);
	} else {
		/* More registered projects lately: the end skews towards today. */
		int64_t lo = g->lo_day + len;
		int64_t hi = g->today_day - 1;
		if (hi < lo)
			lo = hi;
		p->end = start_day(g, lo, hi);
		p->start = demo_max64(g->lo_day, p->end - len + 1);
	}
	p->seq = seq;
}

/* Running projects exactly fill the active target; finished ones about theirs. */
static jr_err plan_projects(struct demo_gen *g, struct project **out, size_t *nout)
{
	int64_t active_target = (int64_t)BASE_JAKON_ACTIVE * g->scale;
	int64_t targets[2] = {active_target, active_target * JAKON_PAST_PM / 1000};
	struct project *proj = NULL;
	size_t n = 0, cap = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (int64_t have = 0; have < targets[pass];) {
			if (n == cap) {
				cap = cap ? 2 * cap : 256;
				void *q = realloc(proj, cap * sizeof(*proj));
				if (!q) {
					free(proj);
					return demo_nomem(g);
				}
				proj = q;
			}
			struct project *p = &proj[n];
			new_project(g, p, pass == 0, (uint32_t)n);
			n++;
			if (p->workers > targets[pass] - have)
				p->workers = (int32_t)(targets[pass] - have);
			have += p->workers;
		}
	}
	qsort(proj, n, sizeof(*proj), cmp_project);
	*out = proj;
	*nout = n;
	return JR_EOK;
}

/*
 * A builder free by `start` when one turns up in a few draws (workers move
 * from project to project), else a newcomer.  Projects are taken in start
 * order, so nobody is on two projects at once.
 */
static jr_err find_builder(struct demo_gen *g, struct builders *bs, const struct project *p,
			   const struct vocab_occ *oc, int64_t start, struct builder **out)
{
	struct demo_rng *r = &g->rng;
	if (bs->n && demo_rng_pm(r, 550)) {
		for (int tries = 0; tries < 6; tries++) {
			struct builder *c = &bs->v[demo_rng_below(r, bs->n)];
			if (c->free_from <= start && c->adult_day <= start) {
				*out = c;
				return JR_EOK;
			}
		}
	}
	if (bs->n == bs->cap) {
		size_t cap = bs->cap ? 2 * bs->cap : 1024;
		void *q = realloc(bs->v, cap * sizeof(*bs->v));
		if (!q)
			return demo_nomem(g);
		bs->v = q;
		bs->cap = cap;
	}
	/* Old enough to have been 18 when this project started. */
	int min_age = 18 + (int)((g->today_day - start) / 365) + 1;
	struct demo_person_spec ps = {
		.district = demo_home_district(g, p->district),
		.occ = oc,
		.age_lo = min_age > 20 ? min_age : 20,
		.age_hi = min_age + 5 > 55 ? min_age + 5 : 55,
		.adult_by = start,
		.phone_pm = 450,
	};
	struct demo_new_person np;
	jr_err rc = demo_new_person(g, &ps, &np);
	if (rc != JR_EOK)
		return rc;
	struct builder *b = &bs->v[bs->n++];
	b->nik = np.nik;
	b->adult_day = np.adult_day;
	*out = b;
	return JR_EOK;
}

jr_err demo_build_jakon(struct demo_gen *g)
{
	struct demo_rng *r = &g->rng;
	struct project *proj = NULL;
	struct builders bs = {NULL, 0, 0};
	size_t nproj = 0;

	g->firms = malloc(g->nemps * sizeof(*g->firms));
	g->firm_cum = malloc(g->nemps * sizeof(*g->firm_cum));
	if (!g->firms || !g->firm_cum)
		return demo_nomem(g);
	for (size_t i = 0; i < g->nemps; i++) {
		if (g->emps[i].sector != VOCAB_SEC_CONSTRUCTION ||
		    (g->emps[i].flags & DEMO_EF_CLOSED))
			continue;
		g->firm_cum[g->nfirms] = (g->nfirms ? g->firm_cum[g->nfirms - 1] : 0) +
					 g->emps[i].n_lic + 2;
		g->firms[g->nfirms++] = i;
	}
	if (g->nfirms == 0)
		return JR_EOK;
	jr_err rc = plan_projects(g, &proj, &nproj);
	for (size_t k = 0; k < nproj && rc == JR_EOK; k++) {
		const struct project *p = &proj[k];
		for (int32_t w = 0; w < p->workers && rc == JR_EOK; w++) {
			const struct vocab_occ *oc = pick_occ(r, &vocab_occ_jakon);
			int64_t start = demo_min64(p->start + demo_rng_range(r, 0, 14),
						   demo_min64(p->end, g->today_day));
			struct builder *b = NULL;
			rc = find_builder(g, &bs, p, oc, start, &b);
			if (rc != JR_EOK)
				break;
			b->free_from = p->end + 1;
			/* Contributions follow the contract value; a wage only when known. */
			int64_t wage = 0;
			if (demo_rng_pm(r, 400))
				/* A daily wage x 25. */
				wage = RUPIAH(5000) * demo_rng_range(r, 16, 30) * 25;
			struct demo_mspec ms = {
				.nik = b->nik,
				.emp = p->firm,
				.segment = SEG_JAKON,
				.wage_sen = wage,
				.programs = PROG_JKK | PROG_JKM,
				.start = start,
				.end = p->end,
				.occupation = oc->name,
				.region = g->villages[p->village].code,
			};
			rc = demo_put_membership(g, &ms);
		}
	}
	free(proj);
	free(bs.v);
	return rc;
}

