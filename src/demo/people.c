/*
 * people.c - the persons of the demo and the membership rows that tie them
 * to an employer or a segment: names, NIKs that decode to the person's
 * birth date and sex (Dukcapil layout), phone numbers, KPJ card numbers.
 * Which memberships a person gets is decided in workers.c.
 */
#include "compat.h"

#include "core/ids.h"
#include "core/nik.h"
#include "demo/gen.h"
#include "store/partners.h"

/* Shares in per mille, so no floating point decides anything. */
enum {
	NO_KPJ_PM = 30,     /* memberships whose card number is not issued yet */
	MOVED_NIK_PM = 150, /* NIK issued in another district than where one lives */
};

/* ---- names ---- */

static void make_person_name(struct demo_gen *g, char sex, int age, char *out, size_t size)
{
	struct demo_sb b;
	struct demo_rng *r = &g->rng;
	int x = (int)demo_rng_below(r, 1000);
	bool older = age >= 45;
	demo_sb_init(&b, out, size);
	if (sex == 'M') {
		const char *first = DEMO_PICK(r, vocab_male_first);
		const char *second = DEMO_PICK(r, vocab_male_second);
		if (x < (older ? 350 : 100)) {
			demo_sb_add(&b, first);
		} else if (x < (older ? 450 : 300)) {
			demo_sb_addf(&b, "%s %s", DEMO_PICK(r, vocab_male_prefixes), first);
			if (demo_rng_pm(r, 500))
				demo_sb_addf(&b, " %s", second);
		} else if (x < 880) {
			demo_sb_addf(&b, "%s %s", first, second);
		} else {
			const char *third;
			do
				third = DEMO_PICK(r, vocab_male_second);
			while (third == second);
			demo_sb_addf(&b, "%s %s %s", first, second, third);
		}
	} else {
		const char *first = DEMO_PICK(r, vocab_female_first);
		const char *second = DEMO_PICK(r, vocab_female_second);
		if (strcmp(first, second) == 0)
			second = "Lestari";
		if (x < (older ? 300 : 80)) {
			demo_sb_add(&b, first);
		} else if (x < (older ? 450 : 220)) {
			demo_sb_addf(&b, "Siti %s", first);
			if (demo_rng_pm(r, 300))
				demo_sb_addf(&b, " %s", second);
		} else if (x < 870) {
			demo_sb_addf(&b, "%s %s", first, second);
		} else {
			const char *third;
			do
				third = DEMO_PICK(r, vocab_female_second);
			while (third == second || strcmp(third, first) == 0);
			demo_sb_addf(&b, "%s %s %s", first, second, third);
		}
	}
}

/* ---- identifiers ---- */

static uint64_t nikset_hash(uint64_t k, size_t cap)
{
	return (k * UINT64_C(0x9E3779B97F4A7C15)) >> 17 & (cap - 1);
}

static bool nikset_has(const struct demo_nikset *s, uint64_t k)
{
	if (s->cap == 0)
		return false;
	for (size_t i = nikset_hash(k, s->cap);; i = (i + 1) & (s->cap - 1)) {
		if (s->slots[i] == 0)
			return false;
		if (s->slots[i] == k)
			return true;
	}
}

static void nikset_put_slot(uint64_t *slots, size_t cap, uint64_t k)
{
	size_t i = nikset_hash(k, cap);
	while (slots[i] != 0)
		i = (i + 1) & (cap - 1);
	slots[i] = k;
}

/* Adds k (not yet present); keeps the table at most half full. */
static bool nikset_add(struct demo_nikset *s, uint64_t k)
{
	if (2 * (s->len + 1) > s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1 << 16;
		uint64_t *slots = calloc(cap, sizeof(*slots));
		if (!slots)
			return false;
		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i])
				nikset_put_slot(slots, cap, s->slots[i]);
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	nikset_put_slot(s->slots, s->cap, k);
	s->len++;
	return true;
}

/*
 * A fresh NIK for someone registered in district, born on birth: the
 * Dukcapil layout PP KK CC DD MM YY SSSS with day + 40 for women and the
 * lowest free serial from a small random start.
 */
static jr_err make_nik(struct demo_gen *g, int district, struct date birth, char sex,
		       int64_t *out)
{
	int dd = birth.day + (sex == 'F' ? 40 : 0);
	int64_t base = g->districts[district].nik_prefix * INT64_C(10000000000) +
		       (int64_t)dd * 100000000 + (int64_t)birth.month * 1000000 +
		       (int64_t)(birth.year % 100) * 10000;
	/* Few people share a district and a birthday: serials stay small. */
	int serial = demo_rng_pm(&g->rng, 850) ? (int)demo_rng_range(&g->rng, 1, 4)
					       : (int)demo_rng_range(&g->rng, 1, 40);
	for (; serial <= 9999; serial++) {
		int64_t nik = base + serial;
		if (!nikset_has(&g->niks, (uint64_t)nik)) {
			if (!nikset_add(&g->niks, (uint64_t)nik))
				return demo_nomem(g);
			*out = nik;
			return JR_EOK;
		}
	}
	return errbuf_set(g->eb, JR_ETOOBIG, "demo: nomor urut NIK %06" PRId64 " habis",
			  g->districts[district].nik_prefix);
}

/* The generator's contract with nik_parse: every NIK it writes decodes cleanly. */
static jr_err check_nik(struct demo_gen *g, int64_t nik, struct date birth, char sex)
{
	char digits[NIK_DIGITS + 1];
	struct nik_info info;
	nik_from_int(nik, digits);
	nik_parse(digits, NIK_DIGITS, g->ref->regions, g->today, &info);
	if (!info.valid || info.nwarnings || !info.has_birth_date ||
	    date_cmp(info.birth_date, birth) != 0 || info.sex != sex)
		return errbuf_set(g->eb, JR_EINVALID, "demo: NIK buatan %s tidak lolos: %s",
				  digits,
				  info.nerrors ? info.errors[0]
					       : info.nwarnings ? info.warnings[0] : "isi beda");
	return JR_EOK;
}

void demo_put_digits(char *out, uint64_t v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

static void make_phone(struct demo_gen *g, char out[static PHONE_SIZE])
{
	struct demo_sb b;
	demo_sb_init(&b, out, PHONE_SIZE);
	demo_sb_add(&b, DEMO_PICK(&g->rng, vocab_phone_prefixes));
	int n = (int)demo_rng_range(&g->rng, 7, 9); /* "08" + 9..11 digits in all */
	for (int i = 0; i < n; i++) {
		char c[2] = {(char)('0' + demo_rng_below(&g->rng, 10)), 0};
		demo_sb_add(&b, c);
	}
}

static void make_kpj(struct demo_gen *g, int start_year, char out[static KPJ_SIZE])
{
	/* The registration year up front, as on printed cards; the rest unique. */
	demo_put_digits(out, (uint64_t)(start_year % 100), 2);
	demo_put_digits(out + 2, demo_perm_at(&g->kpj_perm, g->kpj_next++), 9);
	out[11] = '\0';
}

/* ---- persons ---- */

jr_err demo_new_person(struct demo_gen *g, const struct demo_person_spec *ps,
		       struct demo_new_person *np)
{
	struct demo_rng *r = &g->rng;
	struct person p;
	int age_lo = ps->age_lo ? ps->age_lo : ps->occ && ps->occ->age_lo ? ps->occ->age_lo : 18;
	int age_hi = ps->age_hi ? ps->age_hi : ps->occ && ps->occ->age_hi ? ps->occ->age_hi : 58;
	if (age_hi > 60)
		age_hi = 60;
	if (age_lo > age_hi)
		age_lo = age_hi;
	/* Two draws averaged: fewer at the edges of working age. */
	int age = (int)((demo_rng_range(r, age_lo, age_hi) +
			 demo_rng_range(r, age_lo, age_hi) + 1) / 2);
	int64_t hi_b = date_to_days(date_add_months(g->today, -12 * age));
	int64_t lo_b = date_to_days(date_add_months(g->today, -12 * (age + 1))) + 1;
	int64_t birth_day = demo_rng_range(r, lo_b, hi_b);
	if (ps->adult_by) {
		int64_t latest =
			date_to_days(date_add_months(date_from_days(ps->adult_by), -12 * 18));
		if (birth_day > latest)
			birth_day = latest;
	}
	/* Never older than 60 on today, whatever the constraint asked. */
	int64_t oldest = date_to_days(date_add_months(g->today, -12 * 61)) + 1;
	if (birth_day < oldest)
		birth_day = oldest;
	struct date birth = date_from_days(birth_day);

	memset(&p, 0, sizeof(p));
	p.sex = demo_rng_pm(r, ps->occ ? ps->occ->female_pm : 500) ? 'F' : 'M';
	p.has_birth_date = true;
	p.birth_date = birth;
	make_person_name(g, p.sex, age, p.name, sizeof(p.name));
	np->village = demo_pick_village(g, ps->district);
	memcpy(p.region_code, g->villages[np->village].code, REGION_CODE_SIZE);
	if (demo_rng_pm(r, ps->phone_pm))
		make_phone(g, p.phone);

	int nik_district = ps->district;
	if (demo_rng_pm(r, MOVED_NIK_PM))
		nik_district = demo_pick_district(g, VOCAB_PROF_EMP, VOCAB_HOT_NONE);
	jr_err rc = make_nik(g, nik_district, birth, p.sex, &p.nik);
	if (rc != JR_EOK)
		return rc;
	rc = check_nik(g, p.nik, birth, p.sex);
	if (rc != JR_EOK)
		return rc;
	enum store_upsert did;
	rc = store_person_upsert(g->s, &p, &did, g->eb);
	if (rc != JR_EOK)
		return rc;
	np->nik = p.nik;
	np->adult_day = date_to_days(date_add_months(birth, 12 * 18));
	return JR_EOK;
}

/* ---- memberships ---- */

jr_err demo_put_membership(struct demo_gen *g, const struct demo_mspec *ms)
{
	struct membership m;
	memset(&m, 0, sizeof(m));
	m.person_nik = ms->nik;
	m.employer_id = ms->emp >= 0 ? g->emps[ms->emp].id : 0;
	m.segment = ms->segment;
	m.wage_sen = ms->wage_sen;
	m.programs = ms->programs & programs_allowed(ms->segment);
	m.start = date_from_days(ms->start);
	if (ms->end >= 0) {
		m.has_end = true;
		m.end = date_from_days(ms->end);
	}
	/* Cards of the last fortnight are often still being printed. */
	int no_kpj = g->today_day - ms->start < 14 ? 500 : NO_KPJ_PM;
	if (!demo_rng_pm(&g->rng, no_kpj))
		make_kpj(g, m.start.year, m.kpj);
	struct demo_sb b;
	demo_sb_init(&b, m.occupation, sizeof(m.occupation));
	demo_sb_add(&b, ms->occupation);
	memcpy(m.region_code, ms->region, REGION_CODE_SIZE);
	enum store_upsert did;
	jr_err rc = store_membership_upsert(g->s, &m, 0, &did, g->eb);
	if (rc != JR_EOK)
		return rc;
	/* A fresh database: anything but an insert means two rows share a key. */
	if (did != STORE_INSERTED) {
		char nik[NIK_DIGITS + 1], day[DATE_ISO_SIZE];
		nik_from_int(ms->nik, nik);
		date_format_iso(m.start, day);
		return errbuf_set(g->eb, JR_ECONFLICT, "demo: kepesertaan ganda %s %s %s", nik,
				  segment_name(ms->segment), day);
	}
	if (ms->cohort_id) {
		struct membership_key k = {m.person_nik, m.employer_id, m.segment, m.start};
		int64_t id;
		bool found;
		rc = store_membership_id(g->s, &k, &id, &found, g->eb);
		if (rc == JR_EOK && found)
			rc = store_membership_set_cohort(g->s, id, ms->cohort_id, PAYER_KIND_PARTNER,
							 g->cohort_partner, g->eb);
	}
	return rc;
}
