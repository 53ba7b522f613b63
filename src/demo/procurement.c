/*
 * procurement.c - the demo's procurement plan: construction packages of the
 * Kota Pekalongan offices for the current budget year, and the JAKON
 * projects contractors registered for part of them, with their workers.
 *
 * The shape follows the branch's own count from the procurement plan: 702
 * construction workers expected, 128 registered (scale 1; scale N
 * multiplies both).  Package values are drawn until their expected workers
 * (one per Rp100 million, docs/rules.md) reach the target; about one
 * package in three gets a registered project, and the registered workers
 * are shared among those in proportion to their size.  Most projects name
 * the package's RUP code, some only its name (matched on name, owner and
 * year).  A few packages belong to offices that are not registered as
 * employers, and a few tenders failed (left out of the coverage).
 *
 * Runs after every other stage (licensing included), so it changes none of
 * their data.
 */
#include "compat.h"

#include "construction/sirup.h"
#include "demo/gen.h"
#include "ingest/rates.h"
#include "store/procurement.h"

enum {
	WORKERS_EXPECTED = 702,   /* per scale */
	WORKERS_REGISTERED = 128, /* per scale */
	REGISTERED_PM = 340,      /* share of packages with a registered project */
	BY_NAME_PM = 250,         /* share of those projects without an RUP code */
	FAILED_PER_SCALE = 3,
};

/* The offices that buy: registered OPD of the city, and two that are not. */
static const char *const owners[] = {
	"DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
	"DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
	"DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
	"DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN",
	"DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN",
	"DINAS PENDIDIKAN",
	"DINAS KESEHATAN",
	"DINAS LINGKUNGAN HIDUP",
	"DINAS PERDAGANGAN, KOPERASI DAN UKM",
	"DINAS PERHUBUNGAN",
	"SEKRETARIAT DAERAH",
	"DINAS PEMADAM KEBAKARAN DAN PENYELAMATAN", /* not registered */
	"RSUD KRATON",                             /* not registered */
};

static const char *const works[] = {
	"Peningkatan Jalan Lingkungan Kelurahan",
	"Normalisasi Saluran Drainase",
	"Pembangunan Talud Sungai",
	"Rehabilitasi Gedung Kantor Kecamatan",
	"Pembangunan Ruang Kelas Baru SD Negeri",
	"Rehabilitasi Puskesmas",
	"Pembangunan Rumah Pompa",
	"Revitalisasi Pasar",
	"Pembangunan Tanggul Rob",
	"Pemeliharaan Berkala Jalan",
};

static const char *const firm_words[] = {
	"Karya", "Mandiri", "Bangun", "Pesisir", "Utama", "Jaya", "Sejahtera", "Batik",
	"Kencana", "Sentosa", "Abadi", "Persada",
};

struct pkg {
	struct sirup_package p;
	bool registered;
	int64_t workers; /* registered workers on its project */
};

/* A new construction firm for one project (appended to g->emps). */
static jr_err new_contractor(struct demo_gen *g, int district, size_t *index)
{
	struct demo_rng *r = &g->rng;
	struct demo_emp *ne = realloc(g->emps, (g->nemps + 1) * sizeof(*ne));
	if (!ne)
		return demo_nomem(g);
	g->emps = ne;
	struct employer *e = &g->e;
	memset(e, 0, sizeof(*e));
	demo_put_digits(e->npp, 10000000 + demo_perm_at(&g->npp_perm, g->npp_next++), 8);
	struct demo_sb b;
	demo_sb_init(&b, e->name, sizeof(e->name));
	demo_sb_addf(&b, "%s %s %s Konstruksi", demo_rng_pm(r, 700) ? "CV" : "PT",
		     firm_words[demo_rng_below(r, ARRAY_SIZE(firm_words))],
		     firm_words[demo_rng_below(r, ARRAY_SIZE(firm_words))]);
	snprintf(e->kbli, sizeof(e->kbli), "%s", demo_rng_pm(r, 600) ? "41011" : "41012");
	snprintf(e->region_code, sizeof(e->region_code), "%s", g->districts[district].code);
	e->scale = demo_rng_pm(r, 750) ? SCALE_SMALL : SCALE_MEDIUM;
	e->risk_group = 4;
	e->kind = EKIND_COMPANY;
	enum store_upsert did;
	jr_err rc = store_employer_upsert(g->s, e, 0, &did, g->eb);
	if (rc != JR_EOK)
		return rc;
	struct demo_emp *em = &g->emps[g->nemps];
	memset(em, 0, sizeof(*em));
	em->id = e->id;
	em->district = district;
	em->village = -1;
	em->sector = VOCAB_SEC_CONSTRUCTION;
	em->scale = (uint8_t)e->scale;
	*index = g->nemps++;
	g->by_kind[EKIND_COMPANY]++;
	return JR_EOK;
}

/* The project of a registered package, its workers, and their assignment to it. */
static jr_err register_project(struct demo_gen *g, const struct pkg *k, int district)
{
	struct demo_rng *r = &g->rng;
	size_t firm = 0;
	jr_err rc = new_contractor(g, district, &firm);
	if (rc != JR_EOK)
		return rc;
	int64_t year_start = date_to_days((struct date){k->p.year, 1, 1});
	int64_t start = date_to_days(k->p.priced_on) + demo_rng_range(r, 30, 59);
	start = demo_max64(year_start, demo_min64(start, g->today_day - 20));
	int64_t end = start + demo_rng_range(r, 90, 240);
	struct store_project pr = {
		.employer_id = g->emps[firm].id,
		.value_sen = k->p.value_sen,
		.start = date_from_days(start),
		.has_end = true,
		.end = date_from_days(end),
	};
	snprintf(pr.owner, sizeof(pr.owner), "%s", k->p.owner);
	if (demo_rng_pm(r, BY_NAME_PM)) {
		/* Written by the contractor: the package's name in its own case. */
		snprintf(pr.name, sizeof(pr.name), "%s", k->p.name);
		for (char *c = pr.name; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
	} else {
		snprintf(pr.name, sizeof(pr.name), "%s", k->p.name);
		const char *semi = strchr(k->p.kd_rup, ';');
		size_t n = semi ? (size_t)(semi - k->p.kd_rup) : strlen(k->p.kd_rup);
		memcpy(pr.kd_rup, k->p.kd_rup, n);
		pr.kd_rup[n] = '\0';
	}
	enum store_upsert did;
	if ((rc = store_procurement_project_upsert(g->s, &pr, 0, &did, g->eb)) != JR_EOK)
		return rc;
	for (int64_t w = 0; w < k->workers && rc == JR_EOK; w++) {
		const struct vocab_occ *oc = &vocab_occ_jakon.v[demo_rng_below(r, vocab_occ_jakon.n)];
		int64_t ws = demo_min64(start + demo_rng_range(r, 0, 13), g->today_day);
		struct demo_person_spec ps = {
			.district = demo_home_district(g, district),
			.occ = oc,
			.age_lo = 20,
			.age_hi = 55,
			.adult_by = ws,
			.phone_pm = 450,
		};
		struct demo_new_person np;
		if ((rc = demo_new_person(g, &ps, &np)) != JR_EOK)
			break;
		int v = demo_pick_village(g, district);
		struct demo_mspec ms = {
			.nik = np.nik,
			.emp = (int)firm,
			.segment = SEG_JAKON,
			.programs = PROG_JKK | PROG_JKM,
			.start = ws,
			.end = end,
			.occupation = oc->name,
			.region = g->villages[v].code,
		};
		rc = demo_put_membership(g, &ms);
	}
	int64_t claimed = 0;
	if (rc == JR_EOK)
		rc = store_procurement_project_claim(g->s, pr.id, pr.employer_id, pr.start, &pr.end,
						     &claimed, g->eb);
	if (rc == JR_EOK && claimed != k->workers)
		rc = errbuf_set(g->eb, JR_ECONFLICT, "demo: proyek %s mendapat %lld pekerja, bukan %lld",
				pr.name, (long long)claimed, (long long)k->workers);
	return rc;
}

/* One package: its owner, name, value, the month of its tender. */
static void draw_package(struct demo_gen *g, struct pkg *k, uint64_t serial, int *district)
{
	struct demo_rng *r = &g->rng;
	size_t first = g->reg_first[VOCAB_REG_KOTA], n = g->reg_n[VOCAB_REG_KOTA];
	*district = (int)(first + demo_rng_below(r, n));
	int v = demo_pick_village(g, *district);
	const char *place = demo_rng_pm(r, 500) ? g->villages[v].name : g->districts[*district].name;
	memset(k, 0, sizeof(*k));
	demo_put_digits(k->p.kd_rup, 60000000 + serial, 8);
	snprintf(k->p.name, sizeof(k->p.name), "%s %s", works[demo_rng_below(r, ARRAY_SIZE(works))], place);
	snprintf(k->p.owner, sizeof(k->p.owner), "%s", owners[demo_rng_below(r, ARRAY_SIZE(owners))]);
	snprintf(k->p.klpd, sizeof(k->p.klpd), "Kota Pekalongan");
	snprintf(k->p.kind, sizeof(k->p.kind), "Pekerjaan Konstruksi");
	snprintf(k->p.location, sizeof(k->p.location), "%s - Pekalongan (Kota) - Jawa Tengah", place);
	k->p.construction = true;
	k->p.year = g->today.year;
	int months = g->today.month > 1 ? g->today.month - 1 : 1;
	k->p.priced_on = (struct date){g->today.year, 1 + (int)demo_rng_below(r, (uint64_t)months), 1};
	/* Rp200 million to Rp5 billion, skewed to the small end; HPS a little under pagu. */
	uint64_t u = demo_rng_below(r, 1000);
	int64_t rupiah = 200000000 + (int64_t)(4800000000 * (int64_t)(u * u) / 1000000);
	k->p.pagu_sen = rupiah / 1000000 * 1000000 * SEN_PER_RUPIAH;
	k->p.hps_sen = k->p.pagu_sen - k->p.pagu_sen / 1000 * demo_rng_range(r, 1, 30);
	k->p.contract_sen = -1;
	k->p.value_sen = k->p.hps_sen;
	k->p.value_source = SIRUP_VALUE_HPS;
	snprintf(k->p.status, sizeof(k->p.status), "%s", demo_rng_pm(r, 700) ? "Selesai" : "Berlangsung");
}

jr_err demo_build_procurement(struct demo_gen *g, struct demo_summary *sum)
{
	struct demo_rng *r = &g->rng;
	struct rates *rates = NULL;
	struct pkg *pk = NULL;
	int *district = NULL;
	size_t n = 0, cap = 0;
	const int64_t target = (int64_t)WORKERS_EXPECTED * g->scale;
	const int64_t target_reg = (int64_t)WORKERS_REGISTERED * g->scale;
	const int64_t per = CONSTRUCTION_VALUE_PER_WORKER_SEN;
	jr_err rc = rates_load(&rates, g->eb);
	int64_t expected = 0, reg_expected = 0;

	/* Packages until their expected workers reach the target exactly. */
	while (rc == JR_EOK && expected < target) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			void *a = realloc(pk, cap * sizeof(*pk)), *b = NULL;
			if (a)
				pk = a;
			if (a && (b = realloc(district, cap * sizeof(*district))))
				district = b;
			if (!a || !b) {
				rc = demo_nomem(g);
				break;
			}
		}
		struct pkg *k = &pk[n];
		draw_package(g, k, n, &district[n]);
		int64_t w = construction_expected_workers(k->p.value_sen);
		if (expected + w > target) {
			/* The last package is sized to land on the target. */
			w = target - expected;
			k->p.hps_sen = w * per - demo_rng_range(r, 0, 99) * 1000000 * SEN_PER_RUPIAH;
			k->p.pagu_sen = w * per;
			k->p.value_sen = k->p.hps_sen;
		}
		rc = sirup_price(rates, &k->p, g->eb);
		expected += k->p.expected_workers;
		k->registered = demo_rng_pm(r, REGISTERED_PM);
		if (k->registered)
			reg_expected += k->p.expected_workers;
		n++;
	}
	/* At least enough registered packages to hold the registered workers. */
	for (size_t i = 0; i < n && reg_expected < target_reg * 3 / 2; i++)
		if (!pk[i].registered) {
			pk[i].registered = true;
			reg_expected += pk[i].p.expected_workers;
		}
	/* Registered workers in proportion to each project's size, remainder in order. */
	int64_t given = 0;
	for (size_t i = 0; i < n; i++)
		if (pk[i].registered && reg_expected) {
			pk[i].workers = target_reg * pk[i].p.expected_workers / reg_expected;
			given += pk[i].workers;
		}
	for (size_t i = 0; given < target_reg && n; i = (i + 1) % n)
		if (pk[i].registered && pk[i].workers < pk[i].p.expected_workers) {
			pk[i].workers++;
			given++;
		}
	for (size_t i = 0; i < n && rc == JR_EOK; i++) {
		struct store_package sp = {.p = pk[i].p};
		if ((rc = store_procurement_package_put(g->s, &sp, 0, g->eb)) != JR_EOK)
			break;
		if (pk[i].registered && pk[i].workers > 0)
			rc = register_project(g, &pk[i], district[i]);
	}
	/* Failed tenders: in the plan, out of the coverage. */
	for (int i = 0; i < FAILED_PER_SCALE * g->scale && rc == JR_EOK; i++) {
		struct pkg k;
		int d;
		draw_package(g, &k, n + (size_t)i, &d);
		snprintf(k.p.status, sizeof(k.p.status), "Gagal/Batal");
		k.p.failed = true;
		rc = sirup_price(rates, &k.p, g->eb);
		struct store_package sp = {.p = k.p};
		if (rc == JR_EOK)
			rc = store_procurement_package_put(g->s, &sp, 0, g->eb);
	}
	if (rc == JR_EOK) {
		sum->packages = (int64_t)n;
		sum->construction_expected = expected;
		sum->construction_registered = given;
	}
	free(pk);
	free(district);
	rates_free(rates);
	return rc;
}
