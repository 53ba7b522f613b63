/*
 * partners.c - the demo's partners and agreements, as the news reports
 * describe them around the Pekalongan branch: the city with its licensing
 * office (MoU of 27 November 2019) and its welfare section (a yearly PKS for
 * the religious social workers and lebe), the 2019 growth coordination with
 * the city, the NU and notaries' MoUs and the later Muhammadiyah one, and the
 * Kudus branch's MoU with the Jepara trade and industry office.  The units of
 * the religious boards and the city's offices are tied to their partner with
 * the number of workers they report.  Workforce and targets make coverage
 * tell the city's story.
 *
 * Dates the reports do not give (the NU, notaries, Muhammadiyah and Jepara
 * signings, the cohort year starting 1 September) are the demo's own and are
 * listed in docs/rules.md "Demo data".  Draws no random numbers.
 */
#include "compat.h"

#include "demo/gen.h"
#include "store/coverage.h"
#include "store/partners.h"

static jr_err add_partner(struct demo_gen *g, const char *name, const char *kind,
			  const char *region, int64_t parent, int64_t *id)
{
	struct store_partner p = {.parent_id = parent};
	snprintf(p.name, sizeof(p.name), "%s", name);
	snprintf(p.kind, sizeof(p.kind), "%s", kind);
	snprintf(p.region_code, sizeof(p.region_code), "%s", region);
	jr_err rc = store_partner_add(g->s, &p, g->eb);
	*id = p.id;
	return rc;
}

struct agreement_spec {
	const char *number, *title;
	struct date signed_on, from, to;
	int64_t target; /* per scale; -1 none */
	const char *pays, *role, *funding, *segments;
};

static jr_err add_agreement(struct demo_gen *g, int64_t partner, const struct agreement_spec *a,
			    int64_t *id)
{
	struct store_agreement s = {
		.partner_id = partner, .signed_on = a->signed_on, .valid_from = a->from,
		.valid_to = a->to, .target = a->target < 0 ? -1 : a->target * g->scale,
	};
	snprintf(s.number, sizeof(s.number), "%s", a->number);
	snprintf(s.title, sizeof(s.title), "%s", a->title);
	snprintf(s.pays, sizeof(s.pays), "%s", a->pays);
	snprintf(s.role, sizeof(s.role), "%s", a->role);
	snprintf(s.funding, sizeof(s.funding), "%s", a->funding);
	snprintf(s.segments, sizeof(s.segments), "%s", a->segments);
	enum store_upsert did;
	jr_err rc = store_agreement_upsert(g->s, &s, 0, &did, g->eb);
	*id = s.id;
	return rc;
}

/* Which partner an employer belongs to, by its kind, region and name. */
struct units {
	struct demo_gen *g;
	int64_t city, muhammadiyah, nu;
	int64_t *ids, *partner, *reported;
	size_t n, cap;
	bool nomem;
};

static int64_t reported_of(const struct demo_gen *g, int64_t employer_id)
{
	/* Employers were written in the order of g->emps: ids ascend. */
	size_t lo = 0, hi = g->nemps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->emps[mid].id < employer_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->nemps && g->emps[lo].id == employer_id ? g->emps[lo].n_lic : -1;
}

static jr_err pick_unit(void *ctx, const struct employer *e)
{
	struct units *u = ctx;
	int64_t partner = 0;
	if (strncmp(e->region_code, "33.75", 5))
		return JR_EOK;
	if (e->kind == EKIND_GOVERNMENT_OFFICE)
		partner = u->city;
	else if (e->kind == EKIND_RELIGIOUS_UNIT &&
		 (strstr(e->name, "Muhammadiyah") || strstr(e->name, "Aisyiyah")))
		partner = u->muhammadiyah;
	else if (e->kind == EKIND_RELIGIOUS_UNIT && strstr(e->name, "NU"))
		partner = u->nu;
	if (!partner)
		return JR_EOK;
	if (u->n == u->cap) {
		size_t cap = u->cap ? u->cap * 2 : 256;
		int64_t *a = realloc(u->ids, cap * sizeof(*a));
		if (a)
			u->ids = a;
		int64_t *b = a ? realloc(u->partner, cap * sizeof(*b)) : NULL;
		if (b)
			u->partner = b;
		int64_t *c = b ? realloc(u->reported, cap * sizeof(*c)) : NULL;
		if (!c) {
			u->nomem = true;
			return JR_ENOMEM;
		}
		u->reported = c;
		u->cap = cap;
	}
	u->ids[u->n] = e->id;
	u->partner[u->n] = partner;
	u->reported[u->n] = reported_of(u->g, e->id);
	u->n++;
	return JR_EOK;
}

static jr_err tie_units(struct demo_gen *g, struct units *u)
{
	jr_err rc = store_employers_each(g->s, pick_unit, u, g->eb);
	if (u->nomem)
		rc = demo_nomem(g);
	for (size_t i = 0; rc == JR_EOK && i < u->n; i++) {
		enum store_upsert did;
		rc = store_unit_set(g->s, u->ids[i], u->partner[i], u->reported[i], &did, g->eb);
	}
	free(u->ids);
	free(u->partner);
	free(u->reported);
	return rc;
}

/* The city's workforce (BPS-style illustrative figures, per scale) by district share. */
static jr_err figures(struct demo_gen *g)
{
	static const struct {
		const char *region;
		int64_t workers;
	} regency[] = {
		{"33.75", 65000}, {"33.26", 40000}, {"33.25", 20000}, {"33.27", 25000},
	};
	jr_err rc = JR_EOK;
	enum store_upsert did;
	for (int year = g->today.year - 2; rc == JR_EOK && year <= g->today.year - 1; year++) {
		for (size_t i = 0; rc == JR_EOK && i < ARRAY_SIZE(regency); i++) {
			struct store_workforce w = {.year = year, .sector = "ALL"};
			snprintf(w.region_code, sizeof(w.region_code), "%s", regency[i].region);
			w.workers = regency[i].workers * g->scale;
			snprintf(w.source, sizeof(w.source), "demo (ilustrasi)");
			rc = store_workforce_put(g->s, &w, 0, &did, g->eb);
			if (rc == JR_EOK && i == 0) {
				/* About half of the city's workers are informal. */
				w.segment = SEG_BPU;
				w.workers = 30000 * g->scale;
				rc = store_workforce_put(g->s, &w, 0, &did, g->eb);
			}
		}
		/* The city by district (the same 65,000, split by where work is). */
		static const struct {
			const char *district;
			int64_t workers;
		} city[] = {
			{"33.75.01", 20000}, {"33.75.02", 17000}, {"33.75.03", 15000}, {"33.75.04", 13000},
		};
		for (size_t i = 0; rc == JR_EOK && i < ARRAY_SIZE(city); i++) {
			struct store_workforce w = {.year = year, .sector = "ALL",
						    .workers = city[i].workers * g->scale};
			snprintf(w.region_code, sizeof(w.region_code), "%s", city[i].district);
			snprintf(w.source, sizeof(w.source), "demo (ilustrasi)");
			rc = store_workforce_put(g->s, &w, 0, &did, g->eb);
		}
	}
	/* The city's targets: the share of the workforce the branch means to reach. */
	static const struct {
		enum segment seg;
		int64_t target;
	} targets[] = {{SEG_NONE, 26000}, {SEG_PU, 15000}, {SEG_BPU, 8000}};
	for (int year = g->today.year - 1; rc == JR_EOK && year <= g->today.year; year++) {
		for (size_t i = 0; rc == JR_EOK && i < ARRAY_SIZE(targets); i++) {
			struct store_target t = {.year = year, .segment = targets[i].seg};
			snprintf(t.region_code, sizeof(t.region_code), "33.75");
			/* Last year's target a little lower than this year's. */
			t.target = targets[i].target * g->scale * (year == g->today.year ? 10 : 9) / 10;
			snprintf(t.source, sizeof(t.source), "demo (ilustrasi)");
			rc = store_target_put(g->s, &t, 0, &did, g->eb);
		}
	}
	return rc;
}

jr_err demo_build_partners(struct demo_gen *g)
{
	int64_t city, kesra, dpmptsp, mu, nu, notaries, jepara, id;
	jr_err rc = add_partner(g, "Pemerintah Kota Pekalongan", "government", "33.75", 0, &city);
	if (rc == JR_EOK)
		rc = add_partner(g, "Bagian Kesejahteraan Rakyat Setda Kota Pekalongan",
				 "welfare_section", "33.75", city, &kesra);
	if (rc == JR_EOK)
		rc = add_partner(g, "DPMPTSP Kota Pekalongan", "licensing_office", "33.75", city,
				 &dpmptsp);
	if (rc == JR_EOK)
		rc = add_partner(g, "Pimpinan Daerah Muhammadiyah Kota Pekalongan", "religious_org",
				 "33.75", 0, &mu);
	if (rc == JR_EOK)
		rc = add_partner(g, "Pengurus Cabang Nahdlatul Ulama Kota Pekalongan",
				 "religious_org", "33.75", 0, &nu);
	if (rc == JR_EOK)
		rc = add_partner(g, "Ikatan Notaris Indonesia Pengurus Daerah Kota Pekalongan",
				 "association", "33.75", 0, &notaries);
	if (rc == JR_EOK)
		rc = add_partner(g, "Dinas Perdagangan dan Perindustrian Kabupaten Jepara",
				 "trade_office", "33.20", 0, &jepara);
	if (rc != JR_EOK)
		return rc;

	const struct {
		int64_t partner;
		struct agreement_spec a;
	} mous[] = {
		{city, {"DEMO/KOORD/2019", "Koordinasi percepatan pertumbuhan kepesertaan 2019",
			{2019, 3, 12}, {2019, 3, 12}, {2019, 12, 31}, 5000, "none", "encourages", "",
			""}},
		{nu, {"DEMO/NU/2019", "Perlindungan jaminan sosial pengurus dan karyawan lembaga NU",
		      {2019, 7, 10}, {2019, 7, 10}, {2024, 7, 9}, 300, "members", "encourages", "",
		      ""}},
		{notaries, {"DEMO/INI/2019", "Kepesertaan karyawan kantor notaris",
			    {2019, 9, 18}, {2019, 9, 18}, {2024, 9, 17}, 150, "members",
			    "encourages", "", "PU"}},
		{city, {"DEMO/DPMPTSP/2019", "Integrasi data perizinan berusaha dan kepesertaan "
			"BPJS Ketenagakerjaan", {2019, 11, 27}, {2019, 11, 27}, {2029, 11, 26}, -1,
			"none", "data", "", ""}},
		{mu, {"DEMO/PDM/2022", "Perlindungan karyawan amal usaha Muhammadiyah",
		      {2022, 3, 15}, {2022, 3, 15}, {2027, 3, 14}, 900, "members", "encourages", "",
		      "PU"}},
		{jepara, {"DEMO/JEPARA/2024", "Perlindungan pedagang pasar Kabupaten Jepara",
			  {2024, 5, 21}, {2024, 5, 21}, {2026, 12, 31}, 1000, "members",
			  "encourages", "", "BPU"}},
	};
	for (size_t i = 0; rc == JR_EOK && i < ARRAY_SIZE(mous); i++) {
		rc = add_agreement(g, mous[i].partner, &mous[i].a, &id);
		/* The licensing office signed the city's data MoU with it. */
		if (rc == JR_EOK && mous[i].partner == city && !strcmp(mous[i].a.role, "data"))
			rc = store_agreement_partner_add(g->s, id, dpmptsp, g->eb);
	}

	/* One PKS a year for the welfare section's cohort (see build_cohort). */
	int first, cur;
	demo_cohort_years(g, &first, &cur);
	for (int y = first; rc == JR_EOK && y <= cur; y++) {
		char number[40], title[120];
		snprintf(number, sizeof(number), "DEMO/KESRA/%d", y);
		snprintf(title, sizeof(title), "Perlindungan pekerja sosial keagamaan dan lebe "
			 "%d/%d", y, y + 1);
		struct date from = {y, DEMO_COHORT_MONTH, 1};
		struct date to = date_from_days(date_to_days(date_add_months(from, 12)) - 1);
		struct agreement_spec a = {number, title, {y, DEMO_COHORT_MONTH - 1, 9}, from, to,
					   BASE_COHORT_TARGET, "partner", "pays", "SG", "BPU"};
		rc = add_agreement(g, kesra, &a, &id);
		struct store_cohort c = {.agreement_id = id, .enrolled_on = from, .start = from,
					 .end = to};
		snprintf(c.file_name, sizeof(c.file_name), "demo: daftar Bagian Kesra %d", y);
		if (rc == JR_EOK)
			rc = store_cohort_add(g->s, &c, g->eb);
		if (rc == JR_EOK)
			g->cohort_id[y - first] = c.id;
	}
	g->cohort_partner = kesra;
	g->cohort_first_year = first;

	struct units u = {.g = g, .city = city, .muhammadiyah = mu, .nu = nu};
	if (rc == JR_EOK)
		rc = tie_units(g, &u);
	if (rc == JR_EOK)
		rc = figures(g);
	return rc;
}
