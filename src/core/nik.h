/*
 * nik.h - the Indonesian national identity number (NIK, Dukcapil).
 *
 * 16 digits PP KK CC DD MM YY SSSS: province, regency/city and district
 * (kecamatan) where first registered, birth day (women: day + 40), month,
 * two-digit year, serial.  Hard rules make a NIK invalid; soft rules only warn,
 * because a NIK is for life and its date part may legitimately disagree with
 * the true birth date (PP 40/2019 Pasal 30(2)).  See domain.md section 5.
 */
#ifndef JARING_CORE_NIK_H
#define JARING_CORE_NIK_H

#include "compat.h"
#include "core/date.h"
#include "core/region.h"

#define NIK_DIGITS 16
#define NIK_MAX_MESSAGES 8
#define NIK_MESSAGE_SIZE 120

struct nik_info {
	char nik[NIK_DIGITS + 1];   /* the digits found in the input (at most 16 kept) */
	bool valid;                 /* no hard rule broken */
	int nerrors, nwarnings;
	char errors[NIK_MAX_MESSAGES][NIK_MESSAGE_SIZE];   /* Bahasa Indonesia */
	char warnings[NIK_MAX_MESSAGES][NIK_MESSAGE_SIZE];
	/* Decoded parts; a field is "" (or has_birth_date false, sex 0) when it
	 * cannot be decoded. */
	char province_code[3];      /* "33" */
	char regency_code[6];       /* "33.75" */
	char district_code[9];      /* "33.75.01" */
	const char *province;       /* names from the region index, or NULL */
	const char *regency;
	const char *district;
	bool has_birth_date;
	struct date birth_date;
	char sex;                   /* 'M', 'F' or 0 */
	char serial[5];             /* "0001" */
};

/*
 * Checks and decodes a NIK.  Spaces, dots and dashes in s[0..len) are ignored;
 * any other non-digit is a hard error.  Hard rules: exactly 16 digits, known
 * province (in regions), day 01-31 or 41-71, month 01-12, a real calendar day
 * (29 February only in leap years), serial not 0000.  Soft rules (warnings):
 * regency or district code not in regions, birth date after `today`.  The
 * century: 20YY unless that year is after today's year, then 19YY.
 * regions may be NULL (then province is not checked and no names are filled).
 * Returns info->valid.
 */
bool nik_parse(const char *s, size_t len, const struct region_index *regions,
	       struct date today, struct nik_info *info);

/* The NIK as a 64-bit integer (first digit is never 0), for compact keys. */
int64_t nik_to_int(const char nik[static NIK_DIGITS + 1]);
/* Back to 16 digits + NUL. */
void nik_from_int(int64_t v, char out[static NIK_DIGITS + 1]);

#endif
