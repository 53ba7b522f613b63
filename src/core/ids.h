/*
 * ids.h - the other identifiers: KPJ, NIB, NPWP, NPP, KBLI code, phone.
 *
 * Each checker takes raw input, ignores spaces, dots and dashes (and for NPWP
 * the usual XX.XXX.XXX.X-XXX.XXX punctuation), writes the canonical digits into
 * out and returns JR_EOK, or JR_EINVALID with the reason (Bahasa Indonesia) in
 * eb.  Sources: domain.md section 5.
 */
#ifndef JARING_CORE_IDS_H
#define JARING_CORE_IDS_H

#include "compat.h"
#include "core/err.h"

/* KPJ, participant card number: exactly 11 digits. */
#define KPJ_SIZE 12
jr_err kpj_check(const char *s, size_t len, char out[static KPJ_SIZE], struct errbuf *eb);

/* NIB (OSS business identification number): exactly 13 digits. */
#define NIB_SIZE 14
jr_err nib_check(const char *s, size_t len, char out[static NIB_SIZE], struct errbuf *eb);

/*
 * NPWP: the 15-digit form (type 2 + serial 6 + check digit 1 + KPP 3 + status
 * 3; the check digit is the Luhn digit of the first 8) or the 16-digit form
 * since PMK 112/PMK.03/2022 ("0" + the 15 digits, whose check digit is then
 * checked too; or a resident's NIK, accepted when it is not "0"-led).
 * out receives the digits as given (15 or 16).
 */
#define NPWP_SIZE 17
jr_err npwp_check(const char *s, size_t len, char out[static NPWP_SIZE], struct errbuf *eb);

/*
 * NPP, employer registration number: digits only, 1..16 of them.  BPJS uses
 * 8 digits, optionally + a 3-digit divisi; other lengths are accepted but set
 * *warn (domain.md section 8: length unverified).
 */
#define NPP_SIZE 17
jr_err npp_check(const char *s, size_t len, char out[static NPP_SIZE], bool *warn,
		 struct errbuf *eb);

/* KBLI 2020 code as used on licences: exactly 5 digits. */
#define KBLI_SIZE 6
jr_err kbli_check(const char *s, size_t len, char out[static KBLI_SIZE], struct errbuf *eb);

/*
 * Indonesian phone number: digits with optional leading '+', spaces, dots,
 * dashes and parentheses; normalised to start with "0" ("+62 812-..." and
 * "62812..." become "0812..."); 9..14 digits after normalising.
 */
#define PHONE_SIZE 16
jr_err phone_check(const char *s, size_t len, char out[static PHONE_SIZE], struct errbuf *eb);

/* The Luhn check digit (0..9) of n decimal digits. */
int luhn_digit(const char *digits, size_t n);

#endif
