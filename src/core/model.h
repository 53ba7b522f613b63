/*
 * model.h - the registry's values: employers, persons, memberships and the
 * small vocabularies they use (segment, program, scale, kind, sex).
 *
 * Pure data and name<->value conversions; no I/O.  Names accepted from files
 * are matched case-insensitively in English and Bahasa Indonesia; names
 * written out are the canonical English codes of docs/formats.md.
 */
#ifndef JARING_CORE_MODEL_H
#define JARING_CORE_MODEL_H

#include "compat.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/nik.h"
#include "core/region.h"
#include "core/text.h"

/* Participant segments (DESIGN.md "membership"). */
enum segment {
	SEG_NONE = 0,
	SEG_PU,    /* Penerima Upah: wage earners */
	SEG_BPU,   /* Bukan Penerima Upah: non-wage earners */
	SEG_JAKON, /* Jasa Konstruksi: construction, per project */
	SEG_PMI,   /* Pekerja Migran Indonesia */
	SEG_COUNT
};

/* Programs as bits, so a membership's set is one integer. */
enum program {
	PROG_JKK = 1 << 0, /* work accident */
	PROG_JKM = 1 << 1, /* death */
	PROG_JHT = 1 << 2, /* old-age savings */
	PROG_JP = 1 << 3,  /* pension */
	PROG_JKP = 1 << 4, /* job loss */
};
#define PROG_ALL (PROG_JKK | PROG_JKM | PROG_JHT | PROG_JP | PROG_JKP)

enum scale { SCALE_NONE = 0, SCALE_MICRO, SCALE_SMALL, SCALE_MEDIUM, SCALE_LARGE, SCALE_COUNT };

enum employer_kind {
	EKIND_NONE = 0,
	EKIND_COMPANY,
	EKIND_GOVERNMENT_OFFICE, /* OPD with non-civil-servant workers */
	EKIND_RELIGIOUS_UNIT,    /* amal usaha: school, clinic, business of a religious body */
	EKIND_MARKET,
	EKIND_COOPERATIVE,
	EKIND_OTHER,
	EKIND_COUNT
};

#define NAME_MAX_BYTES 200
#define TEXT_MAX_BYTES 500

struct employer {
	int64_t id;                    /* store's key; 0 before it is stored */
	char npp[NPP_SIZE];
	char name[NAME_MAX_BYTES + 1];
	char nib[NIB_SIZE];            /* "" when unknown */
	char npwp[NPWP_SIZE];
	char kbli[KBLI_SIZE];
	char region_code[REGION_CODE_SIZE];
	char address[TEXT_MAX_BYTES + 1];
	enum scale scale;              /* SCALE_NONE when unknown */
	int risk_group;                /* JKK risk group 1..5, 0 unknown */
	enum employer_kind kind;
};

struct person {
	int64_t nik;                   /* nik_to_int() of the 16 digits */
	char name[NAME_MAX_BYTES + 1];
	bool has_birth_date;
	struct date birth_date;
	char sex;                      /* 'M', 'F' or 0 */
	char region_code[REGION_CODE_SIZE]; /* where the person lives (domisili) */
	char phone[PHONE_SIZE];
};

struct membership {
	int64_t id;                    /* store's key; 0 before it is stored */
	int64_t person_nik;
	char kpj[KPJ_SIZE];            /* "" when not yet issued */
	int64_t employer_id;           /* 0: none (BPU) */
	enum segment segment;
	int64_t wage_sen;              /* PU monthly wage; BPU declared income */
	unsigned programs;             /* enum program bits */
	struct date start;
	bool has_end;
	struct date end;
	char occupation[NAME_MAX_BYTES + 1];
	char region_code[REGION_CODE_SIZE]; /* work location when known; "" otherwise */
};

/* Canonical codes: "PU", "BPU", "JAKON", "PMI"; "" for SEG_NONE. */
const char *segment_name(enum segment s);
/* Accepts the codes and their long names (Penerima Upah, Jasa Konstruksi...). */
enum segment segment_parse(const char *s, size_t len);

/*
 * Parses a program list separated by spaces, '+', ',' or ';' ("JKK JKM JHT JP",
 * "jkk+jkm").  JR_EINVALID with the unknown token in eb; an empty list gives 0.
 */
jr_err programs_parse(const char *s, size_t len, unsigned *out, struct errbuf *eb);
/* Writes "JKK JKM JHT JP" (canonical order) into buf; returns buf. */
char *programs_format(unsigned programs, char *buf, size_t size);

/*
 * The programs a PU employer of a size must enrol (Perpres 109/2013 Pasal 6):
 * large and medium JKK JKM JHT JP; small JKK JKM JHT; micro JKK JKM.  Unknown
 * size: the large set.
 */
unsigned programs_required_pu(enum scale s);
/* Programs a segment may hold at all: BPU/JAKON/PMI have no JP nor JKP. */
unsigned programs_allowed(enum segment s);

const char *scale_name(enum scale s);
enum scale scale_parse(const char *s, size_t len);
const char *employer_kind_name(enum employer_kind k);
enum employer_kind employer_kind_parse(const char *s, size_t len);
/* "M"/"L"/"laki-laki"/"pria"/"male" -> 'M'; "F"/"P"/"perempuan"/"wanita"/"female" -> 'F'; else 0. */
char sex_parse(const char *s, size_t len);
/* "1".."5" or "I".."V" -> 1..5; else 0. */
int risk_group_parse(const char *s, size_t len);

#endif
