/*
 * demo.c - the demonstration registry behind `jaring demo` (see demo.h).
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
 * Determinism: one xoshiro256** stream seeded from the seed, consumed in a
 * fixed order; no clock, no rand(), no hash-table iteration order; region
 * codes come from the region index in code order.  Identifiers that must be
 * unique (NPP, NIB, NPWP serial, KPJ) are a keyed permutation of a counter,
 * so they look random and can never collide; NIKs are unique through a set.
 * Money is int64 sen throughout.
 */
#include "compat.h"

#include "core/ids.h"
#include "core/money.h"
#include "core/nik.h"
#include "demo/demo.h"

/* ---- counts at scale 1 (DESIGN.md: ~22,000 of ~65,000 workers covered) ---- */

enum {
	BASE_EMPLOYERS = 4000,
	BASE_PU_ACTIVE = 13200,    /* ~60 % of the active */
	BASE_COHORT_ACTIVE = 2170, /* religious social workers and lebe, city-paid */
	BASE_COHORT_FORMER = 380,  /* in an earlier year's cohort, not this one */
	BASE_JAKON_ACTIVE = 2200,  /* ~10 % */
	JAKON_PAST_PM = 1600,      /* worker slots on finished projects, per mille of active */
};

/* Shares in per mille, so no floating point decides anything. */
enum {
	CLOSED_PM = 30,       /* employers whose every worker has left */
	PARTIAL_PM = 250,     /* employers registering only part of their workers */
	LEAVER_PM = 200,      /* ended memberships per active worker of an employer */
	JOB_CHANGE_PM = 120,  /* active PU workers with an earlier PU job */
	PKWT_PM = 50,         /* active PU workers on a fixed-term contract */
	NO_KPJ_PM = 30,       /* memberships whose card number is not issued yet */
	COHORT_REJOIN_PM = 750,
	MOVED_NIK_PM = 150,   /* NIK issued in another district than where one lives */
};

/* The city cohort's year: from 1 September, an assumption (the PKS was signed in
 * August 2023, domain.md 7.2; the decree's period is not known). */
#define COHORT_MONTH 9
#define COHORT_FIRST_YEAR 2023

/* JKP exists since February 2022 (PP 37/2021). */
static const struct date jkp_start = {2022, 2, 1};

#define RUPIAH(n) ((int64_t)(n) * SEN_PER_RUPIAH)

/* ---- random numbers: splitmix64 seeding a xoshiro256** ---- */

struct rng {
	uint64_t s[4];
};

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static void rng_seed(struct rng *r, uint64_t seed)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t rotl64(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(struct rng *r)
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

/* Uniform in 0..n-1 (n > 0), without modulo bias. */
static uint64_t rng_below(struct rng *r, uint64_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;
	do
		x = rng_next(r);
	while (x >= limit);
	return x % n;
}

/* Uniform in lo..hi inclusive; lo when hi < lo. */
static int64_t rng_range(struct rng *r, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int64_t)rng_below(r, (uint64_t)(hi - lo) + 1);
}

static bool rng_pm(struct rng *r, int permille)
{
	return (int)rng_below(r, 1000) < permille;
}

/* num/den rounded up or down at random so that the mean is exact. */
static int64_t rng_round(struct rng *r, int64_t num, int64_t den)
{
	return num / den + ((int64_t)rng_below(r, (uint64_t)den) < num % den ? 1 : 0);
}

#define PICK(r, arr) ((arr)[rng_below((r), ARRAY_SIZE(arr))])

/* ---- keyed permutation of 0..m-1: unique identifiers that look random ---- */

struct perm {
	uint64_t m, mask, k1, k2, k3;
	int bits;
};

static void perm_init(struct perm *p, struct rng *r, uint64_t m)
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
static uint64_t perm_round(const struct perm *p, uint64_t x)
{
	x = (x * p->k1) & p->mask;
	x ^= x >> (p->bits / 2 + 1);
	x = (x * p->k2) & p->mask;
	x ^= x >> (p->bits / 3 + 1);
	return (x + p->k3) & p->mask;
}

/* Cycle walking keeps the bijection inside 0..m-1 (i < m). */
static uint64_t perm_at(const struct perm *p, uint64_t i)
{
	uint64_t x = i;
	do
		x = perm_round(p, x);
	while (x >= p->m);
	return x;
}

/* ---- a bounded string builder for names and addresses ---- */

struct sb {
	char *buf;
	size_t cap, len;
};

static void sb_init(struct sb *b, char *buf, size_t cap)
{
	b->buf = buf;
	b->cap = cap;
	b->len = 0;
	buf[0] = '\0';
}

static void sb_add(struct sb *b, const char *s)
{
	size_t n = strlen(s);
	if (n > b->cap - 1 - b->len)
		n = b->cap - 1 - b->len;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

static void sb_addf(struct sb *b, const char *fmt, ...) JR_PRINTF(2, 3);

static void sb_addf(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->buf + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n < b->cap - b->len ? (size_t)n : b->cap - 1 - b->len;
}

/* ---- geography: the four regencies of the Pekalongan branch ---- */

#define UMK_FIRST_YEAR 2019
#define UMK_YEARS 7

enum { REG_KOTA, REG_KAB, REG_BATANG, REG_PEMALANG, REG_COUNT };

/*
 * UMK in sen, 2019..2025, copied from data/umk_jawa_tengah_2019_2025.csv
 * (the refdata struct does not carry the UMK; the store has it, but this
 * module writes only).  Years outside the table use the nearest year.
 */
static const struct regency_def {
	const char *code;
	const char *capital; /* district of the regency's offices */
	int64_t umk[UMK_YEARS];
} regency_defs[REG_COUNT] = {
	{"33.75", "33.75.01",
	 {190692247, 207200000, 213975400, 215621377, 230582266, 238980100, 254513800}},
	{"33.26", "33.26.08",
	 {185988505, 201816100, 208415500, 209464619, 224734590, 233488600, 248665359}},
	{"33.25", "33.25.11",
	 {190000000, 206170000, 212911700, 213253502, 228202572, 237970200, 253438300}},
	{"33.27", "33.27.08",
	 {171800000, 186500000, 192600000, 194089041, 208078300, 215600000, 229614000}},
};

/* How employers and informal workers spread over the regencies (per mille). */
enum { PROF_EMP, PROF_BPU, PROF_KOTA, PROF_COUNT };
static const int profile_weights[PROF_COUNT][REG_COUNT] = {
	{600, 200, 100, 100},
	{650, 175, 85, 90},
	{1000, 0, 0, 0},
};

/* Districts where a kind of work concentrates, boosted HOT_BOOST times. */
enum { HOT_NONE, HOT_BATIK, HOT_COAST, HOT_URBAN, HOT_COUNT };
#define HOT_BOOST 6
static const char *const hot_sets[HOT_COUNT][16] = {
	[HOT_NONE] = {NULL},
	/* Batik kampungs of the city; Pekajangan (Kedungwuni), Buaran, Wiradesa, Tirto. */
	[HOT_BATIK] = {"33.75.01", "33.75.02", "33.75.04", "33.26.12", "33.26.13", "33.26.14",
		       "33.26.15", "33.26.16", NULL},
	/* The north coast: the city's fishing port, Wonokerto, Siwalan, Batang, Pemalang. */
	[HOT_COAST] = {"33.75.03", "33.26.15", "33.26.17", "33.26.19", "33.25.09", "33.25.11",
		       "33.25.13", "33.25.15", "33.27.08", "33.27.09", "33.27.10", "33.27.13",
		       NULL},
	/* Towns: the city, the regency capitals and the market towns. */
	[HOT_URBAN] = {"33.75.01", "33.75.02", "33.75.03", "33.75.04", "33.26.08", "33.26.13",
		       "33.26.16", "33.25.11", "33.27.08", "33.27.12", NULL},
};

/* Relative size of a district (default 3): towns large, the mountains small. */
static const struct {
	const char *code;
	int weight;
} urban_weights[] = {
	{"33.75.01", 10}, {"33.75.02", 10}, {"33.75.03", 9}, {"33.75.04", 8},
	{"33.26.08", 8},  {"33.26.16", 9},  {"33.26.13", 9}, {"33.26.14", 7},
	{"33.26.15", 8},  {"33.26.12", 5},  {"33.26.11", 5}, {"33.26.10", 5},
	{"33.26.17", 4},  {"33.26.19", 4},  {"33.26.18", 4}, {"33.26.09", 4},
	{"33.26.06", 2},  {"33.26.05", 2},  {"33.26.01", 1}, {"33.26.02", 1},
	{"33.26.03", 1},  {"33.26.04", 1},  {"33.25.11", 10}, {"33.25.13", 4},
	{"33.25.12", 4},  {"33.25.08", 4},  {"33.25.07", 4}, {"33.25.09", 3},
	{"33.25.10", 3},  {"33.25.02", 3},  {"33.27.08", 10}, {"33.27.09", 7},
	{"33.27.10", 6},  {"33.27.12", 6},  {"33.27.13", 4}, {"33.27.07", 4},
};

struct village {
	char code[REGION_CODE_SIZE];
	const char *name; /* owned by the region index */
};

struct district {
	char code[REGION_CODE_SIZE];
	int64_t nik_prefix; /* the six digits as a number: 337501 */
	const char *name;
	int regency;
	int urban;
	size_t first_village, nvillages;
};

/* ---- vocabulary: occupations ---- */

struct occ {
	const char *name;
	uint16_t weight;
	uint16_t female_pm;
	uint8_t age_lo, age_hi; /* at today; 0: 18..58 */
};

struct occset {
	const struct occ *v;
	size_t n;
};

#define OCCSET(id, ...)                                      \
	static const struct occ id##_v[] = {__VA_ARGS__};    \
	static const struct occset id = {id##_v, ARRAY_SIZE(id##_v)}

OCCSET(occ_batik, {"Pembatik", 40, 750, 18, 60}, {"Tukang cap batik", 15, 150, 0, 0},
       {"Pewarna kain", 10, 100, 0, 0}, {"Penjahit", 10, 800, 0, 0},
       {"Staf administrasi", 8, 600, 20, 50}, {"Pengemas", 7, 700, 0, 0},
       {"Tenaga pemasaran", 5, 500, 20, 45}, {"Pengemudi", 5, 0, 22, 55});
OCCSET(occ_garment, {"Penjahit", 45, 800, 0, 0}, {"Operator mesin jahit", 15, 750, 18, 45},
       {"Pemotong kain", 10, 300, 0, 0}, {"Quality control", 5, 600, 20, 45},
       {"Staf administrasi", 8, 600, 20, 50}, {"Pengemas", 10, 700, 0, 0},
       {"Satpam", 4, 0, 22, 55}, {"Mandor produksi", 3, 400, 28, 55});
OCCSET(occ_shop, {"Pramuniaga", 40, 650, 18, 40}, {"Kasir", 18, 800, 18, 40},
       {"Staf gudang", 14, 100, 0, 0}, {"Staf administrasi", 10, 600, 20, 50},
       {"Pengemudi", 8, 0, 22, 55}, {"Tenaga pemasaran", 6, 500, 20, 45},
       {"Satpam", 4, 0, 22, 55});
OCCSET(occ_fishproc, {"Buruh pengolahan ikan", 50, 600, 0, 0}, {"Pengasap ikan", 10, 300, 0, 0},
       {"Penyortir ikan", 12, 700, 0, 0}, {"Staf gudang", 8, 100, 0, 0},
       {"Pengemudi", 8, 0, 22, 55}, {"Staf administrasi", 5, 600, 20, 50},
       {"Buruh angkut", 7, 0, 18, 50});
OCCSET(occ_fishing, {"Anak buah kapal", 60, 0, 18, 55}, {"Nakhoda", 8, 0, 30, 58},
       {"Juru mesin kapal", 10, 0, 22, 58}, {"Buruh bongkar muat ikan", 15, 50, 18, 55},
       {"Staf administrasi", 4, 500, 20, 50}, {"Juru masak kapal", 3, 0, 20, 55});
OCCSET(occ_food, {"Juru masak", 28, 600, 0, 0}, {"Pelayan", 28, 600, 18, 40},
       {"Kasir", 12, 800, 18, 40}, {"Pencuci piring", 10, 500, 0, 0},
       {"Buruh produksi makanan", 17, 650, 0, 0}, {"Kurir", 5, 50, 18, 40});
OCCSET(occ_hotel, {"Resepsionis", 15, 600, 20, 40}, {"Petugas kebersihan kamar", 25, 550, 0, 0},
       {"Juru masak", 12, 400, 0, 0}, {"Pelayan restoran", 15, 550, 18, 40},
       {"Satpam", 8, 0, 22, 55}, {"Teknisi", 6, 0, 22, 55},
       {"Staf administrasi", 8, 600, 20, 50}, {"Manajer", 2, 400, 30, 58});
OCCSET(occ_construction_staff, {"Staf administrasi", 20, 600, 20, 50},
       {"Pelaksana lapangan", 25, 50, 22, 55}, {"Drafter", 10, 300, 20, 45},
       {"Estimator", 8, 300, 22, 55}, {"Pengemudi", 12, 0, 22, 55},
       {"Mandor", 15, 0, 28, 58}, {"Operator alat berat", 10, 0, 22, 55});
OCCSET(occ_transport, {"Pengemudi", 40, 0, 22, 58}, {"Kernet", 15, 0, 18, 45},
       {"Kurir", 20, 100, 18, 40}, {"Staf gudang", 10, 100, 0, 0},
       {"Staf administrasi", 10, 600, 20, 50}, {"Mekanik", 5, 0, 20, 55});
OCCSET(occ_finance, {"Teller", 25, 700, 20, 40}, {"Staf pembiayaan", 25, 400, 22, 50},
       {"Penagih", 18, 200, 22, 50}, {"Staf administrasi", 22, 600, 20, 50},
       {"Satpam", 6, 0, 22, 55}, {"Manajer", 4, 400, 30, 58});
OCCSET(occ_workshop, {"Mekanik", 50, 0, 18, 55}, {"Tukang las", 15, 0, 18, 55},
       {"Kasir", 10, 800, 18, 40}, {"Staf administrasi", 10, 600, 20, 50},
       {"Pencuci kendaraan", 15, 50, 18, 35});
OCCSET(occ_clinic, {"Perawat", 35, 750, 22, 50}, {"Bidan", 12, 1000, 22, 50},
       {"Dokter", 8, 500, 26, 58}, {"Tenaga farmasi", 8, 750, 22, 50},
       {"Analis laboratorium", 6, 700, 22, 50}, {"Staf administrasi", 15, 600, 20, 50},
       {"Petugas kebersihan", 8, 400, 0, 0}, {"Satpam", 5, 0, 22, 55},
       {"Tenaga kesehatan", 10, 700, 22, 50});
OCCSET(occ_personal, {"Penata rambut", 30, 700, 18, 45}, {"Tukang cukur", 15, 0, 18, 50},
       {"Petugas laundry", 35, 700, 0, 0}, {"Kasir", 10, 800, 18, 40},
       {"Kurir", 10, 50, 18, 40});
OCCSET(occ_tutor, {"Pengajar", 55, 600, 20, 50}, {"Instruktur", 20, 400, 22, 50},
       {"Staf administrasi", 20, 600, 20, 50}, {"Petugas kebersihan", 5, 400, 0, 0});
OCCSET(occ_gov_office, {"Staf administrasi", 40, 550, 20, 55}, {"Tenaga honorer", 15, 500, 20, 50},
       {"Pengemudi", 10, 0, 25, 56}, {"Petugas kebersihan", 12, 400, 0, 0},
       {"Satpam", 8, 0, 22, 55}, {"Pramu kantor", 10, 400, 0, 0},
       {"Operator komputer", 5, 600, 20, 45});
OCCSET(occ_gov_edu, {"Guru honorer", 55, 650, 22, 50}, {"Tenaga kependidikan", 15, 550, 22, 55},
       {"Penjaga sekolah", 10, 0, 25, 58}, {"Staf administrasi", 15, 600, 20, 55},
       {"Pustakawan honorer", 5, 700, 22, 50});
OCCSET(occ_gov_health, {"Tenaga kesehatan", 20, 700, 22, 50}, {"Perawat", 25, 750, 22, 50},
       {"Bidan", 12, 1000, 22, 50}, {"Staf administrasi", 15, 600, 20, 55},
       {"Petugas kebersihan", 10, 400, 0, 0}, {"Satpam", 6, 0, 22, 55},
       {"Pengemudi ambulans", 4, 0, 25, 56}, {"Tenaga farmasi", 4, 750, 22, 50});
OCCSET(occ_gov_env, {"Petugas kebersihan", 45, 350, 0, 0}, {"Sopir truk sampah", 20, 0, 25, 56},
       {"Petugas taman", 15, 200, 0, 0}, {"Staf administrasi", 10, 600, 20, 55},
       {"Petugas TPA", 10, 100, 20, 56});
OCCSET(occ_gov_order, {"Anggota Satpol PP non-ASN", 50, 150, 20, 50},
       {"Petugas pemadam kebakaran", 30, 30, 20, 50}, {"Staf administrasi", 10, 500, 20, 55},
       {"Pengemudi", 10, 0, 25, 56});
OCCSET(occ_gov_trade, {"Petugas pemungut retribusi pasar", 40, 300, 22, 56},
       {"Petugas kebersihan pasar", 25, 400, 0, 0}, {"Staf administrasi", 20, 600, 20, 55},
       {"Petugas keamanan pasar", 15, 0, 22, 56});
OCCSET(occ_gov_transport, {"Juru parkir", 40, 50, 20, 58},
       {"Petugas Dishub non-ASN", 30, 100, 20, 50},
       {"Staf administrasi", 15, 600, 20, 55}, {"Pengemudi", 15, 0, 25, 56});
OCCSET(occ_gov_works, {"Petugas pemeliharaan jalan", 35, 20, 20, 56},
       {"Petugas drainase", 20, 20, 20, 56},
       {"Staf administrasi", 25, 550, 20, 55}, {"Pengemudi", 10, 0, 25, 56},
       {"Operator alat berat", 10, 0, 22, 55});
OCCSET(occ_gov_kel, {"Staf kelurahan", 45, 500, 20, 55}, {"Linmas", 25, 50, 20, 58},
       {"Petugas kebersihan", 15, 400, 0, 0}, {"Pramu kantor", 15, 400, 0, 0});
OCCSET(occ_gov_desa, {"Perangkat desa", 50, 300, 25, 58}, {"Kepala dusun", 15, 100, 30, 58},
       {"Staf administrasi desa", 20, 600, 20, 50}, {"Linmas", 15, 50, 20, 58});
OCCSET(occ_rel_school, {"Guru", 55, 650, 22, 58}, {"Guru tidak tetap", 10, 650, 22, 45},
       {"Tenaga kependidikan", 15, 550, 22, 55}, {"Staf tata usaha", 10, 600, 20, 55},
       {"Penjaga sekolah", 5, 0, 25, 58}, {"Petugas kebersihan", 5, 400, 0, 0});
OCCSET(occ_rel_social, {"Pengasuh panti", 40, 600, 22, 58}, {"Staf administrasi", 30, 600, 20, 55},
       {"Amil zakat", 20, 400, 22, 58}, {"Juru masak", 10, 800, 25, 58});
OCCSET(occ_univ, {"Dosen", 35, 500, 26, 58}, {"Tenaga kependidikan", 35, 550, 22, 55},
       {"Staf administrasi", 15, 600, 20, 55}, {"Satpam", 8, 0, 22, 55},
       {"Petugas kebersihan", 7, 400, 0, 0});
OCCSET(occ_market, {"Petugas pemungut retribusi pasar", 30, 300, 22, 58},
       {"Petugas kebersihan pasar", 30, 400, 0, 0}, {"Petugas keamanan pasar", 25, 0, 22, 58},
       {"Staf administrasi", 10, 600, 20, 55}, {"Juru parkir", 5, 0, 20, 58});
OCCSET(occ_coop_batik, {"Staf administrasi", 25, 600, 20, 55}, {"Pramuniaga", 25, 700, 18, 40},
       {"Staf gudang", 20, 100, 0, 0}, {"Pembatik", 20, 750, 18, 60}, {"Kasir", 10, 800, 18, 40});
OCCSET(occ_coop_fish, {"Petugas tempat pelelangan ikan", 30, 300, 20, 56},
       {"Juru lelang ikan", 15, 200, 25, 58}, {"Staf administrasi", 25, 600, 20, 55},
       {"Buruh bongkar muat ikan", 20, 50, 18, 55}, {"Kasir", 10, 800, 18, 40});
OCCSET(occ_jakon, {"Buruh bangunan", 45, 20, 18, 55}, {"Tukang batu", 20, 0, 20, 58},
       {"Tukang kayu", 12, 0, 20, 58}, {"Tukang besi", 10, 0, 20, 55},
       {"Mandor", 5, 0, 28, 58}, {"Operator alat berat", 3, 0, 22, 55},
       {"Pelaksana lapangan", 5, 50, 22, 55});
/* BPU */
OCCSET(occ_nelayan, {"Nelayan", 80, 20, 18, 60}, {"Buruh nelayan", 20, 30, 18, 55});
OCCSET(occ_pedagang, {"Pedagang pasar", 50, 600, 20, 60}, {"Pedagang kaki lima", 25, 450, 18, 60},
       {"Pedagang sayur keliling", 10, 600, 20, 60}, {"Pedagang ikan", 15, 550, 20, 60});
OCCSET(occ_ojol, {"Pengemudi ojek online", 85, 60, 19, 50}, {"Kurir online", 15, 150, 19, 45});
OCCSET(occ_pembatik, {"Pembatik rumahan", 70, 850, 18, 60}, {"Penjahit rumahan", 20, 800, 18, 60},
       {"Tukang cap batik", 10, 150, 20, 58});
OCCSET(occ_religious, {"Marbot masjid", 30, 0, 25, 60}, {"Guru ngaji", 25, 550, 25, 60},
       {"Imam masjid", 10, 0, 35, 60}, {"Lebe", 20, 0, 35, 60},
       {"Pengurus musala", 15, 200, 25, 60});

/* ---- vocabulary: employers ---- */

enum sector_id {
	SEC_BATIK,
	SEC_GARMENT,
	SEC_TEXTILE_TRADE,
	SEC_FISH_PROC,
	SEC_FISHING,
	SEC_RETAIL,
	SEC_FOOD,
	SEC_HOTEL,
	SEC_CONSTRUCTION,
	SEC_TRANSPORT,
	SEC_FINANCE,
	SEC_WORKSHOP,
	SEC_CLINIC,
	SEC_PERSONAL,
	SEC_TUTOR,
	SEC_GOV,
	SEC_RELIGIOUS,
	SEC_MARKET,
	SEC_COOP,
	SEC_COUNT
};

/*
 * A name pattern with the KBLI 2020 code and JKK risk group that go with it.
 * %W business word (distinct within a name), %A Arabic-style word, %M male
 * first name, %P female first name, %T town, %R regency, %V village, %N number.
 */
struct name_pat {
	const char *fmt;
	const char *kbli;
	uint8_t risk_lo, risk_hi;
	uint8_t weight;
	uint8_t hot;               /* 0: the sector's */
	const struct occset *occ;  /* NULL: the sector's */
	uint8_t max_scale;         /* 0: any; a warung is never large */
};

static const struct name_pat pat_batik[] = {
	{"Batik %W", "13134", 2, 3, 20, 0, NULL, 0},
	{"Batik %W %W", "13134", 2, 3, 15, 0, NULL, 0},
	{"Batik Tulis %W", "13134", 2, 3, 10, 0, NULL, 0},
	{"Batik Cap %W", "13134", 3, 3, 8, 0, NULL, 0},
	{"Rumah Batik %W", "13134", 2, 2, 6, 0, NULL, SCALE_MEDIUM},
	{"Batik Tulis Bu %P", "13134", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"Batik Pak %M", "13134", 2, 3, 6, 0, NULL, SCALE_MEDIUM},
	{"UD Batik %W", "13134", 2, 3, 8, 0, NULL, 0},
	{"CV Batik %W %W", "13134", 3, 3, 6, 0, NULL, 0},
	{"Batik Printing %W", "13133", 3, 3, 4, 0, NULL, 0},
	{"Celup Kain %W", "13132", 3, 3, 3, 0, NULL, 0},
};
static const struct name_pat pat_garment[] = {
	{"Konveksi %W", "14111", 2, 3, 20, 0, NULL, 0},
	{"Konveksi %W %W", "14111", 2, 3, 10, 0, NULL, 0},
	{"CV %W Garment", "14111", 2, 3, 8, 0, NULL, 0},
	{"PT %W %W Garmindo", "14111", 2, 3, 4, 0, NULL, 0},
	{"Penjahit %M", "14120", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"Konveksi Bu %P", "14111", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"CV %W Busana", "14111", 2, 3, 6, 0, NULL, 0},
	{"Sarung Tenun %W", "13121", 3, 3, 5, 0, NULL, 0},
};
static const struct name_pat pat_textile[] = {
	{"Toko Batik %W", "47711", 2, 2, 20, 0, NULL, 0},
	{"Grosir Batik %W %W", "46411", 2, 2, 10, 0, NULL, 0},
	{"Toko Kain %W", "47511", 2, 2, 10, 0, NULL, SCALE_MEDIUM},
	{"UD %W Tekstil", "46411", 2, 2, 8, 0, NULL, 0},
	{"CV %W Tekstil", "46411", 2, 2, 5, 0, NULL, 0},
	{"Batik %W Online", "47912", 2, 2, 5, 0, NULL, SCALE_SMALL},
};
static const struct name_pat pat_fishproc[] = {
	{"UD %W Ikan Asin", "10211", 3, 3, 10, 0, NULL, 0},
	{"Pengasapan Ikan %M", "10212", 3, 3, 8, 0, NULL, SCALE_SMALL},
	{"CV %W Mina", "10213", 3, 4, 6, 0, NULL, 0},
	{"PT %W Bahari", "10213", 3, 4, 4, 0, NULL, 0},
	{"UD Pindang %W", "10214", 3, 3, 8, 0, NULL, SCALE_MEDIUM},
	{"CV %W Samudra", "10219", 3, 3, 5, 0, NULL, 0},
	{"Kerupuk Ikan %W", "10794", 2, 3, 5, 0, NULL, SCALE_MEDIUM},
};
static const struct name_pat pat_fishing[] = {
	{"UD %W Bahari", "03111", 4, 5, 10, 0, NULL, 0},
	{"CV %W Samudra", "03111", 4, 5, 8, 0, NULL, 0},
	{"PT Perikanan %W %W", "03111", 4, 5, 5, 0, NULL, 0},
	{"CV Kapal %W", "03112", 4, 5, 5, 0, NULL, 0},
};
static const struct name_pat pat_retail[] = {
	{"Toko %W", "47191", 2, 2, 20, 0, NULL, SCALE_MEDIUM},
	{"Toko %W %W", "47191", 2, 2, 10, 0, NULL, 0},
	{"Toko Bangunan %W", "47528", 2, 2, 10, 0, NULL, SCALE_MEDIUM},
	{"Toko Kelontong %M", "47111", 2, 2, 10, 0, NULL, SCALE_SMALL},
	{"Minimarket %W", "47111", 2, 2, 8, 0, NULL, 0},
	{"Toko Emas %W", "47735", 2, 2, 5, 0, NULL, SCALE_MEDIUM},
	{"Apotek %W", "47721", 1, 2, 6, 0, NULL, SCALE_SMALL},
	{"Toko Elektronik %W", "47420", 2, 2, 4, 0, NULL, SCALE_MEDIUM},
	{"Toko Plastik %W", "47737", 2, 2, 4, 0, NULL, SCALE_SMALL},
	{"Toko Sembako Bu %P", "47111", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"Dealer Motor %W", "45403", 2, 2, 3, HOT_URBAN, NULL, 0},
	{"Toko Seluler %W", "47414", 2, 2, 5, 0, NULL, SCALE_SMALL},
};
static const struct name_pat pat_food[] = {
	{"Rumah Makan %W", "56101", 2, 2, 12, 0, NULL, SCALE_MEDIUM},
	{"Warung Soto Tauto %M", "56102", 2, 2, 10, 0, NULL, SCALE_SMALL},
	{"Nasi Megono Bu %P", "56102", 2, 2, 8, 0, NULL, SCALE_SMALL},
	{"Garang Asem %W", "56102", 2, 2, 5, 0, NULL, SCALE_SMALL},
	{"Kopi Tahlil %W", "56103", 2, 2, 4, 0, NULL, SCALE_SMALL},
	{"Roti %W", "10710", 2, 2, 6, 0, NULL, SCALE_MEDIUM},
	{"Kerupuk %W", "10794", 2, 3, 6, 0, NULL, 0},
	{"Katering Bu %P", "56210", 2, 2, 5, 0, NULL, SCALE_SMALL},
	{"Warung Makan Bu %P", "56102", 2, 2, 10, 0, NULL, SCALE_SMALL},
	{"Kue Basah %W", "10792", 2, 2, 4, 0, NULL, SCALE_SMALL},
};
static const struct name_pat pat_hotel[] = {
	{"Hotel %W", "55120", 2, 2, 10, 0, NULL, 0},
	{"Hotel %W Syariah", "55120", 2, 2, 6, 0, NULL, SCALE_MEDIUM},
	{"Hotel %W %W", "55110", 2, 2, 4, 0, NULL, 0},
	{"Penginapan %W", "55130", 2, 2, 5, 0, NULL, SCALE_SMALL},
	{"Wisma %W", "55199", 2, 2, 4, 0, NULL, SCALE_SMALL},
};
static const struct name_pat pat_construction[] = {
	{"CV %W Konstruksi", "41011", 4, 4, 15, 0, NULL, 0},
	{"CV %W %W Konstruksi", "41012", 4, 4, 8, 0, NULL, 0},
	{"PT %W Karya", "41016", 4, 4, 10, 0, NULL, 0},
	{"PT %W Karya Utama", "42101", 4, 4, 6, 0, NULL, 0},
	{"PT %W %W Karya", "42201", 4, 4, 5, 0, NULL, 0},
	{"CV %W Bangun", "41011", 4, 4, 8, 0, NULL, 0},
	{"CV %W Interior", "43302", 4, 4, 4, 0, NULL, SCALE_SMALL},
	{"CV %W Teknik", "42209", 4, 4, 4, 0, NULL, 0},
};
static const struct name_pat pat_transport[] = {
	{"CV %W Trans", "49431", 4, 4, 10, 0, NULL, 0},
	{"PT %W Logistik", "52291", 3, 4, 5, 0, NULL, 0},
	{"Ekspedisi %W", "53201", 3, 4, 8, 0, NULL, SCALE_MEDIUM},
	{"PO %W", "49213", 4, 4, 4, 0, NULL, 0},
	{"CV %W Transport", "49229", 4, 4, 5, 0, NULL, 0},
};
static const struct name_pat pat_finance[] = {
	{"PT BPR %W %W", "64131", 1, 1, 10, HOT_URBAN, NULL, 0},
	{"PT BPR Syariah %W", "64132", 1, 1, 6, HOT_URBAN, NULL, 0},
	{"PT BPR %W", "64131", 1, 1, 6, HOT_URBAN, NULL, 0},
};
static const struct name_pat pat_workshop[] = {
	{"Bengkel %W Motor", "45407", 2, 3, 15, 0, NULL, SCALE_SMALL},
	{"Bengkel %M", "45407", 2, 3, 10, 0, NULL, SCALE_SMALL},
	{"Bengkel Las %W", "25119", 3, 3, 6, 0, NULL, SCALE_SMALL},
	{"Bengkel Mobil %W", "45201", 2, 3, 6, 0, NULL, SCALE_MEDIUM},
	{"Cuci Motor %W", "45202", 2, 2, 4, 0, NULL, SCALE_MICRO},
};
static const struct name_pat pat_clinic[] = {
	{"Klinik Pratama %W", "86105", 2, 2, 10, HOT_URBAN, NULL, SCALE_MEDIUM},
	{"Klinik %W Medika", "86105", 2, 2, 8, HOT_URBAN, NULL, SCALE_MEDIUM},
	{"Klinik Bersalin %W", "86105", 2, 2, 5, 0, NULL, SCALE_SMALL},
	{"Laboratorium Klinik %W", "86903", 2, 2, 3, HOT_URBAN, NULL, SCALE_SMALL},
	{"Praktik Dokter Gigi %M", "86203", 1, 2, 3, HOT_URBAN, NULL, SCALE_MICRO},
};
static const struct name_pat pat_personal[] = {
	{"Salon %P", "96112", 1, 2, 10, 0, NULL, SCALE_SMALL},
	{"Laundry %W", "96200", 2, 2, 10, 0, NULL, SCALE_SMALL},
	{"Pangkas Rambut %W", "96111", 1, 2, 6, 0, NULL, SCALE_MICRO},
	{"Penatu %W", "96200", 2, 2, 4, 0, NULL, SCALE_SMALL},
};
static const struct name_pat pat_tutor[] = {
	{"Bimbel %W", "85495", 1, 1, 10, HOT_URBAN, NULL, SCALE_SMALL},
	{"Lembaga Kursus %W", "85499", 1, 1, 5, 0, NULL, SCALE_SMALL},
	{"LPK %W", "85498", 1, 1, 5, 0, NULL, SCALE_SMALL},
	{"Kursus Komputer %W", "85492", 1, 1, 4, HOT_URBAN, NULL, SCALE_SMALL},
};
static const struct name_pat pat_coop[] = {
	{"Koperasi Batik %W", "46411", 2, 2, 10, HOT_BATIK, &occ_coop_batik, 0},
	{"Koperasi Pengrajin Batik %W %W", "46411", 2, 2, 5, HOT_BATIK, &occ_coop_batik, 0},
	{"KUD Mina %W", "46206", 2, 3, 8, HOT_COAST, &occ_coop_fish, 0},
	{"KUD Mina %W %W", "46206", 2, 3, 4, HOT_COAST, &occ_coop_fish, 0},
	{"KSP %W %W", "64141", 1, 1, 10, 0, &occ_finance, 0},
	{"KSPPS BMT %W", "64145", 1, 1, 8, 0, &occ_finance, 0},
	{"Koperasi Karyawan %W", "64142", 1, 1, 3, 0, &occ_finance, SCALE_SMALL},
	{"Koperasi Pedagang Pasar %W", "64141", 1, 1, 4, HOT_URBAN, &occ_finance, 0},
};

#define PATS(a) a, ARRAY_SIZE(a)

static const struct sector {
	const char *key;
	enum employer_kind kind;
	int share;          /* per mille of employers */
	int scale_pm[4];    /* micro, small, medium, large */
	const struct name_pat *pats;
	size_t npats;
	const struct occset *occ;
	int hot;
	int nib_pm;         /* has an NIB (OSS licence) */
	int under_pm;       /* reports wages below the UMK */
	int fewer_pm;       /* enrols fewer programs than its size requires */
	int wage_up_pm;     /* workers paid clearly above the UMK */
} sectors[SEC_COUNT] = {
	[SEC_BATIK] = {"batik", EKIND_COMPANY, 230, {750, 200, 45, 5}, PATS(pat_batik),
		       &occ_batik, HOT_BATIK, 800, 200, 200, 100},
	[SEC_GARMENT] = {"garment", EKIND_COMPANY, 70, {550, 300, 120, 30}, PATS(pat_garment),
			 &occ_garment, HOT_BATIK, 850, 150, 180, 100},
	[SEC_TEXTILE_TRADE] = {"textile", EKIND_COMPANY, 70, {700, 250, 45, 5}, PATS(pat_textile),
			       &occ_shop, HOT_BATIK, 850, 120, 180, 150},
	[SEC_FISH_PROC] = {"fishproc", EKIND_COMPANY, 40, {500, 350, 130, 20},
			   PATS(pat_fishproc), &occ_fishproc, HOT_COAST, 800, 200, 200, 80},
	[SEC_FISHING] = {"fishing", EKIND_COMPANY, 20, {400, 450, 140, 10}, PATS(pat_fishing),
			 &occ_fishing, HOT_COAST, 750, 150, 200, 250},
	[SEC_RETAIL] = {"retail", EKIND_COMPANY, 150, {800, 170, 27, 3}, PATS(pat_retail),
			&occ_shop, HOT_NONE, 850, 150, 180, 120},
	[SEC_FOOD] = {"food", EKIND_COMPANY, 90, {750, 220, 28, 2}, PATS(pat_food), &occ_food,
		      HOT_NONE, 800, 200, 180, 80},
	[SEC_HOTEL] = {"hotel", EKIND_COMPANY, 15, {200, 500, 250, 50}, PATS(pat_hotel),
		       &occ_hotel, HOT_URBAN, 950, 80, 150, 250},
	[SEC_CONSTRUCTION] = {"construction", EKIND_COMPANY, 70, {300, 500, 180, 20},
			      PATS(pat_construction), &occ_construction_staff, HOT_URBAN, 950,
			      100, 180, 350},
	[SEC_TRANSPORT] = {"transport", EKIND_COMPANY, 30, {600, 300, 90, 10},
			   PATS(pat_transport), &occ_transport, HOT_URBAN, 900, 120, 180, 200},
	[SEC_FINANCE] = {"finance", EKIND_COMPANY, 10, {100, 550, 300, 50}, PATS(pat_finance),
			 &occ_finance, HOT_URBAN, 1000, 20, 60, 600},
	[SEC_WORKSHOP] = {"workshop", EKIND_COMPANY, 35, {850, 140, 10, 0}, PATS(pat_workshop),
			  &occ_workshop, HOT_NONE, 750, 150, 180, 150},
	[SEC_CLINIC] = {"clinic", EKIND_COMPANY, 15, {300, 550, 140, 10}, PATS(pat_clinic),
			&occ_clinic, HOT_URBAN, 950, 60, 120, 450},
	[SEC_PERSONAL] = {"personal", EKIND_COMPANY, 20, {900, 100, 0, 0}, PATS(pat_personal),
			  &occ_personal, HOT_URBAN, 700, 200, 150, 80},
	[SEC_TUTOR] = {"tutor", EKIND_COMPANY, 10, {700, 280, 20, 0}, PATS(pat_tutor),
		       &occ_tutor, HOT_URBAN, 800, 150, 150, 200},
	[SEC_GOV] = {"gov", EKIND_GOVERNMENT_OFFICE, 30, {0}, NULL, 0, &occ_gov_office, HOT_NONE,
		     0, 350, 600, 150},
	[SEC_RELIGIOUS] = {"religious", EKIND_RELIGIOUS_UNIT, 50, {0}, NULL, 0, &occ_rel_school,
			   HOT_NONE, 300, 250, 150, 300},
	[SEC_MARKET] = {"market", EKIND_MARKET, 15, {0}, NULL, 0, &occ_market, HOT_URBAN, 0, 200,
			300, 100},
	[SEC_COOP] = {"coop", EKIND_COOPERATIVE, 30, {650, 300, 50, 0}, PATS(pat_coop),
		      &occ_finance, HOT_NONE, 700, 100, 200, 250},
};

/* Government offices (OPD), the big employers of contract workers first. */
static const struct gov_tpl {
	const char *fmt;
	const char *kbli;
	uint8_t risk, scale;
	const struct occset *occ;
} opd_tpls[] = {
	{"Dinas Pendidikan %R", "84121", 1, SCALE_LARGE, &occ_gov_edu},
	{"Dinas Kesehatan %R", "84122", 1, SCALE_MEDIUM, &occ_gov_health},
	{"Dinas Lingkungan Hidup %R", "84127", 2, SCALE_LARGE, &occ_gov_env},
	{"Satuan Polisi Pamong Praja %R", "84119", 2, SCALE_MEDIUM, &occ_gov_order},
	{"Dinas Perhubungan %R", "84119", 2, SCALE_MEDIUM, &occ_gov_transport},
	{"Dinas Perdagangan, Koperasi dan UKM %R", "84119", 1, SCALE_MEDIUM, &occ_gov_trade},
	{"Dinas Pekerjaan Umum dan Penataan Ruang %R", "84119", 3, SCALE_MEDIUM, &occ_gov_works},
	{"Sekretariat Daerah %R", "84112", 1, SCALE_MEDIUM, &occ_gov_office},
	{"Dinas Sosial %R", "84124", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Perindustrian dan Tenaga Kerja %R", "84119", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Kependudukan dan Pencatatan Sipil %R", "84119", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Penanaman Modal dan PTSP %R", "84119", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Komunikasi dan Informatika %R", "84119", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Kelautan dan Perikanan %R", "84119", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Pertanian dan Pangan %R", "84119", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Pariwisata, Kepemudaan dan Olahraga %R", "84126", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Perumahan dan Kawasan Permukiman %R", "84123", 1, SCALE_SMALL, &occ_gov_office},
	{"Dinas Perpustakaan dan Kearsipan %R", "84126", 1, SCALE_SMALL, &occ_gov_office},
	{"Badan Perencanaan Pembangunan Daerah %R", "84114", 1, SCALE_SMALL, &occ_gov_office},
	{"Badan Keuangan Daerah %R", "84113", 1, SCALE_SMALL, &occ_gov_office},
	{"Badan Kepegawaian dan Pengembangan SDM %R", "84119", 1, SCALE_SMALL, &occ_gov_office},
	{"Badan Penanggulangan Bencana Daerah %R", "84234", 2, SCALE_SMALL, &occ_gov_office},
	{"Badan Kesatuan Bangsa dan Politik %R", "84119", 1, SCALE_MICRO, &occ_gov_office},
	{"Inspektorat %R", "84119", 1, SCALE_SMALL, &occ_gov_office},
	{"Sekretariat DPRD %R", "84111", 1, SCALE_SMALL, &occ_gov_office},
};

/* The regency hospital of each regency (index = REG_*). */
static const struct {
	const char *name;
	const char *village; /* or a district code */
} regency_hospitals[REG_COUNT] = {
	{"RSUD Bendan Kota Pekalongan", "33.75.01.1006"},
	{"RSUD Kajen", "33.26.08"},
	{"RSUD Batang", "33.25.11"},
	{"RSUD dr. M. Ashari Pemalang", "33.27.08"},
};

/* Markets by name, with the district they stand in. */
static const struct {
	const char *name;
	const char *district;
} market_names[] = {
	{"Pasar Banjarsari", "33.75.02"},  {"Pasar Grogolan", "33.75.03"},
	{"Pasar Kraton", "33.75.03"},      {"Pasar Sugihwaras", "33.75.02"},
	{"Pasar Podosugih", "33.75.01"},   {"Pasar Bandengan", "33.75.03"},
	{"Pasar Medono", "33.75.01"},      {"Pasar Poncol", "33.75.02"},
	{"Pasar Anyar", "33.75.02"},       {"Pasar Sorogenen", "33.75.02"},
	{"Pasar Grosir Setono", "33.75.02"}, {"Pasar Kuripan", "33.75.04"},
	{"Pasar Buaran", "33.75.04"},      {"Pasar Kajen", "33.26.08"},
	{"Pasar Wiradesa", "33.26.16"},    {"Pasar Kedungwuni", "33.26.13"},
	{"Pasar Bligo", "33.26.14"},       {"Pasar Doro", "33.26.06"},
	{"Pasar Kesesi", "33.26.09"},      {"Pasar Sragi", "33.26.10"},
	{"Pasar Bojong", "33.26.11"},      {"Pasar Karanganyar", "33.26.07"},
	{"Pasar Wonopringgo", "33.26.12"}, {"Pasar Batang", "33.25.11"},
	{"Pasar Limpung", "33.25.08"},     {"Pasar Bandar", "33.25.02"},
	{"Pasar Subah", "33.25.09"},       {"Pasar Tulis", "33.25.10"},
	{"Pasar Gringsing", "33.25.07"},   {"Pasar Pagi Pemalang", "33.27.08"},
	{"Pasar Comal", "33.27.12"},       {"Pasar Randudongkal", "33.27.07"},
	{"Pasar Moga", "33.27.01"},        {"Pasar Petarukan", "33.27.10"},
	{"Pasar Belik", "33.27.03"},       {"Pasar Taman", "33.27.09"},
};

/* Amal usaha of Muhammadiyah and NU; numbered ones repeat per town. */
static const struct rel_tpl {
	const char *fmt;
	const char *kbli;
	uint8_t risk, scale_lo, scale_hi;
	const struct occset *occ;
	uint8_t weight;
	bool numbered;
} rel_tpls[] = {
	{"SD Muhammadiyah %N %T", "85121", 1, SCALE_SMALL, SCALE_SMALL, &occ_rel_school, 18, true},
	{"SMP Muhammadiyah %N %T", "85122", 1, SCALE_SMALL, SCALE_SMALL, &occ_rel_school, 9, true},
	{"SMA Muhammadiyah %N %T", "85220", 1, SCALE_SMALL, SCALE_MEDIUM, &occ_rel_school, 3, true},
	{"SMK Muhammadiyah %N %T", "85220", 1, SCALE_SMALL, SCALE_MEDIUM, &occ_rel_school, 4, true},
	{"TK Aisyiyah Bustanul Athfal %N %T", "85132", 1, SCALE_MICRO, SCALE_MICRO,
	 &occ_rel_school, 14, true},
	{"Klinik PKU Muhammadiyah %T", "86105", 2, SCALE_SMALL, SCALE_MEDIUM, &occ_clinic, 3,
	 false},
	{"Panti Asuhan Muhammadiyah %T", "87902", 1, SCALE_MICRO, SCALE_SMALL, &occ_rel_social, 2,
	 false},
	{"BTM Muhammadiyah %T", "64145", 1, SCALE_MICRO, SCALE_SMALL, &occ_finance, 2, false},
	{"MI Ma'arif NU %N %T", "85121", 1, SCALE_MICRO, SCALE_SMALL, &occ_rel_school, 14, true},
	{"MTs Ma'arif NU %N %T", "85122", 1, SCALE_SMALL, SCALE_SMALL, &occ_rel_school, 7, true},
	{"SMK Ma'arif NU %N %T", "85220", 1, SCALE_SMALL, SCALE_MEDIUM, &occ_rel_school, 3, true},
	{"RA Muslimat NU %N %T", "85132", 1, SCALE_MICRO, SCALE_MICRO, &occ_rel_school, 10, true},
	{"Klinik Pratama NU %T", "86105", 2, SCALE_SMALL, SCALE_SMALL, &occ_clinic, 2, false},
	{"Pondok Pesantren %A %T", "85499", 1, SCALE_MICRO, SCALE_SMALL, &occ_rel_school, 6,
	 false},
};
#define REL_NUMBER_CAP 15 /* beyond this a town's numbering looks made up */

/* Single units written first, whatever the scale. */
static const struct {
	const char *name;
	const char *village;
	const char *kbli;
	uint8_t risk, scale;
	const struct occset *occ;
} rel_specials[] = {
	{"RS PKU Muhammadiyah Pekajangan", "33.26.13.1013", "86103", 2, SCALE_LARGE, &occ_clinic},
	{"Universitas Muhammadiyah Pekajangan Pekalongan", "33.26.13.1013", "85321", 1,
	 SCALE_MEDIUM, &occ_univ},
};

/* ---- vocabulary: words and names ---- */

static const char *const biz_words[] = {
	"Sejahtera", "Makmur",   "Jaya",     "Abadi",     "Mulya",     "Sentosa",  "Berkah",
	"Barokah",   "Rejeki",   "Maju",     "Mandiri",   "Sinar",     "Cahaya",   "Mitra",
	"Karya",     "Bina",     "Putra",    "Putri",     "Sari",      "Indah",    "Agung",
	"Utama",     "Lestari",  "Rahayu",   "Sehati",    "Amanah",    "Nusantara", "Bahari",
	"Samudra",   "Pesisir",  "Kencana",  "Mekar",     "Mustika",   "Permata",  "Harapan",
	"Bintang",   "Mentari",  "Surya",    "Pelangi",   "Anugrah",   "Rizki",    "Fajar",
	"Gemilang",  "Santosa",  "Langgeng", "Tunggal",   "Sekar",     "Jagad",    "Larasati",
	"Pesona",    "Sido Mukti", "Sido Luhur", "Jlamprang", "Buketan", "Truntum", "Kawung",
	"Parang",    "Sekar Jagad", "Tiga Negeri", "Mega Mendung", "Puspa", "Wijaya", "Kartika",
	"Setia",     "Budi",     "Luhur",    "Sumber",    "Murni",     "Kurnia",   "Dian",
	"Arta",      "Graha",    "Prima",    "Tama",      "Cipta",     "Asri",     "Alam",
	"Samudera",  "Mina",     "Lancar",   "Sukses",    "Kharisma",  "Insani",   "Madani",
};

static const char *const arabic_words[] = {
	"Al-Hikmah", "Darul Ulum", "Al-Ikhlas", "Salafiyah", "Nurul Huda", "Miftahul Huda",
	"Al-Falah", "Darussalam", "Al-Hidayah", "Al-Anwar", "Manbaul Ulum", "Nurul Islam",
	"Al-Mubarok", "Darul Falah", "Hidayatul Mubtadiin", "Roudlotul Quran", "Al-Munawwir",
	"Raudlatul Muta'allimin", "Al-Fatah", "Baitul Hikmah",
};

static const char *const male_first[] = {
	"Slamet",   "Agus",     "Budi",     "Eko",      "Joko",     "Bambang",  "Sugeng",
	"Heru",     "Hadi",     "Tri",      "Dwi",      "Wahyu",    "Yusuf",    "Rizki",
	"Fajar",    "Arif",     "Andi",     "Dedi",     "Didik",    "Hendra",   "Iwan",
	"Rahmat",   "Rudi",     "Sutrisno", "Supriyadi", "Sunarto", "Suparman", "Sukirno",
	"Suyatno",  "Tarmuji",  "Waluyo",   "Yanto",    "Zainal",   "Abdul",    "Ali",
	"Anwar",    "Ari",      "Aris",     "Bayu",     "Dimas",    "Danang",   "Dani",
	"Edi",      "Fauzan",   "Fikri",    "Gilang",   "Hafiz",    "Hasan",    "Husein",
	"Ilham",    "Imam",     "Irfan",    "Jamal",    "Khoirul",  "Lukman",   "Mahmud",
	"Mukhlis",  "Nanang",   "Nasrul",   "Purnomo",  "Priyo",    "Qomarudin", "Ridwan",
	"Rohman",   "Saiful",   "Samsul",   "Sarif",    "Solikhin", "Subur",    "Sugiarto",
	"Sulaiman", "Taufik",   "Teguh",    "Umar",     "Wawan",    "Yoga",     "Yudi",
	"Zaenal",   "Adi",      "Aji",      "Bagus",    "Catur",    "Darto",    "Daryono",
	"Fadli",    "Ghofur",   "Hartono",  "Imron",    "Jumadi",   "Kasmuri",  "Kusnadi",
	"Lutfi",    "Maryono",  "Mujiono",  "Muslih",   "Casmadi",  "Carsono",  "Darsono",
	"Warsono",  "Tarsono",  "Kasdi",    "Rasmono",  "Sodikin",  "Mustakim", "Nur",
	"Rofiq",    "Syaiful",  "Toha",     "Wahid",    "Zaki",     "Alfian",   "Bima",
	"Dicky",    "Galih",    "Krisna",   "Reza",     "Rendi",    "Satria",   "Tegar",
	"Yogi",     "Akbar",    "Farhan",   "Hanif",    "Naufal",
};

static const char *const male_second[] = {
	"Riyadi",   "Santoso",  "Prasetyo", "Hidayat",  "Saputra",  "Nugroho",  "Setiawan",
	"Wibowo",   "Susanto",  "Purnomo",  "Hartono",  "Kurniawan", "Firmansyah", "Ramadhan",
	"Pratama",  "Maulana",  "Hakim",    "Syahputra", "Wijaya",  "Gunawan",  "Hermawan",
	"Sulistyo", "Utomo",    "Yulianto", "Priyanto", "Suryanto", "Haryanto", "Mulyono",
	"Wahyudi",  "Fauzi",    "Rahman",   "Hamzah",   "Ismail",   "Mustofa",  "Nurhadi",
	"Anshori",  "Arifin",   "Baihaqi",  "Fadilah",  "Habibi",   "Iskandar", "Kholil",
	"Mahfud",   "Muttaqin", "Rosyid",   "Shodiq",   "Sobirin",  "Zuhdi",    "Abdullah",
	"Ashari",   "Bahtiar",  "Efendi",   "Faisal",   "Junaedi",  "Khoiri",   "Misbah",
	"Rifai",    "Sahroni",  "Syaifullah", "Wahid",  "Yusuf",    "Zulfikar", "Aditya",
	"Budiman",  "Darmawan", "Hidayatullah", "Irawan", "Kusuma", "Nugraha",  "Permana",
	"Rachmadi", "Saifudin", "Triyono",  "Widodo",   "Yulianto", "Zakaria",  "Hasanudin",
	"Mubarok",  "Nasrullah", "Rofiudin", "Ubaidillah",
};

static const char *const female_first[] = {
	"Sri",      "Dewi",     "Nur",      "Ani",      "Eni",      "Endang",   "Sumarni",
	"Suminah",  "Sutini",   "Wartini",  "Kartini",  "Rina",     "Ratna",    "Yuni",
	"Fitri",    "Nurul",    "Aminah",   "Fatimah",  "Khotimah", "Maesaroh", "Munawaroh",
	"Umi",      "Ulfa",     "Laila",    "Lina",     "Lia",      "Mega",     "Nining",
	"Puji",     "Rini",     "Rita",     "Tutik",    "Yanti",    "Yulia",    "Zahra",
	"Aisyah",   "Anisa",    "Dian",     "Dina",     "Eka",      "Evi",      "Fika",
	"Hana",     "Indah",    "Intan",    "Kurnia",   "Maya",     "Novi",     "Putri",
	"Rizka",    "Salma",    "Tika",     "Vina",     "Wulan",    "Yeni",     "Zulaikha",
	"Nafisah",  "Muslimah", "Khusnul",  "Rohmah",   "Sholikhah", "Mahmudah", "Nikmah",
	"Istiqomah", "Mardiyah", "Daryati", "Suwarni",  "Tarsini",  "Casmini",  "Darsini",
	"Warsini",  "Rasini",   "Tasripah", "Kasminah", "Sumiyati", "Juariyah", "Komariyah",
	"Nurhayati", "Siska",   "Ayu",      "Bella",    "Citra",    "Della",    "Elsa",
	"Febri",    "Hesti",    "Ika",      "Jihan",    "Kiki",     "Lulu",     "Nadia",
	"Okta",     "Reni",     "Sinta",    "Tia",      "Vivi",     "Winda",    "Yuli",
	"Aulia",    "Amelia",   "Fina",     "Naila",    "Zakiyah",  "Alfiyah",  "Hikmah",
};

static const char *const female_second[] = {
	"Aminah",   "Lestari",  "Wahyuni",  "Rahayu",   "Handayani", "Rahmawati", "Susanti",
	"Kurniasih", "Puspitasari", "Wulandari", "Fitriani", "Maharani", "Safitri", "Anggraini",
	"Pratiwi",  "Setyaningsih", "Nurhayati", "Sulistyowati", "Purwanti", "Mulyani",
	"Hidayati", "Khasanah", "Mukaromah", "Nurjanah", "Rohmawati", "Utami",  "Yuliana",
	"Zulfa",    "Azizah",   "Fauziah",  "Hasanah",  "Insani",   "Jannah",   "Latifah",
	"Mardiana", "Nuraini",  "Qomariyah", "Rofiah",  "Salamah",  "Sholihah", "Ulfah",
	"Widyastuti", "Yulianti", "Zahro",  "Agustina", "Damayanti", "Oktaviani", "Novitasari",
	"Permatasari", "Ramadhani", "Septiani", "Kusumawati", "Astuti", "Indriani", "Lestiani",
	"Marlina",  "Nurlaela", "Rosidah",  "Saputri",  "Triana",   "Wijayanti", "Yuniarti",
	"Amalia",   "Fadhilah", "Hidayah",  "Khoiriyah", "Maulida", "Munawaroh", "Nafisah",
	"Rizkiyah", "Solichah", "Umairoh",  "Zuhriyah", "Andriani", "Febriyanti", "Kartikasari",
	"Maryam",   "Nurfitri", "Sari",
};

static const char *const streets[] = {
	"Hayam Wuruk", "Gajah Mada", "KH. Mansyur", "Dr. Wahidin", "Dr. Sutomo", "Diponegoro",
	"Sultan Agung", "Jenderal Sudirman", "Ahmad Yani", "Imam Bonjol", "Urip Sumoharjo",
	"Kurinci", "Sriwijaya", "Merdeka", "Veteran", "Pemuda", "Mataram", "Kartini", "Patiunus",
	"Jlamprang", "Perintis Kemerdekaan", "Seruni", "Cempaka", "Melati", "Kenanga", "Teratai",
	"Anggrek", "Mawar", "Dr. Cipto", "Gatot Subroto", "Pahlawan", "KH. Ahmad Dahlan",
	"KH. Hasyim Asyari", "Letjen Suprapto", "Pattimura", "Hasanudin", "Truntum", "Sekar Jagad",
	"Progo", "Bengawan Solo", "Kalimantan", "Sumatera", "Semeru", "Slamet",
};

static const char *const phone_prefixes[] = {
	"0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853", "0856", "0857",
	"0858", "0877", "0878", "0895", "0896", "0897", "0881", "0882", "0838", "0831",
};

/* ---- informal (BPU) categories ---- */

static const struct bpu_cat {
	const char *key;
	int base;                 /* active at scale 1 */
	const struct occset *occ;
	int hot, profile;
	int inc_lo, inc_hi;       /* declared income in Rp100,000 steps */
	int jht_pm, phone_pm, ended_pm, former_pu_pm;
} bpu_cats[] = {
	{"nelayan", 1500, &occ_nelayan, HOT_COAST, PROF_BPU, 12, 25, 100, 500, 200, 40},
	{"pedagang", 1450, &occ_pedagang, HOT_URBAN, PROF_BPU, 15, 30, 250, 700, 200, 60},
	{"ojol", 750, &occ_ojol, HOT_URBAN, PROF_BPU, 20, 30, 300, 1000, 300, 150},
	{"pembatik", 730, &occ_pembatik, HOT_BATIK, PROF_BPU, 10, 20, 100, 400, 150, 50},
};

/* ---- generator state ---- */

enum {
	EF_CLOSED = 1 << 0,
	EF_PARTIAL = 1 << 1,
	EF_UNDER_WAGE = 1 << 2,
	EF_FEWER = 1 << 3,
	EF_EXTRA_JHT = 1 << 4,
	EF_JKP = 1 << 5,
};

/* What the generator remembers of an employer after writing it. */
struct emp {
	int64_t id;
	const struct occset *occ;
	int32_t district, village;
	int32_t n_lic; /* workers it would declare on a licence */
	int32_t quota; /* active PU workers it has registered */
	uint8_t sector, scale, flags;
};

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

/* A candidate employer of a fixed list (government offices, markets). */
struct cand {
	char name[NAME_MAX_BYTES + 1];
	int32_t district, village; /* village -1: any in the district */
	const char *kbli;
	uint8_t risk, scale;
	const struct occset *occ;
};

struct nikset {
	uint64_t *slots; /* 0 = empty; NIKs are never 0 */
	size_t cap, len;
};

struct gen {
	struct store *s;
	const struct refdata *ref;
	struct errbuf *eb;
	struct rng rng;
	int scale;
	struct date today;
	int64_t today_day, lo_day;

	const char *regency_name[REG_COUNT];
	size_t reg_first[REG_COUNT], reg_n[REG_COUNT]; /* district ranges */
	struct district *districts;
	size_t ndistricts, cap_districts;
	struct village *villages;
	size_t nvillages, cap_villages;
	int64_t *cum[PROF_COUNT][HOT_COUNT]; /* cumulative district weights */

	struct emp *emps;
	size_t nemps;
	int64_t *emp_cum; /* cumulative n_lic, to pick an employer for a past job */
	size_t *firms;    /* construction firms */
	size_t nfirms;
	int64_t *firm_cum;

	struct cand *gov, *markets;
	size_t ngov, nmarkets, gov_next, market_next;
	int *rel_count; /* per template x town (0 = the city, 1 + district) */

	struct nikset niks;
	struct perm npp_perm, nib_perm, npwp_perm, kpj_perm;
	uint64_t npp_next, nib_next, npwp_next, kpj_next;

	int64_t by_kind[EKIND_COUNT];
	struct employer e; /* scratch, large */
};

/* ---- small helpers ---- */

static jr_err nomem(struct gen *g)
{
	return errbuf_set(g->eb, JR_ENOMEM, "demo: memori tidak cukup");
}

static int64_t day_of(struct date d)
{
	return date_to_days(d);
}

static struct date date_of(int64_t day)
{
	return date_from_days(day);
}

static int64_t max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static const struct occ *pick_occ(struct rng *r, const struct occset *set)
{
	uint64_t total = 0;
	for (size_t i = 0; i < set->n; i++)
		total += set->v[i].weight;
	uint64_t x = rng_below(r, total);
	for (size_t i = 0; i < set->n; i++) {
		if (x < set->v[i].weight)
			return &set->v[i];
		x -= set->v[i].weight;
	}
	return &set->v[set->n - 1];
}

/* Index of the first cumulative weight above a random draw (cum[n-1] > 0). */
static size_t pick_cum(struct rng *r, const int64_t *cum, size_t n)
{
	int64_t x = (int64_t)rng_below(r, (uint64_t)cum[n - 1]);
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

static int64_t umk_sen(int regency, int year)
{
	int i = year - UMK_FIRST_YEAR;
	if (i < 0)
		i = 0;
	if (i >= UMK_YEARS)
		i = UMK_YEARS - 1;
	return regency_defs[regency].umk[i];
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
static int64_t start_day(struct gen *g, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return hi;
	if (rng_pm(&g->rng, 350))
		return rng_range(&g->rng, max64(lo, hi - 540), hi);
	return rng_range(&g->rng, lo, hi);
}

/* A finished span [*s, *e] inside lo..hi of min_len..max_len days; false if none fits. */
static bool span_in(struct gen *g, int64_t lo, int64_t hi, int64_t min_len, int64_t max_len,
		    int64_t *s, int64_t *e)
{
	if (hi - lo < min_len)
		return false;
	int64_t len = rng_range(&g->rng, min_len, min64(max_len, hi - lo));
	*e = rng_range(&g->rng, lo + len, hi);
	*s = *e - len;
	return true;
}

/* ---- geography ---- */

static int regency_of_code(const char *code)
{
	for (int r = 0; r < REG_COUNT; r++)
		if (strncmp(code, regency_defs[r].code, 5) == 0 && code[5] == '.')
			return r;
	return -1;
}

static jr_err collect_region(void *ctx, const char *code, enum region_level level,
			     const char *name)
{
	struct gen *g = ctx;
	if (level != REGION_DISTRICT && level != REGION_VILLAGE)
		return JR_EOK;
	int reg = regency_of_code(code);
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
		struct district *d = &g->districts[g->ndistricts++];
		memset(d, 0, sizeof(*d));
		memcpy(d->code, code, len + 1);
		d->name = name;
		d->regency = reg;
		d->nik_prefix = (int64_t)(code[0] - '0') * 100000 + (code[1] - '0') * 10000 +
				(code[3] - '0') * 1000 + (code[4] - '0') * 100 +
				(code[6] - '0') * 10 + (code[7] - '0');
		d->urban = 3;
		for (size_t i = 0; i < ARRAY_SIZE(urban_weights); i++)
			if (strcmp(urban_weights[i].code, code) == 0)
				d->urban = urban_weights[i].weight;
	} else {
		if (g->nvillages == g->cap_villages) {
			size_t cap = g->cap_villages ? 2 * g->cap_villages : 1024;
			void *p = realloc(g->villages, cap * sizeof(*g->villages));
			if (!p)
				return JR_ENOMEM;
			g->villages = p;
			g->cap_villages = cap;
		}
		struct village *v = &g->villages[g->nvillages++];
		memcpy(v->code, code, len + 1);
		v->name = name;
	}
	return JR_EOK;
}

static int cmp_district(const void *a, const void *b)
{
	return strcmp(((const struct district *)a)->code, ((const struct district *)b)->code);
}

static int cmp_village(const void *a, const void *b)
{
	return strcmp(((const struct village *)a)->code, ((const struct village *)b)->code);
}

static int find_district(const struct gen *g, const char *code)
{
	for (size_t i = 0; i < g->ndistricts; i++)
		if (strncmp(g->districts[i].code, code, 8) == 0)
			return (int)i;
	return -1;
}

static int find_village(const struct gen *g, const char *code)
{
	for (size_t i = 0; i < g->nvillages; i++)
		if (strcmp(g->villages[i].code, code) == 0)
			return (int)i;
	return -1;
}

static bool is_hot(int hot, const char *code)
{
	for (const char *const *h = hot_sets[hot]; *h; h++)
		if (strcmp(*h, code) == 0)
			return true;
	return false;
}

/* Reads the districts and villages of the four regencies from the index. */
static jr_err load_geography(struct gen *g)
{
	const struct region_index *ix = g->ref->regions;
	for (int r = 0; r < REG_COUNT; r++) {
		g->regency_name[r] = region_index_name(ix, regency_defs[r].code);
		if (!g->regency_name[r])
			return errbuf_set(g->eb, JR_ENOTFOUND,
					  "demo: wilayah %s tidak ada di data referensi",
					  regency_defs[r].code);
	}
	jr_err rc = region_index_each(ix, collect_region, g);
	if (rc == JR_ENOMEM)
		return nomem(g);
	if (rc != JR_EOK)
		return errbuf_set(g->eb, rc, "demo: membaca wilayah gagal");
	/* Code order makes each district's villages contiguous, whatever the index gives. */
	qsort(g->districts, g->ndistricts, sizeof(*g->districts), cmp_district);
	qsort(g->villages, g->nvillages, sizeof(*g->villages), cmp_village);
	size_t v = 0;
	for (size_t i = 0; i < g->ndistricts; i++) {
		struct district *d = &g->districts[i];
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
	for (int r = 0; r < REG_COUNT; r++) {
		size_t with_villages = 0;
		for (size_t i = g->reg_first[r]; i < g->reg_first[r] + g->reg_n[r]; i++)
			with_villages += g->districts[i].nvillages > 0;
		if (with_villages == 0)
			return errbuf_set(g->eb, JR_ENOTFOUND,
					  "demo: kecamatan/desa %s tidak ada di data referensi",
					  regency_defs[r].code);
	}
	/* Weight tables: regency share x district size x concentration. */
	for (int p = 0; p < PROF_COUNT; p++) {
		for (int h = 0; h < HOT_COUNT; h++) {
			int64_t *cum = malloc(g->ndistricts * sizeof(*cum));
			if (!cum)
				return nomem(g);
			g->cum[p][h] = cum;
			int64_t total = 0;
			for (size_t i = 0; i < g->ndistricts; i++) {
				const struct district *d = &g->districts[i];
				int64_t usum = 0;
				for (size_t j = g->reg_first[d->regency];
				     j < g->reg_first[d->regency] + g->reg_n[d->regency]; j++)
					if (g->districts[j].nvillages)
						usum += g->districts[j].urban;
				int64_t w = 0;
				if (d->nvillages && usum)
					w = (int64_t)profile_weights[p][d->regency] * d->urban *
					    100000 / usum;
				if (is_hot(h, d->code))
					w *= HOT_BOOST;
				total += w;
				cum[i] = total;
			}
		}
	}
	return JR_EOK;
}

static int pick_district(struct gen *g, int profile, int hot)
{
	return (int)pick_cum(&g->rng, g->cum[profile][hot], g->ndistricts);
}

static int pick_village_in(struct gen *g, int district)
{
	const struct district *d = &g->districts[district];
	return (int)(d->first_village + rng_below(&g->rng, d->nvillages));
}

/* Where someone working in district lives: mostly nearby, some commute. */
static int home_district(struct gen *g, int work_district)
{
	int r = (int)rng_below(&g->rng, 100);
	if (r < 70)
		return work_district;
	if (r < 95) {
		int reg = g->districts[work_district].regency;
		for (int tries = 0; tries < 8; tries++) {
			size_t i = g->reg_first[reg] + rng_below(&g->rng, g->reg_n[reg]);
			if (g->districts[i].nvillages)
				return (int)i;
		}
		return work_district;
	}
	return pick_district(g, PROF_EMP, HOT_NONE);
}

/* "Pekalongan" for the city's districts (its schools are numbered city-wide). */
static const char *town_name(const struct gen *g, int district)
{
	return g->districts[district].regency == REG_KOTA ? "Pekalongan"
							   : g->districts[district].name;
}

/* ---- names and addresses ---- */

struct name_ctx {
	int district, village, number;
};

static void expand(struct gen *g, const char *fmt, const struct name_ctx *nc, char *out,
		   size_t size)
{
	struct sb b;
	const char *last_word = NULL;
	sb_init(&b, out, size);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%' || !p[1]) {
			char c[2] = {*p, 0};
			sb_add(&b, c);
			continue;
		}
		p++;
		switch (*p) {
		case 'W': {
			const char *w;
			do
				w = PICK(&g->rng, biz_words);
			while (w == last_word);
			last_word = w;
			sb_add(&b, w);
			break;
		}
		case 'A':
			sb_add(&b, PICK(&g->rng, arabic_words));
			break;
		case 'M':
			sb_add(&b, PICK(&g->rng, male_first));
			break;
		case 'P':
			sb_add(&b, PICK(&g->rng, female_first));
			break;
		case 'T':
			sb_add(&b, town_name(g, nc->district));
			break;
		case 'R':
			sb_add(&b, g->regency_name[g->districts[nc->district].regency]);
			break;
		case 'V':
			if (nc->village >= 0)
				sb_add(&b, g->villages[nc->village].name);
			break;
		case 'N':
			sb_addf(&b, "%d", nc->number);
			break;
		default:
			sb_add(&b, "%");
			break;
		}
	}
}

static bool is_kelurahan(const struct village *v)
{
	/* Kemendagri numbers kelurahan 1xxx and desa 2xxx. */
	return v->code[9] == '1';
}

static void make_address(struct gen *g, int village, char *out, size_t size)
{
	const struct village *v = &g->villages[village];
	const struct district *d = &g->districts[find_district(g, v->code)];
	const char *kel = is_kelurahan(v) ? "Kel." : "Desa";
	struct sb b;
	sb_init(&b, out, size);
	int r = (int)rng_below(&g->rng, 100);
	if (r < 45)
		sb_addf(&b, "Jl. %s No. %d", PICK(&g->rng, streets),
			(int)rng_range(&g->rng, 1, 250));
	else if (r < 75)
		sb_addf(&b, "Jl. Raya %s No. %d", v->name, (int)rng_range(&g->rng, 1, 180));
	else
		sb_addf(&b, "RT %03d/RW %03d", (int)rng_range(&g->rng, 1, 12),
			(int)rng_range(&g->rng, 1, 8));
	sb_addf(&b, ", %s %s, Kec. %s, %s", kel, v->name, d->name,
		g->regency_name[d->regency]);
}

static void make_person_name(struct gen *g, char sex, int age, char *out, size_t size)
{
	struct sb b;
	struct rng *r = &g->rng;
	int x = (int)rng_below(r, 1000);
	bool older = age >= 45;
	sb_init(&b, out, size);
	if (sex == 'M') {
		const char *first = PICK(r, male_first), *second = PICK(r, male_second);
		if (x < (older ? 350 : 100)) {
			sb_add(&b, first);
		} else if (x < (older ? 450 : 300)) {
			static const char *const pre[] = {"Muhammad", "Ahmad", "Moh.", "Achmad"};
			sb_addf(&b, "%s %s", PICK(r, pre), first);
			if (rng_pm(r, 500))
				sb_addf(&b, " %s", second);
		} else if (x < 880) {
			sb_addf(&b, "%s %s", first, second);
		} else {
			const char *third;
			do
				third = PICK(r, male_second);
			while (third == second);
			sb_addf(&b, "%s %s %s", first, second, third);
		}
	} else {
		const char *first = PICK(r, female_first), *second = PICK(r, female_second);
		if (strcmp(first, second) == 0)
			second = "Lestari";
		if (x < (older ? 300 : 80)) {
			sb_add(&b, first);
		} else if (x < (older ? 450 : 220)) {
			sb_addf(&b, "Siti %s", first);
			if (rng_pm(r, 300))
				sb_addf(&b, " %s", second);
		} else if (x < 870) {
			sb_addf(&b, "%s %s", first, second);
		} else {
			const char *third;
			do
				third = PICK(r, female_second);
			while (third == second || strcmp(third, first) == 0);
			sb_addf(&b, "%s %s %s", first, second, third);
		}
	}
}

/* ---- identifiers ---- */

static uint64_t nikset_hash(uint64_t k, size_t cap)
{
	return (k * UINT64_C(0x9E3779B97F4A7C15)) >> 17 & (cap - 1);
}

static bool nikset_has(const struct nikset *s, uint64_t k)
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
static bool nikset_add(struct nikset *s, uint64_t k)
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
static jr_err make_nik(struct gen *g, int district, struct date birth, char sex, int64_t *out)
{
	int dd = birth.day + (sex == 'F' ? 40 : 0);
	int64_t base = g->districts[district].nik_prefix * INT64_C(10000000000) +
		       (int64_t)dd * 100000000 + (int64_t)birth.month * 1000000 +
		       (int64_t)(birth.year % 100) * 10000;
	/* Few people share a district and a birthday: serials stay small. */
	int serial = rng_pm(&g->rng, 850) ? (int)rng_range(&g->rng, 1, 4)
					   : (int)rng_range(&g->rng, 1, 40);
	for (; serial <= 9999; serial++) {
		int64_t nik = base + serial;
		if (!nikset_has(&g->niks, (uint64_t)nik)) {
			if (!nikset_add(&g->niks, (uint64_t)nik))
				return nomem(g);
			*out = nik;
			return JR_EOK;
		}
	}
	return errbuf_set(g->eb, JR_ETOOBIG, "demo: nomor urut NIK %06" PRId64 " habis",
			  g->districts[district].nik_prefix);
}

/* The generator's contract with nik_parse: every NIK it writes decodes cleanly. */
static jr_err check_nik(struct gen *g, int64_t nik, struct date birth, char sex)
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

/* Writes v as exactly n decimal digits (zero-padded, high digits dropped) at out. */
static void put_digits(char *out, uint64_t v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

static void make_phone(struct gen *g, char out[static PHONE_SIZE])
{
	struct sb b;
	sb_init(&b, out, PHONE_SIZE);
	sb_add(&b, PICK(&g->rng, phone_prefixes));
	int n = (int)rng_range(&g->rng, 7, 9); /* "08" + 9..11 digits in all */
	for (int i = 0; i < n; i++) {
		char c[2] = {(char)('0' + rng_below(&g->rng, 10)), 0};
		sb_add(&b, c);
	}
}

static void make_kpj(struct gen *g, int start_year, char out[static KPJ_SIZE])
{
	/* The registration year up front, as on printed cards; the rest unique. */
	put_digits(out, (uint64_t)(start_year % 100), 2);
	put_digits(out + 2, perm_at(&g->kpj_perm, g->kpj_next++), 9);
	out[11] = '\0';
}

/* ---- persons ---- */

struct person_spec {
	int district;        /* residence district */
	const struct occ *occ;
	int age_lo, age_hi;  /* override of the occupation's range when > 0 */
	int64_t adult_by;    /* must be 18 on or before this day (0: no constraint) */
	int phone_pm;
};

struct new_person {
	int64_t nik;
	int64_t adult_day;
	int village;
};

static jr_err new_person(struct gen *g, const struct person_spec *ps, struct new_person *np)
{
	struct rng *r = &g->rng;
	struct person p;
	int age_lo = ps->age_lo ? ps->age_lo : ps->occ && ps->occ->age_lo ? ps->occ->age_lo : 18;
	int age_hi = ps->age_hi ? ps->age_hi : ps->occ && ps->occ->age_hi ? ps->occ->age_hi : 58;
	if (age_hi > 60)
		age_hi = 60;
	if (age_lo > age_hi)
		age_lo = age_hi;
	/* Two draws averaged: fewer at the edges of working age. */
	int age = (int)((rng_range(r, age_lo, age_hi) + rng_range(r, age_lo, age_hi) + 1) / 2);
	int64_t hi_b = day_of(date_add_months(g->today, -12 * age));
	int64_t lo_b = day_of(date_add_months(g->today, -12 * (age + 1))) + 1;
	int64_t birth_day = rng_range(r, lo_b, hi_b);
	if (ps->adult_by) {
		int64_t latest = day_of(date_add_months(date_of(ps->adult_by), -12 * 18));
		if (birth_day > latest)
			birth_day = latest;
	}
	/* Never older than 60 on today, whatever the constraint asked. */
	int64_t oldest = day_of(date_add_months(g->today, -12 * 61)) + 1;
	if (birth_day < oldest)
		birth_day = oldest;
	struct date birth = date_of(birth_day);

	memset(&p, 0, sizeof(p));
	p.sex = rng_pm(r, ps->occ ? ps->occ->female_pm : 500) ? 'F' : 'M';
	p.has_birth_date = true;
	p.birth_date = birth;
	make_person_name(g, p.sex, age, p.name, sizeof(p.name));
	np->village = pick_village_in(g, ps->district);
	memcpy(p.region_code, g->villages[np->village].code, REGION_CODE_SIZE);
	if (rng_pm(r, ps->phone_pm))
		make_phone(g, p.phone);

	int nik_district = ps->district;
	if (rng_pm(r, MOVED_NIK_PM))
		nik_district = pick_district(g, PROF_EMP, HOT_NONE);
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
	np->adult_day = day_of(date_add_months(birth, 12 * 18));
	return JR_EOK;
}

/* ---- memberships ---- */

struct mspec {
	int64_t nik;
	int emp;             /* index into emps, -1 none */
	enum segment segment;
	int64_t wage_sen;
	unsigned programs;
	int64_t start;
	int64_t end;         /* -1: open */
	const char *occupation;
	const char *region;
};

static jr_err put_membership(struct gen *g, const struct mspec *ms)
{
	struct membership m;
	memset(&m, 0, sizeof(m));
	m.person_nik = ms->nik;
	m.employer_id = ms->emp >= 0 ? g->emps[ms->emp].id : 0;
	m.segment = ms->segment;
	m.wage_sen = ms->wage_sen;
	m.programs = ms->programs & programs_allowed(ms->segment);
	m.start = date_of(ms->start);
	if (ms->end >= 0) {
		m.has_end = true;
		m.end = date_of(ms->end);
	}
	/* Cards of the last fortnight are often still being printed. */
	int no_kpj = g->today_day - ms->start < 14 ? 500 : NO_KPJ_PM;
	if (!rng_pm(&g->rng, no_kpj))
		make_kpj(g, m.start.year, m.kpj);
	struct sb b;
	sb_init(&b, m.occupation, sizeof(m.occupation));
	sb_add(&b, ms->occupation);
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
	return JR_EOK;
}

/* The wage an employer reports for one worker in a year (sen). */
static int64_t pu_wage(struct gen *g, const struct emp *e, int year)
{
	struct rng *r = &g->rng;
	const struct sector *sc = &sectors[e->sector];
	int64_t umk = umk_sen(g->districts[e->district].regency, year);
	int x = (int)rng_below(r, 1000);
	if ((e->flags & EF_UNDER_WAGE) && x < 800)
		return round_down(umk * rng_range(r, 60, 95) / 100, RUPIAH(10000));
	x = (int)rng_below(r, 1000);
	if (x < 60) /* one worker under-reported by an otherwise honest employer */
		return round_down(umk * rng_range(r, 85, 98) / 100, RUPIAH(10000));
	if (x < 60 + sc->wage_up_pm) {
		if (rng_pm(r, 150))
			return round_down(umk * rng_range(r, 180, 400) / 100, RUPIAH(50000));
		return round_down(umk * rng_range(r, 103, 180) / 100, RUPIAH(10000));
	}
	/* Most report exactly the UMK, some round it up. */
	if (rng_pm(r, 620))
		return umk;
	return round_up(umk, rng_pm(r, 700) ? RUPIAH(10000) : RUPIAH(50000));
}

static unsigned pu_programs(struct gen *g, const struct emp *e, int64_t last_day)
{
	unsigned req = programs_required_pu((enum scale)e->scale);
	unsigned p = req;
	if (e->flags & EF_FEWER) {
		/* The usual gap: no JP for the larger ones, only JKK JKM for the rest. */
		if ((req & PROG_JP) && rng_pm(&g->rng, 700))
			p = PROG_JKK | PROG_JKM | PROG_JHT;
		else
			p = PROG_JKK | PROG_JKM;
	}
	if (e->flags & EF_EXTRA_JHT)
		p |= PROG_JHT;
	if ((e->flags & EF_JKP) && p == (PROG_JKK | PROG_JKM | PROG_JHT | PROG_JP) &&
	    last_day >= day_of(jkp_start))
		p |= PROG_JKP;
	return p;
}

/* A PU membership at employer ei over [start, end] (end -1: open). */
static jr_err put_pu(struct gen *g, int ei, int64_t nik, int64_t start, int64_t end,
		     const char *occupation)
{
	const struct emp *e = &g->emps[ei];
	int64_t last = end >= 0 ? min64(end, g->today_day) : g->today_day;
	struct mspec ms = {
		.nik = nik,
		.emp = ei,
		.segment = SEG_PU,
		.wage_sen = pu_wage(g, e, date_of(last).year),
		.programs = pu_programs(g, e, last),
		.start = start,
		.end = end,
		.occupation = occupation,
		.region = g->villages[e->village].code,
	};
	return put_membership(g, &ms);
}

/* Another employer for an earlier job, weighted by size; -1 if none differs. */
static int other_employer(struct gen *g, int not)
{
	for (int tries = 0; tries < 8; tries++) {
		int j = (int)pick_cum(&g->rng, g->emp_cum, g->nemps);
		if (j != not)
			return j;
	}
	return -1;
}

/* An ended PU job before `before` (exclusive), at another employer; maybe none. */
static jr_err past_pu_job(struct gen *g, int not, int64_t nik, int64_t adult_day,
			  int64_t before)
{
	int j = other_employer(g, not);
	int64_t s, e;
	if (j < 0)
		return JR_EOK;
	int64_t hi = before - rng_range(&g->rng, 1, 60);
	if (!span_in(g, max64(g->lo_day, adult_day), hi, 90, 1460, &s, &e))
		return JR_EOK;
	const struct occ *oc = pick_occ(&g->rng, g->emps[j].occ);
	return put_pu(g, j, nik, s, e, oc->name);
}

/* ---- employers ---- */

static void make_ids(struct gen *g, struct employer *e, int nib_pm, bool npwp)
{
	put_digits(e->npp, 10000000 + perm_at(&g->npp_perm, g->npp_next++), 8);
	e->npp[8] = '\0';
	if (rng_pm(&g->rng, nib_pm)) {
		memcpy(e->nib, "9120", 4);
		put_digits(e->nib + 4, perm_at(&g->nib_perm, g->nib_next++), 9);
		e->nib[13] = '\0';
	}
	if (npwp && g->npwp_next < g->npwp_perm.m) {
		/* 16-digit form "0" + 15: type 01 (entity), serial, Luhn digit of the
		 * first eight, KPP (illustrative 502), status 000. */
		char *d = e->npwp;
		memcpy(d, "001", 3);
		put_digits(d + 3, perm_at(&g->npwp_perm, g->npwp_next++), 6);
		d[9] = (char)('0' + luhn_digit(d + 1, 8));
		memcpy(d + 10, "502000", 7);
	}
}

static int32_t licensed_workers(struct gen *g, int scale)
{
	static const int lo[] = {0, 1, 5, 20, 100}, hi[] = {0, 4, 19, 99, 500};
	struct rng *r = &g->rng;
	if (scale < SCALE_MICRO || scale > SCALE_LARGE)
		return 1;
	/* Skewed towards the small end of each class. */
	uint64_t u = rng_below(r, 1000);
	return (int32_t)(lo[scale] + (int64_t)(hi[scale] - lo[scale]) * (int64_t)(u * u) / 1000000);
}

static int pick_scale(struct gen *g, const int pm[4])
{
	int x = (int)rng_below(&g->rng, 1000);
	for (int i = 0; i < 4; i++) {
		if (x < pm[i])
			return SCALE_MICRO + i;
		x -= pm[i];
	}
	return SCALE_MICRO;
}

static const struct name_pat *pick_pat(struct rng *r, const struct name_pat *pats, size_t n)
{
	uint64_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += pats[i].weight;
	uint64_t x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < pats[i].weight)
			return &pats[i];
		x -= pats[i].weight;
	}
	return &pats[n - 1];
}

static void cand_set(struct cand *c, const char *name, int district, int village,
		     const char *kbli, int risk, int scale, const struct occset *occ)
{
	struct sb b;
	sb_init(&b, c->name, sizeof(c->name));
	sb_add(&b, name);
	c->district = district;
	c->village = village;
	c->kbli = kbli;
	c->risk = (uint8_t)risk;
	c->scale = (uint8_t)scale;
	c->occ = occ;
}

static void shuffle_ints(struct rng *r, int *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(r, i);
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
static jr_err build_gov_candidates(struct gen *g)
{
	size_t cap = REG_COUNT * (ARRAY_SIZE(opd_tpls) + 1) + 2 * g->ndistricts + g->nvillages;
	g->gov = calloc(cap, sizeof(*g->gov));
	int *order = malloc((g->nvillages + 1) * sizeof(*order));
	if (!g->gov || !order) {
		free(order);
		return nomem(g);
	}
	size_t n = 0;
	char name[NAME_MAX_BYTES + 1];
	for (int reg = 0; reg < REG_COUNT; reg++) {
		int capital = find_district(g, regency_defs[reg].capital);
		if (capital < 0 || g->districts[capital].nvillages == 0)
			capital = (int)g->reg_first[reg];
		for (size_t t = 0; t < ARRAY_SIZE(opd_tpls); t++) {
			struct name_ctx nc = {capital, -1, 0};
			expand(g, opd_tpls[t].fmt, &nc, name, sizeof(name));
			cand_set(&g->gov[n++], name, capital, -1, opd_tpls[t].kbli,
				 opd_tpls[t].risk, opd_tpls[t].scale, opd_tpls[t].occ);
		}
		int hv = find_village(g, regency_hospitals[reg].village);
		int hd = hv >= 0 ? find_district(g, g->villages[hv].code)
				 : find_district(g, regency_hospitals[reg].village);
		if (hd < 0 || g->districts[hd].nvillages == 0)
			hd = capital;
		cand_set(&g->gov[n++], regency_hospitals[reg].name, hd, hv, "86101", 2, SCALE_LARGE,
			 &occ_gov_health);
		if (reg != REG_KOTA)
			continue;
		for (size_t i = g->reg_first[reg]; i < g->reg_first[reg] + g->reg_n[reg]; i++) {
			if (!g->districts[i].nvillages)
				continue;
			snprintf(name, sizeof(name), "Kecamatan %s", g->districts[i].name);
			cand_set(&g->gov[n++], name, (int)i, -1, "84119", 1, SCALE_SMALL,
				 &occ_gov_office);
			snprintf(name, sizeof(name), "Puskesmas %s", g->districts[i].name);
			cand_set(&g->gov[n++], name, (int)i, -1, "86102", 2, SCALE_SMALL,
				 &occ_gov_health);
		}
		for (size_t i = g->reg_first[reg]; i < g->reg_first[reg] + g->reg_n[reg]; i++) {
			const struct district *d = &g->districts[i];
			size_t end = d->first_village + d->nvillages;
			for (size_t v = d->first_village; v < end; v++) {
				snprintf(name, sizeof(name), "Kelurahan %s", g->villages[v].name);
				cand_set(&g->gov[n++], name, (int)i, (int)v, "84119", 1,
					 SCALE_MICRO, &occ_gov_kel);
			}
		}
	}
	for (size_t i = 0; i < g->ndistricts; i++) {
		if (g->districts[i].regency == REG_KOTA || !g->districts[i].nvillages)
			continue;
		snprintf(name, sizeof(name), "Kecamatan %s", g->districts[i].name);
		cand_set(&g->gov[n++], name, (int)i, -1, "84119", 1, SCALE_SMALL, &occ_gov_office);
		snprintf(name, sizeof(name), "Puskesmas %s", g->districts[i].name);
		cand_set(&g->gov[n++], name, (int)i, -1, "86102", 2, SCALE_SMALL, &occ_gov_health);
	}
	size_t nv = 0;
	for (size_t v = 0; v < g->nvillages; v++)
		if (regency_of_code(g->villages[v].code) != REG_KOTA)
			order[nv++] = (int)v;
	shuffle_ints(&g->rng, order, nv);
	for (size_t k = 0; k < nv && n < cap; k++) {
		const struct village *v = &g->villages[order[k]];
		bool kel = is_kelurahan(v);
		snprintf(name, sizeof(name), "%s %s", kel ? "Kelurahan" : "Pemerintah Desa",
			 v->name);
		cand_set(&g->gov[n++], name, find_district(g, v->code), order[k], "84119", 1,
			 SCALE_MICRO, kel ? &occ_gov_kel : &occ_gov_desa);
	}
	free(order);
	g->ngov = n;
	return JR_EOK;
}

/* Named markets first, then village markets in a random order. */
static jr_err build_market_candidates(struct gen *g)
{
	size_t cap = ARRAY_SIZE(market_names) + g->nvillages;
	g->markets = calloc(cap, sizeof(*g->markets));
	int *order = malloc((g->nvillages + 1) * sizeof(*order));
	if (!g->markets || !order) {
		free(order);
		return nomem(g);
	}
	size_t n = 0;
	char name[NAME_MAX_BYTES + 1];
	for (size_t i = 0; i < ARRAY_SIZE(market_names); i++) {
		int d = find_district(g, market_names[i].district);
		if (d < 0 || !g->districts[d].nvillages)
			continue;
		cand_set(&g->markets[n++], market_names[i].name, d, -1, "68111", 2,
			 rng_pm(&g->rng, 600) ? SCALE_SMALL : SCALE_MEDIUM, &occ_market);
	}
	for (size_t v = 0; v < g->nvillages; v++)
		order[v] = (int)v;
	shuffle_ints(&g->rng, order, g->nvillages);
	for (size_t k = 0; k < g->nvillages; k++) {
		const struct village *v = &g->villages[order[k]];
		snprintf(name, sizeof(name), "Pasar %s", v->name);
		bool dup = false;
		for (size_t i = 0; i < ARRAY_SIZE(market_names) && !dup; i++)
			dup = strcmp(market_names[i].name, name) == 0;
		if (dup)
			continue;
		cand_set(&g->markets[n++], name, find_district(g, v->code), order[k], "68111", 2,
			 rng_pm(&g->rng, 800) ? SCALE_MICRO : SCALE_SMALL, &occ_market);
	}
	free(order);
	g->nmarkets = n;
	return JR_EOK;
}

/* Fills g->e and *em for a religious unit (specials first, then templates). */
static void make_religious(struct gen *g, size_t nth, struct emp *em, const char **kbli,
			   int *risk)
{
	struct employer *e = &g->e;
	if (nth < ARRAY_SIZE(rel_specials)) {
		struct sb b;
		sb_init(&b, e->name, sizeof(e->name));
		sb_add(&b, rel_specials[nth].name);
		int v = find_village(g, rel_specials[nth].village);
		em->district = find_district(g, rel_specials[nth].village);
		if (em->district < 0 || !g->districts[em->district].nvillages) {
			em->district = pick_district(g, PROF_EMP, HOT_NONE);
			v = -1;
		}
		em->village = v >= 0 ? v : pick_village_in(g, em->district);
		em->scale = rel_specials[nth].scale;
		em->occ = rel_specials[nth].occ;
		*kbli = rel_specials[nth].kbli;
		*risk = rel_specials[nth].risk;
		return;
	}
	uint64_t total = 0;
	for (size_t i = 0; i < ARRAY_SIZE(rel_tpls); i++)
		total += rel_tpls[i].weight;
	for (int tries = 0;; tries++) {
		uint64_t x = rng_below(&g->rng, total);
		size_t t = 0;
		while (x >= rel_tpls[t].weight) {
			x -= rel_tpls[t].weight;
			t++;
		}
		const struct rel_tpl *tp = &rel_tpls[t];
		int d = pick_district(g, PROF_EMP, HOT_NONE);
		size_t town = g->districts[d].regency == REG_KOTA ? 0 : 1 + (size_t)d;
		int *used_p = &g->rel_count[t * (1 + g->ndistricts) + town];
		int used = *used_p;
		/* Unnumbered units exist once per town; numbered ones up to a cap. */
		if (tries < 50 && (tp->numbered ? used >= REL_NUMBER_CAP : used >= 1))
			continue;
		*used_p = used + 1;
		struct name_ctx nc = {d, -1, used + 1};
		expand(g, tp->fmt, &nc, e->name, sizeof(e->name));
		em->district = d;
		em->village = pick_village_in(g, d);
		em->scale = (uint8_t)rng_range(&g->rng, tp->scale_lo, tp->scale_hi);
		em->occ = tp->occ;
		*kbli = tp->kbli;
		*risk = tp->risk;
		return;
	}
}

static void from_cand(struct gen *g, const struct cand *c, struct emp *em, const char **kbli,
		      int *risk)
{
	struct sb b;
	sb_init(&b, g->e.name, sizeof(g->e.name));
	sb_add(&b, c->name);
	em->district = c->district;
	em->village = c->village >= 0 ? c->village : pick_village_in(g, c->district);
	em->scale = c->scale;
	em->occ = c->occ;
	*kbli = c->kbli;
	*risk = c->risk;
}

static jr_err write_employer(struct gen *g, size_t i, int sector, size_t *nrel)
{
	struct rng *r = &g->rng;
	struct employer *e = &g->e;
	struct emp *em = &g->emps[i];
	const struct sector *sc = &sectors[sector];
	const char *kbli = NULL;
	int risk = 1;

	memset(e, 0, sizeof(*e));
	memset(em, 0, sizeof(*em));
	em->sector = (uint8_t)sector;
	if (sector == SEC_GOV) {
		from_cand(g, &g->gov[g->gov_next++], em, &kbli, &risk);
	} else if (sector == SEC_MARKET) {
		from_cand(g, &g->markets[g->market_next++], em, &kbli, &risk);
	} else if (sector == SEC_RELIGIOUS) {
		make_religious(g, (*nrel)++, em, &kbli, &risk);
	} else {
		const struct name_pat *pat = pick_pat(r, sc->pats, sc->npats);
		em->district = pick_district(g, PROF_EMP, pat->hot ? pat->hot : sc->hot);
		em->village = pick_village_in(g, em->district);
		struct name_ctx nc = {em->district, em->village, 0};
		expand(g, pat->fmt, &nc, e->name, sizeof(e->name));
		em->scale = (uint8_t)pick_scale(g, sc->scale_pm);
		if (pat->max_scale && em->scale > pat->max_scale)
			em->scale = pat->max_scale;
		em->occ = pat->occ ? pat->occ : sc->occ;
		kbli = pat->kbli;
		risk = (int)rng_range(r, pat->risk_lo, pat->risk_hi);
	}
	if (!refdata_kbli_known(g->ref, kbli))
		return errbuf_set(g->eb, JR_EINVALID, "demo: KBLI %s tidak ada di KBLI 2020", kbli);

	bool entity = strncmp(e->name, "PT ", 3) == 0 || strncmp(e->name, "CV ", 3) == 0;
	bool npwp = sc->kind == EKIND_COMPANY &&
		    (entity || em->scale >= SCALE_MEDIUM) && rng_pm(r, 300);
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
	if (rng_pm(r, CLOSED_PM))
		em->flags |= EF_CLOSED;
	if (rng_pm(r, PARTIAL_PM))
		em->flags |= EF_PARTIAL;
	if (rng_pm(r, sc->under_pm))
		em->flags |= EF_UNDER_WAGE;
	if (em->scale >= SCALE_SMALL && rng_pm(r, sc->fewer_pm))
		em->flags |= EF_FEWER;
	if (em->scale == SCALE_MICRO && rng_pm(r, 120))
		em->flags |= EF_EXTRA_JHT;
	if (em->scale >= SCALE_MEDIUM && !(em->flags & EF_FEWER) && rng_pm(r, 600))
		em->flags |= EF_JKP;

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

static jr_err build_employers(struct gen *g)
{
	size_t n = (size_t)BASE_EMPLOYERS * (size_t)g->scale;
	int *kinds = malloc(n * sizeof(*kinds));
	g->emps = calloc(n, sizeof(*g->emps));
	g->rel_count = calloc(ARRAY_SIZE(rel_tpls) * (1 + g->ndistricts), sizeof(*g->rel_count));
	if (!kinds || !g->emps || !g->rel_count) {
		free(kinds);
		return nomem(g);
	}
	g->nemps = n;

	/* Counts per sector; the fixed lists cap theirs, companies take the rest. */
	size_t count[SEC_COUNT] = {0}, fixed = 0, company_share = 0;
	count[SEC_GOV] = n * (size_t)sectors[SEC_GOV].share / 1000;
	if (count[SEC_GOV] > g->ngov)
		count[SEC_GOV] = g->ngov;
	count[SEC_MARKET] = n * (size_t)sectors[SEC_MARKET].share / 1000;
	if (count[SEC_MARKET] > g->nmarkets)
		count[SEC_MARKET] = g->nmarkets;
	count[SEC_RELIGIOUS] = n * (size_t)sectors[SEC_RELIGIOUS].share / 1000;
	count[SEC_COOP] = n * (size_t)sectors[SEC_COOP].share / 1000;
	fixed = count[SEC_GOV] + count[SEC_MARKET] + count[SEC_RELIGIOUS] + count[SEC_COOP];
	for (int s = 0; s < SEC_COUNT; s++)
		if (sectors[s].kind == EKIND_COMPANY)
			company_share += (size_t)sectors[s].share;
	size_t companies = n - fixed, given = 0;
	for (int s = 0; s < SEC_COUNT; s++) {
		if (sectors[s].kind != EKIND_COMPANY)
			continue;
		count[s] = companies * (size_t)sectors[s].share / company_share;
		given += count[s];
	}
	count[SEC_BATIK] += companies - given;
	if (count[SEC_CONSTRUCTION] == 0) { /* JAKON needs at least one firm */
		count[SEC_CONSTRUCTION] = 1;
		count[SEC_BATIK]--;
	}

	size_t k = 0;
	for (int s = 0; s < SEC_COUNT; s++)
		for (size_t j = 0; j < count[s]; j++)
			kinds[k++] = s;
	/* Mixed order, so NPP order says nothing about the sector. */
	shuffle_ints(&g->rng, kinds, n);

	/* Government and markets keep their list order (city first) along the shuffle. */
	jr_err rc = JR_EOK;
	size_t nrel = 0;
	for (size_t i = 0; i < n && rc == JR_EOK; i++)
		rc = write_employer(g, i, kinds[i], &nrel);
	free(kinds);
	return rc;
}

/* ---- wage earners (PU) ---- */

/* Spreads the active PU target over the employers by size and coverage. */
static jr_err allocate_quotas(struct gen *g)
{
	int64_t target = (int64_t)BASE_PU_ACTIVE * g->scale;
	int64_t *w = malloc(g->nemps * sizeof(*w));
	g->emp_cum = malloc(g->nemps * sizeof(*g->emp_cum));
	if (!w || !g->emp_cum) {
		free(w);
		return nomem(g);
	}
	int64_t open = 0, wsum = 0, total = 0;
	for (size_t i = 0; i < g->nemps; i++) {
		struct emp *e = &g->emps[i];
		int cov = 100;
		if (e->flags & EF_PARTIAL)
			cov = (int)rng_range(&g->rng, 30, 70);
		/* A construction firm's field workers are JAKON, not PU. */
		if (e->sector == SEC_CONSTRUCTION)
			cov /= 3;
		w[i] = e->flags & EF_CLOSED ? 0 : (int64_t)e->n_lic * cov + 1;
		open += !(e->flags & EF_CLOSED);
		wsum += w[i];
	}
	/* One worker each, the rest in proportion, the remainder by weighted draw. */
	int64_t rest = target > open ? target - open : 0;
	for (size_t i = 0; i < g->nemps; i++) {
		struct emp *e = &g->emps[i];
		e->quota = (e->flags & EF_CLOSED) ? 0 : (int32_t)(1 + rest * w[i] / wsum);
		total += e->quota;
		g->emp_cum[i] = (i ? g->emp_cum[i - 1] : 0) + w[i];
	}
	while (total < target) {
		g->emps[pick_cum(&g->rng, g->emp_cum, g->nemps)].quota++;
		total++;
	}
	/* From here on: pick an employer for a past job by its size alone. */
	for (size_t i = 0; i < g->nemps; i++)
		g->emp_cum[i] = (i ? g->emp_cum[i - 1] : 0) + g->emps[i].n_lic;
	free(w);
	return JR_EOK;
}

static jr_err pu_worker(struct gen *g, int ei, bool active)
{
	const struct emp *e = &g->emps[ei];
	const struct occ *oc = pick_occ(&g->rng, e->occ);
	struct person_spec ps = {
		.district = home_district(g, e->district),
		.occ = oc,
		.phone_pm = 550,
	};
	struct new_person np;
	jr_err rc = new_person(g, &ps, &np);
	if (rc != JR_EOK)
		return rc;
	int64_t lo = max64(g->lo_day, np.adult_day);
	if (!active) {
		int64_t s, en;
		if (!span_in(g, lo, g->today_day - 1, 60, 1460, &s, &en)) {
			/* Too young for a finished job: a short one that ended yesterday. */
			en = g->today_day - 1;
			s = min64(en, max64(lo, en - 30));
		}
		return put_pu(g, ei, np.nik, s, en, oc->name);
	}
	int64_t start = start_day(g, lo, g->today_day);
	if (rng_pm(&g->rng, JOB_CHANGE_PM)) {
		rc = past_pu_job(g, ei, np.nik, np.adult_day, start);
		if (rc != JR_EOK)
			return rc;
	}
	int64_t end = -1;
	if (rng_pm(&g->rng, PKWT_PM)) /* fixed-term contract still running */
		end = g->today_day + rng_range(&g->rng, 30, 365);
	return put_pu(g, ei, np.nik, start, end, oc->name);
}

static jr_err build_pu(struct gen *g)
{
	jr_err rc = allocate_quotas(g);
	for (size_t i = 0; i < g->nemps && rc == JR_EOK; i++) {
		const struct emp *e = &g->emps[i];
		for (int32_t k = 0; k < e->quota && rc == JR_EOK; k++)
			rc = pu_worker(g, (int)i, true);
		int64_t leavers = e->flags & EF_CLOSED
					  ? 1 + rng_round(&g->rng, (int64_t)e->n_lic * 400, 1000)
					  : rng_round(&g->rng, (int64_t)e->quota * LEAVER_PM, 1000);
		for (int64_t k = 0; k < leavers && rc == JR_EOK; k++)
			rc = pu_worker(g, (int)i, false);
	}
	return rc;
}

/* ---- informal workers (BPU) ---- */

static unsigned bpu_programs(struct gen *g, int jht_pm)
{
	return PROG_JKK | PROG_JKM | (rng_pm(&g->rng, jht_pm) ? PROG_JHT : 0u);
}

static jr_err bpu_worker(struct gen *g, const struct bpu_cat *c, bool active)
{
	const struct occ *oc = pick_occ(&g->rng, c->occ);
	struct person_spec ps = {
		.district = pick_district(g, c->profile, c->hot),
		.occ = oc,
		.phone_pm = c->phone_pm,
	};
	struct new_person np;
	jr_err rc = new_person(g, &ps, &np);
	if (rc != JR_EOK)
		return rc;
	struct mspec ms = {
		.nik = np.nik,
		.emp = -1,
		.segment = SEG_BPU,
		.wage_sen = RUPIAH(100000) * rng_range(&g->rng, c->inc_lo, c->inc_hi),
		.programs = bpu_programs(g, c->jht_pm),
		.end = -1,
		.occupation = oc->name,
		.region = g->villages[np.village].code,
	};
	int64_t lo = max64(g->lo_day, np.adult_day);
	if (active) {
		ms.start = start_day(g, lo, g->today_day);
		/* Left a factory job for the road or the market. */
		if (rng_pm(&g->rng, c->former_pu_pm)) {
			rc = past_pu_job(g, -1, np.nik, np.adult_day, ms.start);
			if (rc != JR_EOK)
				return rc;
		}
	} else if (!span_in(g, lo, g->today_day - 1, 90, 1095, &ms.start, &ms.end)) {
		/* Stopped paying: non-aktif after three months (domain.md). */
		ms.end = g->today_day - 1;
		ms.start = min64(ms.end, max64(lo, ms.end - 90));
	}
	return put_membership(g, &ms);
}

/*
 * The city's cohort: religious social workers and lebe of Kota Pekalongan,
 * insured for a year at a time from the city budget at the lowest income
 * band (JKK Rp10,000 + JKM Rp6,800 a month).  Most are re-enrolled each year.
 */
static jr_err build_cohort(struct gen *g)
{
	int cur = g->today.month >= COHORT_MONTH ? g->today.year : g->today.year - 1;
	int first = cur - 2;
	if (first < COHORT_FIRST_YEAR)
		first = cur < COHORT_FIRST_YEAR ? cur : COHORT_FIRST_YEAR;
	int64_t active = (int64_t)BASE_COHORT_ACTIVE * g->scale;
	int64_t former = first < cur ? (int64_t)BASE_COHORT_FORMER * g->scale : 0;
	for (int64_t i = 0; i < active + former; i++) {
		const struct occ *oc = pick_occ(&g->rng, &occ_religious);
		struct person_spec ps = {
			.district = pick_district(g, PROF_KOTA, HOT_NONE),
			.occ = oc,
			.age_lo = oc->age_lo > 25 ? oc->age_lo : 25,
			.phone_pm = 450,
		};
		struct new_person np;
		jr_err rc = new_person(g, &ps, &np);
		if (rc != JR_EOK)
			return rc;
		bool in_cur = i < active;
		int last = in_cur ? cur : (int)rng_range(&g->rng, first, cur - 1);
		bool any = false;
		for (int y = first; y <= last; y++) {
			bool member = y == last || rng_pm(&g->rng, COHORT_REJOIN_PM);
			int64_t s = day_of((struct date){y, COHORT_MONTH, 1});
			if (!member || s < g->lo_day || s < np.adult_day)
				continue;
			any = true;
			struct mspec ms = {
				.nik = np.nik,
				.emp = -1,
				.segment = SEG_BPU,
				.wage_sen = RUPIAH(1000000),
				.programs = PROG_JKK | PROG_JKM,
				.start = s,
				.end = day_of(date_add_months(date_of(s), 12)) - 1,
				.occupation = oc->name,
				.region = g->villages[np.village].code,
			};
			rc = put_membership(g, &ms);
			if (rc != JR_EOK)
				return rc;
		}
		if (!any)
			return errbuf_set(g->eb, JR_EINVALID, "demo: kohort tanpa kepesertaan");
	}
	return JR_EOK;
}

static jr_err build_bpu(struct gen *g)
{
	jr_err rc = build_cohort(g);
	for (size_t c = 0; c < ARRAY_SIZE(bpu_cats) && rc == JR_EOK; c++) {
		int64_t n = (int64_t)bpu_cats[c].base * g->scale;
		int64_t ended = n * bpu_cats[c].ended_pm / 1000;
		for (int64_t i = 0; i < n && rc == JR_EOK; i++)
			rc = bpu_worker(g, &bpu_cats[c], true);
		for (int64_t i = 0; i < ended && rc == JR_EOK; i++)
			rc = bpu_worker(g, &bpu_cats[c], false);
	}
	return rc;
}

/* ---- construction (JAKON) ---- */

static int cmp_project(const void *a, const void *b)
{
	const struct project *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void new_project(struct gen *g, struct project *p, bool running, uint32_t seq)
{
	struct rng *r = &g->rng;
	p->firm = (int32_t)g->firms[pick_cum(r, g->firm_cum, g->nfirms)];
	const struct emp *f = &g->emps[p->firm];
	p->district = rng_pm(r, 600) ? f->district : home_district(g, f->district);
	p->village = pick_village_in(g, p->district);
	uint64_t u = rng_below(r, 1000);
	p->workers = (int32_t)(5 + (int64_t)(55 * u * u / 1000000));
	int64_t len = 30 * rng_range(r, 3, 12);
	if (running) {
		p->start = max64(g->lo_day, g->today_day - rng_range(r, 0, len - 1));
		p->end = p->start + len - 1;
		if (p->end < g->today_day)
			p->end = g->today_day + rng_range(r, 0, 60);
	} else {
		/* More registered projects lately: the end skews towards today. */
		int64_t lo = g->lo_day + len;
		int64_t hi = g->today_day - 1;
		if (hi < lo)
			lo = hi;
		p->end = start_day(g, lo, hi);
		p->start = max64(g->lo_day, p->end - len + 1);
	}
	p->seq = seq;
}

/* Running projects exactly fill the active target; finished ones about theirs. */
static jr_err plan_projects(struct gen *g, struct project **out, size_t *nout)
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
					return nomem(g);
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
static jr_err find_builder(struct gen *g, struct builders *bs, const struct project *p,
			   const struct occ *oc, int64_t start, struct builder **out)
{
	struct rng *r = &g->rng;
	if (bs->n && rng_pm(r, 550)) {
		for (int tries = 0; tries < 6; tries++) {
			struct builder *c = &bs->v[rng_below(r, bs->n)];
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
			return nomem(g);
		bs->v = q;
		bs->cap = cap;
	}
	/* Old enough to have been 18 when this project started. */
	int min_age = 18 + (int)((g->today_day - start) / 365) + 1;
	struct person_spec ps = {
		.district = home_district(g, p->district),
		.occ = oc,
		.age_lo = min_age > 20 ? min_age : 20,
		.age_hi = min_age + 5 > 55 ? min_age + 5 : 55,
		.adult_by = start,
		.phone_pm = 450,
	};
	struct new_person np;
	jr_err rc = new_person(g, &ps, &np);
	if (rc != JR_EOK)
		return rc;
	struct builder *b = &bs->v[bs->n++];
	b->nik = np.nik;
	b->adult_day = np.adult_day;
	*out = b;
	return JR_EOK;
}

static jr_err build_jakon(struct gen *g)
{
	struct rng *r = &g->rng;
	struct project *proj = NULL;
	struct builders bs = {NULL, 0, 0};
	size_t nproj = 0;

	g->firms = malloc(g->nemps * sizeof(*g->firms));
	g->firm_cum = malloc(g->nemps * sizeof(*g->firm_cum));
	if (!g->firms || !g->firm_cum)
		return nomem(g);
	for (size_t i = 0; i < g->nemps; i++) {
		if (g->emps[i].sector != SEC_CONSTRUCTION || (g->emps[i].flags & EF_CLOSED))
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
			const struct occ *oc = pick_occ(r, &occ_jakon);
			int64_t start = min64(p->start + rng_range(r, 0, 14),
					      min64(p->end, g->today_day));
			struct builder *b = NULL;
			rc = find_builder(g, &bs, p, oc, start, &b);
			if (rc != JR_EOK)
				break;
			b->free_from = p->end + 1;
			/* Contributions follow the contract value; a wage only when known. */
			int64_t wage = 0;
			if (rng_pm(r, 400))
				wage = RUPIAH(5000) * rng_range(r, 16, 30) * 25; /* daily x 25 */
			struct mspec ms = {
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
			rc = put_membership(g, &ms);
		}
	}
	free(proj);
	free(bs.v);
	return rc;
}

/* ---- entry point ---- */

static void gen_free(struct gen *g)
{
	for (int p = 0; p < PROF_COUNT; p++)
		for (int h = 0; h < HOT_COUNT; h++)
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

	struct gen *g = calloc(1, sizeof(*g));
	if (!g)
		return errbuf_set(eb, JR_ENOMEM, "demo: memori tidak cukup");
	g->s = s;
	g->ref = ref;
	g->eb = eb;
	g->scale = o->scale;
	g->today = o->today;
	g->today_day = day_of(o->today);
	/* Registrations since 2019, or the last two years when today is earlier. */
	g->lo_day = min64(day_of((struct date){2019, 1, 1}), g->today_day - 730);
	rng_seed(&g->rng, o->seed);
	perm_init(&g->npp_perm, &g->rng, 90000000);
	perm_init(&g->nib_perm, &g->rng, 1000000000);
	perm_init(&g->npwp_perm, &g->rng, 1000000);
	perm_init(&g->kpj_perm, &g->rng, 1000000000);

	jr_err rc = load_geography(g);
	if (rc == JR_EOK)
		rc = build_gov_candidates(g);
	if (rc == JR_EOK)
		rc = build_market_candidates(g);
	if (rc == JR_EOK)
		rc = build_employers(g);
	if (rc == JR_EOK)
		rc = build_pu(g);
	if (rc == JR_EOK)
		rc = build_bpu(g);
	if (rc == JR_EOK)
		rc = build_jakon(g);
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
		}
	}
	gen_free(g);
	free(g);
	return rc;
}
