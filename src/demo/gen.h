/*
 * gen.h - the demo generator's shared state and tools, private to src/demo/.
 *
 * demo_build (demo.c) runs the generator in stages over one struct demo_gen:
 * geography and UMK (geo.c), employers (employers.c), then wage earners,
 * informal workers and construction workers (workers.c), who become persons
 * and memberships through people.c.  Every stage draws from the one random
 * stream in g->rng, in a fixed order: calling the stages in another order,
 * or drawing once more anywhere, changes the data for a seed.
 */
#ifndef JARING_DEMO_GEN_H
#define JARING_DEMO_GEN_H

#include "compat.h"
#include "demo/demo.h"
#include "demo/vocab.h"

/* ---- random numbers: xoshiro256**, keyed permutations (demo.c) ---- */

struct demo_rng {
	uint64_t s[4];
};

/* Uniform in 0..n-1 (n > 0), without modulo bias. */
uint64_t demo_rng_below(struct demo_rng *r, uint64_t n);
/* Uniform in lo..hi inclusive; lo when hi < lo. */
int64_t demo_rng_range(struct demo_rng *r, int64_t lo, int64_t hi);
/* True permille times in a thousand. */
bool demo_rng_pm(struct demo_rng *r, int permille);
/* num/den rounded up or down at random so that the mean is exact. */
int64_t demo_rng_round(struct demo_rng *r, int64_t num, int64_t den);
/* Index of the first cumulative weight above a random draw (cum[n-1] > 0). */
size_t demo_pick_cum(struct demo_rng *r, const int64_t *cum, size_t n);

/* One word of a struct vocab_words. */
#define DEMO_PICK(r, words) ((words).v[demo_rng_below((r), (words).n)])

/* A keyed permutation of 0..m-1: unique identifiers that look random. */
struct demo_perm {
	uint64_t m, mask, k1, k2, k3;
	int bits;
};

/* The i-th value (i < m). */
uint64_t demo_perm_at(const struct demo_perm *p, uint64_t i);

/* ---- a bounded string builder for names and addresses (demo.c) ---- */

struct demo_sb {
	char *buf;
	size_t cap, len;
};

/* Starts an empty string in buf (cap > 0); what does not fit is cut off. */
void demo_sb_init(struct demo_sb *b, char *buf, size_t cap);
void demo_sb_add(struct demo_sb *b, const char *s);
void demo_sb_addf(struct demo_sb *b, const char *fmt, ...) JR_PRINTF(2, 3);

/* ---- generator state ---- */

struct demo_village {
	char code[REGION_CODE_SIZE];
	const char *name; /* owned by the region index */
};

struct demo_district {
	char code[REGION_CODE_SIZE];
	int64_t nik_prefix; /* the six digits as a number: 337501 */
	const char *name;
	int regency;        /* VOCAB_REG_* */
	int urban;
	size_t first_village, nvillages;
};

/* What an employer's registrations should show (struct demo_emp.flags). */
enum {
	DEMO_EF_CLOSED = 1 << 0,     /* every worker has left */
	DEMO_EF_PARTIAL = 1 << 1,    /* registers only part of its workers */
	DEMO_EF_UNDER_WAGE = 1 << 2, /* reports wages below the UMK */
	DEMO_EF_FEWER = 1 << 3,      /* enrols fewer programs than its size requires */
	DEMO_EF_EXTRA_JHT = 1 << 4,  /* a micro firm enrolling JHT anyway */
	DEMO_EF_JKP = 1 << 5,        /* enrols JKP where it can */
};

/* What the generator remembers of an employer after writing it. */
struct demo_emp {
	int64_t id;
	const struct vocab_occset *occ;
	int32_t district, village;
	int32_t n_lic; /* workers it would declare on a licence */
	int32_t quota; /* active PU workers it has registered */
	uint8_t sector, scale, flags;
};

struct demo_nikset {
	uint64_t *slots; /* 0 = empty; NIKs are never 0 */
	size_t cap, len;
};

struct demo_cand; /* employers.c */

/* The city's cohort year starts on 1 September (an assumption, domain.md 7.2:
 * the PKS was signed in August 2023); at most three years are generated. */
#define DEMO_COHORT_MONTH 9
#define DEMO_COHORT_FIRST_YEAR 2023
#define DEMO_COHORT_YEARS_MAX 4
/* Religious social workers and lebe the city pays for, per scale. */
#define BASE_COHORT_TARGET 2170

/* Years of UMK the generator can ask for: lo_day's year (>= 1998) to today's (<= 2099). */
#define DEMO_UMK_YEARS 102

struct demo_gen {
	struct store *s;
	const struct refdata *ref;
	struct errbuf *eb;
	struct demo_rng rng;
	int scale;
	struct date today;
	int64_t today_day, lo_day;

	/* geo.c */
	const char *regency_name[VOCAB_REG_COUNT];
	size_t reg_first[VOCAB_REG_COUNT], reg_n[VOCAB_REG_COUNT]; /* district ranges */
	struct demo_district *districts;
	size_t ndistricts, cap_districts;
	struct demo_village *villages;
	size_t nvillages, cap_villages;
	int64_t *cum[VOCAB_PROF_COUNT][VOCAB_HOT_COUNT]; /* cumulative district weights */
	int umk_first_year, umk_nyears;
	int64_t umk[VOCAB_REG_COUNT][DEMO_UMK_YEARS]; /* sen, from umk_first_year */

	/* employers.c */
	struct demo_emp *emps;
	size_t nemps;
	struct demo_cand *gov, *markets;
	size_t ngov, nmarkets, gov_next, market_next;
	int *rel_count; /* per template x town (0 = the city, 1 + district) */
	struct demo_perm npp_perm, nib_perm, npwp_perm;
	uint64_t npp_next, nib_next, npwp_next;
	int64_t by_kind[EKIND_COUNT];
	struct employer e; /* scratch, large */

	/* workers.c */
	int64_t *emp_cum; /* cumulative n_lic, to pick an employer for a past job */
	size_t *firms;    /* construction firms */
	size_t nfirms;
	int64_t *firm_cum;

	/* partners.c: the welfare section's yearly cohorts, from cohort_first_year */
	int64_t cohort_id[DEMO_COHORT_YEARS_MAX];
	int64_t cohort_partner;
	int cohort_first_year;

	/* people.c */
	struct demo_nikset niks;
	struct demo_perm kpj_perm;
	uint64_t kpj_next;
};

/* Fills g->eb for an allocation failure and returns JR_ENOMEM. */
jr_err demo_nomem(struct demo_gen *g);

static inline int64_t demo_max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static inline int64_t demo_min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* ---- geography and UMK (geo.c) ---- */

/*
 * Reads the districts and villages of the four regencies from the region
 * index, builds the district weight tables and the UMK of each regency for
 * every year from lo_day to today.  JR_ENOTFOUND when the region index or
 * the UMK data lacks a regency; JR_ENOMEM.  Draws no random numbers.
 */
jr_err demo_load_geography(struct demo_gen *g);

/* The UMK (sen) an employer in regency owes for year. */
int64_t demo_umk(const struct demo_gen *g, int regency, int year);

/* VOCAB_REG_* of a district or village code; -1 outside the four regencies. */
int demo_regency_of(const char *code);
/* Index of the district a district or village code lies in; -1 if none. */
int demo_find_district(const struct demo_gen *g, const char *code);
/* Index of a village; -1 if none. */
int demo_find_village(const struct demo_gen *g, const char *code);
/* A district by the profile's regency shares, hot districts boosted. */
int demo_pick_district(struct demo_gen *g, int profile, int hot);
/* A village of district (which has villages). */
int demo_pick_village(struct demo_gen *g, int district);
/* Where someone working in work_district lives: mostly nearby, some commute. */
int demo_home_district(struct demo_gen *g, int work_district);

/* ---- employers (employers.c) ---- */

/*
 * Writes scale x 4,000 employers: companies by sector, then government
 * offices, markets, religious units and cooperatives mixed in, and fills
 * g->emps with what the worker stages need.  Needs demo_load_geography.
 */
jr_err demo_build_employers(struct demo_gen *g);

/* ---- persons and memberships (people.c) ---- */

struct demo_person_spec {
	int district;        /* residence district */
	const struct vocab_occ *occ;
	int age_lo, age_hi;  /* override of the occupation's range when > 0 */
	int64_t adult_by;    /* must be 18 on or before this day (0: no constraint) */
	int phone_pm;
};

struct demo_new_person {
	int64_t nik;
	int64_t adult_day;
	int village;
};

/* Writes a new person (fresh NIK, name, village, phone) and tells who it is. */
jr_err demo_new_person(struct demo_gen *g, const struct demo_person_spec *ps,
		       struct demo_new_person *np);

struct demo_mspec {
	int64_t nik;
	int emp;             /* index into emps, -1 none */
	enum segment segment;
	int64_t wage_sen;
	unsigned programs;
	int64_t start;
	int64_t end;         /* -1: open */
	const char *occupation;
	const char *region;
	int64_t cohort_id;   /* 0 none; else paid by g->cohort_partner */
};

/* Writes a membership, with a KPJ card number unless it is still being printed. */
jr_err demo_put_membership(struct demo_gen *g, const struct demo_mspec *ms);

/* Writes v as exactly n decimal digits (zero-padded, high digits dropped) at out. */
void demo_put_digits(char *out, uint64_t v, int n);

/* ---- partners (partners.c) ---- */

/*
 * Writes the partners, agreements and the cohorts' yearly PKS, ties units
 * to their partners, and writes workforce and targets.  Needs the employers.
 */
jr_err demo_build_partners(struct demo_gen *g);

/* ---- workers (workers.c) ---- */

/* The welfare section's cohort years: first..cur (cur: the year of the latest 1 September). */
void demo_cohort_years(const struct demo_gen *g, int *first, int *cur);

/* Wage earners: each employer's active quota and its leavers.  Needs the employers. */
jr_err demo_build_pu(struct demo_gen *g);
/* Informal workers: the city's cohort, fishers, traders, drivers, home workers. */
jr_err demo_build_bpu(struct demo_gen *g);
/* Construction workers per project of the construction firms. */
jr_err demo_build_jakon(struct demo_gen *g);

/* ---- licensing (licensing.c) ---- */

/*
 * The licensing office's list: licences of about three in ten registered
 * companies (some declaring more workers or higher wages than registered)
 * and scale x 400 of unregistered businesses.  Counts each kind.  Last stage.
 */
jr_err demo_build_licensing(struct demo_gen *g, int64_t *registered, int64_t *unregistered);

#endif
