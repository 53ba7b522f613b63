/*
 * demo.c - the demonstration registry behind `jaring demo` (see demo.h):
 * the entry point, and the random numbers and strings every stage shares.
 *
 * The shape follows the Kota Pekalongan reports (DESIGN.md "Who uses it"):
 * about 22,000 active participants at scale 1, most of them wage earners in
 * micro and small firms (batik home industry above all), a third informal
 * (fishers on the coast, market traders, online motorcycle-taxi drivers,
 * batik home workers, and the 2,170 religious social workers and lebe the city
 * pays for year by year), and construction workers per project.  It also
 * holds what the compliance features must find: employers that register only
 * part of their workers, report wages below the UMK or enrol too few programs,
 * government offices (OPD) with few contract workers registered, and people
 * who left.
 *
 * The generator is split by purpose (gen.h): geo.c the regions and their
 * UMK, employers.c the employers, workers.c the memberships of wage earners,
 * informal and construction workers, people.c persons and membership rows,
 * vocab.c the words and tables they draw from.
 *
 * Determinism: one xoshiro256** stream seeded from the seed, consumed in a
 * fixed order; no clock, no rand(), no hash-table iteration order; region
 * codes come from the region index in code order.  Identifiers that must be
 * unique (NPP, NIB, NPWP serial, KPJ) are a keyed permutation of a counter,
 * so they look random and can never collide; NIKs are unique through a set.
 * Money is int64 sen throughout.
 */
#include "compat.h"

#include "demo/gen.h"
#include "store/coverage.h"

/* ---- random numbers: splitmix64 seeding a xoshiro256** ---- */

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static void rng_seed(struct demo_rng *r, uint64_t seed)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t rotl64(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(struct demo_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl64(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl64(s[3], 45);
	return out;
}

uint64_t demo_rng_below(struct demo_rng *r, uint64_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;
	do
		x = rng_next(r);
	while (x >= limit);
	return x % n;
}

int64_t demo_rng_range(struct demo_rng *r, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int64_t)demo_rng_below(r, (uint64_t)(hi - lo) + 1);
}

bool demo_rng_pm(struct demo_rng *r, int permille)
{
	return (int)demo_rng_below(r, 1000) < permille;
}

int64_t demo_rng_round(struct demo_rng *r, int64_t num, int64_t den)
{
	return num / den + ((int64_t)demo_rng_below(r, (uint64_t)den) < num % den ? 1 : 0);
}

size_t demo_pick_cum(struct demo_rng *r, const int64_t *cum, size_t n)
{
	int64_t x = (int64_t)demo_rng_below(r, (uint64_t)cum[n - 1]);
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* ---- keyed permutation of 0..m-1 ---- */

static void perm_init(struct demo_perm *p, struct demo_rng *r, uint64_t m)
{
	p->m = m;
	p->bits = 1;
	while ((UINT64_C(1) << p->bits) < m)
		p->bits++;
	p->mask = (UINT64_C(1) << p->bits) - 1;
	p->k1 = (rng_next(r) & p->mask) | 1; /* odd multipliers are invertible mod 2^bits */
	p->k2 = (rng_next(r) & p->mask) | 1;
	p->k3 = rng_next(r) & p->mask;
}

/* One bijective round on 0..2^bits-1. */
static uint64_t perm_round(const struct demo_perm *p, uint64_t x)
{
	x = (x * p->k1) & p->mask;
	x ^= x >> (p->bits / 2 + 1);
	x = (x * p->k2) & p->mask;
	x ^= x >> (p->bits / 3 + 1);
	return (x + p->k3) & p->mask;
}

/* Cycle walking keeps the bijection inside 0..m-1. */
uint64_t demo_perm_at(const struct demo_perm *p, uint64_t i)
{
	uint64_t x = i;
	do
		x = perm_round(p, x);
	while (x >= p->m);
	return x;
}

/* ---- a bounded string builder ---- */

void demo_sb_init(struct demo_sb *b, char *buf, size_t cap)
{
	b->buf = buf;
	b->cap = cap;
	b->len = 0;
	buf[0] = '\0';
}

void demo_sb_add(struct demo_sb *b, const char *s)
{
	size_t n = strlen(s);
	if (n > b->cap - 1 - b->len)
		n = b->cap - 1 - b->len;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void demo_sb_addf(struct demo_sb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->buf + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n < b->cap - b->len ? (size_t)n : b->cap - 1 - b->len;
}

jr_err demo_nomem(struct demo_gen *g)
{
	return errbuf_set(g->eb, JR_ENOMEM, "demo: memori tidak cukup");
}

/* ---- entry point ---- */

static void gen_free(struct demo_gen *g)
{
	for (int p = 0; p < VOCAB_PROF_COUNT; p++)
		for (int h = 0; h < VOCAB_HOT_COUNT; h++)
			free(g->cum[p][h]);
	free(g->districts);
	free(g->villages);
	free(g->emps);
	free(g->emp_cum);
	free(g->firms);
	free(g->firm_cum);
	free(g->gov);
	free(g->markets);
	free(g->rel_count);
	free(g->niks.slots);
}

jr_err demo_build(struct store *s, const struct refdata *ref, const struct demo_opts *o,
		  struct demo_summary *sum, struct errbuf *eb)
{
	if (!s || !ref || !ref->regions || !o || !sum)
		return errbuf_set(eb, JR_EINVALID, "demo: argumen kosong");
	if (o->scale < 1 || o->scale > DEMO_SCALE_MAX)
		return errbuf_set(eb, JR_EINVALID, "demo: skala %d di luar 1..%d", o->scale,
				  DEMO_SCALE_MAX);
	if (!date_valid(o->today.year, o->today.month, o->today.day) || o->today.year < 2000 ||
	    o->today.year > 2099)
		return errbuf_set(eb, JR_EINVALID, "demo: tanggal acuan %04d-%02d-%02d tidak sah",
				  o->today.year, o->today.month, o->today.day);

	struct demo_gen *g = calloc(1, sizeof(*g));
	if (!g)
		return errbuf_set(eb, JR_ENOMEM, "demo: memori tidak cukup");
	g->s = s;
	g->ref = ref;
	g->eb = eb;
	g->scale = o->scale;
	g->today = o->today;
	g->today_day = date_to_days(o->today);
	/* Registrations since 2019, or the last two years when today is earlier. */
	g->lo_day = demo_min64(date_to_days((struct date){2019, 1, 1}), g->today_day - 730);
	rng_seed(&g->rng, o->seed);
	perm_init(&g->npp_perm, &g->rng, 90000000);
	perm_init(&g->nib_perm, &g->rng, 1000000000);
	perm_init(&g->npwp_perm, &g->rng, 1000000);
	perm_init(&g->kpj_perm, &g->rng, 1000000000);

	jr_err rc = demo_load_geography(g);
	if (rc == JR_EOK)
		rc = demo_build_employers(g);
	if (rc == JR_EOK)
		rc = demo_build_partners(g);
	if (rc == JR_EOK)
		rc = demo_build_pu(g);
	if (rc == JR_EOK)
		rc = demo_build_bpu(g);
	if (rc == JR_EOK)
		rc = demo_build_jakon(g);
	int64_t lic_reg = 0, lic_unreg = 0;
	if (rc == JR_EOK)
		rc = demo_build_licensing(g, &lic_reg, &lic_unreg);
	/* Coverage's aggregates ready for the first question. */
	if (rc == JR_EOK)
		rc = store_coverage_refresh(s, o->today, eb);
	if (rc == JR_EOK) {
		struct store_counts c;
		rc = store_counts(s, o->today, &c, eb);
		if (rc == JR_EOK) {
			memset(sum, 0, sizeof(*sum));
			sum->employers = c.employers;
			sum->persons = c.persons;
			sum->memberships = c.memberships;
			memcpy(sum->by_segment_active, c.active_by_segment,
			       sizeof(sum->by_segment_active));
			sum->active = c.active;
			memcpy(sum->by_kind, g->by_kind, sizeof(sum->by_kind));
			sum->licences_registered = lic_reg;
			sum->licences_unregistered = lic_unreg;
		}
	}
	gen_free(g);
	free(g);
	return rc;
}
