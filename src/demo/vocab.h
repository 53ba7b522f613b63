/*
 * vocab.h - the vocabulary of the demonstration registry (see demo.h): the
 * four regencies of the Pekalongan branch and how work spreads over them,
 * occupations, employer sectors with their name patterns, the fixed lists of
 * government offices, markets and religious units, and the words that
 * personal names, business names and addresses are made of.
 *
 * Data only, no logic: the generator (demo.c and the files beside it) draws
 * from these tables with its own random stream, so the order of every table
 * is part of the demo's output; changing it changes the data for a seed.
 * Tables are read-only and live for the whole program.
 */
#ifndef JARING_DEMO_VOCAB_H
#define JARING_DEMO_VOCAB_H

#include "compat.h"
#include "core/model.h"

/* ---- geography ---- */

enum vocab_regency_id {
	VOCAB_REG_KOTA,     /* Kota Pekalongan */
	VOCAB_REG_KAB,      /* Kabupaten Pekalongan */
	VOCAB_REG_BATANG,
	VOCAB_REG_PEMALANG,
	VOCAB_REG_COUNT
};

struct vocab_regency {
	const char *code;    /* "33.75": also the key of its UMK in refdata */
	const char *capital; /* district of the regency's offices */
};

extern const struct vocab_regency vocab_regencies[VOCAB_REG_COUNT];

/* How employers and informal workers spread over the regencies (per mille). */
enum vocab_profile { VOCAB_PROF_EMP, VOCAB_PROF_BPU, VOCAB_PROF_KOTA, VOCAB_PROF_COUNT };
extern const int vocab_profile_weights[VOCAB_PROF_COUNT][VOCAB_REG_COUNT];

/* Districts where a kind of work concentrates (NULL-terminated code lists). */
enum vocab_hot {
	VOCAB_HOT_NONE,
	VOCAB_HOT_BATIK, /* batik kampungs */
	VOCAB_HOT_COAST, /* the north coast */
	VOCAB_HOT_URBAN, /* towns */
	VOCAB_HOT_COUNT
};
#define VOCAB_HOT_MAX 16
extern const char *const vocab_hot_sets[VOCAB_HOT_COUNT][VOCAB_HOT_MAX];

/* Relative size of a district: towns large, the mountains small. */
#define VOCAB_URBAN_DEFAULT 3 /* a district not listed */
struct vocab_urban {
	const char *code;
	int weight;
};
extern const struct vocab_urban vocab_urban_weights[];
extern const size_t vocab_nurban_weights;

/* ---- occupations ---- */

struct vocab_occ {
	const char *name;
	uint16_t weight;
	uint16_t female_pm;
	uint8_t age_lo, age_hi; /* at today; 0: 18..58 */
};

struct vocab_occset {
	const struct vocab_occ *v;
	size_t n;
};

/* The sets the generator names itself; the others come through the tables below. */
extern const struct vocab_occset vocab_occ_gov_office, vocab_occ_gov_health, vocab_occ_gov_kel,
	vocab_occ_gov_desa, vocab_occ_market, vocab_occ_jakon, vocab_occ_religious;

/* ---- employers ---- */

enum vocab_sector_id {
	VOCAB_SEC_BATIK,
	VOCAB_SEC_GARMENT,
	VOCAB_SEC_TEXTILE_TRADE,
	VOCAB_SEC_FISH_PROC,
	VOCAB_SEC_FISHING,
	VOCAB_SEC_RETAIL,
	VOCAB_SEC_FOOD,
	VOCAB_SEC_HOTEL,
	VOCAB_SEC_CONSTRUCTION,
	VOCAB_SEC_TRANSPORT,
	VOCAB_SEC_FINANCE,
	VOCAB_SEC_WORKSHOP,
	VOCAB_SEC_CLINIC,
	VOCAB_SEC_PERSONAL,
	VOCAB_SEC_TUTOR,
	VOCAB_SEC_GOV,
	VOCAB_SEC_RELIGIOUS,
	VOCAB_SEC_MARKET,
	VOCAB_SEC_COOP,
	VOCAB_SEC_COUNT
};

/*
 * A name pattern with the KBLI 2020 code and JKK risk group that go with it.
 * %W business word (distinct within a name), %A Arabic-style word, %M male
 * first name, %P female first name, %T town, %R regency, %V village, %N number.
 */
struct vocab_name_pat {
	const char *fmt;
	const char *kbli;
	uint8_t risk_lo, risk_hi;
	uint8_t weight;
	uint8_t hot;                     /* 0: the sector's */
	const struct vocab_occset *occ;  /* NULL: the sector's */
	uint8_t max_scale;               /* 0: any; a warung is never large */
};

struct vocab_sector {
	const char *key;
	enum employer_kind kind;
	int share;          /* per mille of employers */
	int scale_pm[4];    /* micro, small, medium, large */
	const struct vocab_name_pat *pats;
	size_t npats;
	const struct vocab_occset *occ;
	int hot;
	int nib_pm;         /* has an NIB (OSS licence) */
	int under_pm;       /* reports wages below the UMK */
	int fewer_pm;       /* enrols fewer programs than its size requires */
	int wage_up_pm;     /* workers paid clearly above the UMK */
};

extern const struct vocab_sector vocab_sectors[VOCAB_SEC_COUNT];

/* Government offices (OPD), the big employers of contract workers first. */
struct vocab_opd {
	const char *fmt; /* a name pattern, %R */
	const char *kbli;
	uint8_t risk, scale;
	const struct vocab_occset *occ;
};
extern const struct vocab_opd vocab_opds[];
extern const size_t vocab_nopds;

/* A named place: a village code, or a district code when the village is not known. */
struct vocab_place {
	const char *name;
	const char *code;
};

/* The regency hospital of each regency (index = VOCAB_REG_*). */
extern const struct vocab_place vocab_hospitals[VOCAB_REG_COUNT];

/* Markets by name, with the district they stand in. */
extern const struct vocab_place vocab_markets[];
extern const size_t vocab_nmarkets;

/* Amal usaha of Muhammadiyah and NU; numbered ones repeat per town. */
struct vocab_rel_tpl {
	const char *fmt; /* a name pattern, %N %T %A */
	const char *kbli;
	uint8_t risk, scale_lo, scale_hi;
	const struct vocab_occset *occ;
	uint8_t weight;
	bool numbered;
};
extern const struct vocab_rel_tpl vocab_rel_tpls[];
extern const size_t vocab_nrel_tpls;
#define VOCAB_REL_NUMBER_CAP 15 /* beyond this a town's numbering looks made up */

/* Single religious units, written first whatever the scale. */
struct vocab_rel_special {
	const char *name;
	const char *village;
	const char *kbli;
	uint8_t risk, scale;
	const struct vocab_occset *occ;
};
extern const struct vocab_rel_special vocab_rel_specials[];
extern const size_t vocab_nrel_specials;

/* ---- words and names ---- */

struct vocab_words {
	const char *const *v;
	size_t n;
};

extern const struct vocab_words vocab_biz_words, vocab_arabic_words, vocab_male_first,
	vocab_male_second, vocab_male_prefixes, vocab_female_first, vocab_female_second,
	vocab_streets, vocab_phone_prefixes;

/* ---- informal (BPU) categories ---- */

struct vocab_bpu_cat {
	const char *key;
	int base;                 /* active at scale 1 */
	const struct vocab_occset *occ;
	int hot, profile;
	int inc_lo, inc_hi;       /* declared income in Rp100,000 steps */
	int jht_pm, phone_pm, ended_pm, former_pu_pm;
};
extern const struct vocab_bpu_cat vocab_bpu_cats[];
extern const size_t vocab_nbpu_cats;

#endif
