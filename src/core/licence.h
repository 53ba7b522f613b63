/*
 * licence.h - a business licence from the licensing office (OSS / DPMPTSP)
 * and the vocabulary of the leads it may become.
 *
 * Pure data and name<->value conversions; no I/O.  Columns of the licensing
 * file: docs/formats.md "Licensing"; the pipeline of a lead: docs/rules.md
 * "Leads".
 */
#ifndef JARING_CORE_LICENCE_H
#define JARING_CORE_LICENCE_H

#include "compat.h"
#include "core/model.h"

/* Longest legal form kept ("koperasi", "yayasan"...). */
#define LEGAL_FORM_SIZE 16

struct licence {
	int64_t id;                      /* store's key; 0 before it is stored */
	char nib[NIB_SIZE];
	char name[NAME_MAX_BYTES + 1];   /* as written, legal form included if it was */
	char legal_form[LEGAL_FORM_SIZE];/* canonical (pt, cv...), "" unknown */
	char address[TEXT_MAX_BYTES + 1];
	char region_code[REGION_CODE_SIZE];
	char kbli[KBLI_SIZE];
	int64_t employees;               /* declared workers; -1 unknown */
	int64_t avg_wage_sen;            /* declared average monthly wage; -1 unknown */
	struct date licensed_on;
	char npwp[NPWP_SIZE];
};

/* Steps of a lead's follow-up, in pipeline order. */
enum lead_status {
	LEAD_NONE = 0,
	LEAD_NEW,
	LEAD_CONTACTED,
	LEAD_VISITED,
	LEAD_REGISTERED,
	LEAD_REFUSED,
	LEAD_STATUS_COUNT
};

/* "new", "contacted", "visited", "registered", "refused"; "" for NONE. */
const char *lead_status_name(enum lead_status s);
/* The names above and baru, dihubungi, dikunjungi, terdaftar, menolak; NONE if unknown. */
enum lead_status lead_status_parse(const char *s, size_t len);

#endif
