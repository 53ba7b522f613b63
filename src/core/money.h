/*
 * money.h - amounts of money as int64_t sen (1 rupiah = 100 sen).
 *
 * No floating point ever touches money.  Parsing accepts the ways amounts are
 * written in Indonesian spreadsheets; formatting writes them the Indonesian
 * way (Rp2.450.915 / Rp2.450.915,54).
 */
#ifndef JARING_CORE_MONEY_H
#define JARING_CORE_MONEY_H

#include "compat.h"
#include "core/err.h"

#define SEN_PER_RUPIAH 100
/* Largest amount accepted from outside: one quadrillion rupiah. */
#define MONEY_MAX_SEN ((int64_t)1000000000000000 * 100)

/*
 * Parses s[0..len) into sen.  Accepted (spaces trimmed, optional "Rp"/"IDR"
 * prefix with or without a space, optional leading '-'):
 *   2450915          plain digits
 *   2.450.915        dots grouping thousands (every group exactly 3 digits)
 *   2.450.915,54     Indonesian decimal comma, 1 or 2 decimals
 *   2450915,5        decimal comma without grouping
 *   2450915.54       a single dot followed by 1 or 2 digits is a decimal point
 *   2,450,915.54     English grouping with a decimal point
 * More than 2 decimals, mixed or misplaced separators, overflow past
 * MONEY_MAX_SEN, or an empty string: JR_EPARSE/JR_EINVALID with the reason
 * in eb.  Negative amounts parse (callers decide whether they are allowed).
 */
jr_err money_parse(const char *s, size_t len, int64_t *sen, struct errbuf *eb);

/* Size that fits any formatted amount ("-Rp9.223.372.036.854.775,807"). */
#define MONEY_FMT_SIZE 40

/*
 * Writes sen as Indonesians read it: "Rp2.450.915" when whole rupiah,
 * "Rp2.450.915,54" otherwise, "-Rp5.000" when negative.
 */
void money_format_rp(int64_t sen, char buf[static MONEY_FMT_SIZE]);

/*
 * Writes sen as a plain machine number of rupiah: "2450915" or "2450915.54"
 * (for CSV export, so export -> import round-trips).
 */
void money_format_plain(int64_t sen, char buf[static MONEY_FMT_SIZE]);

/* Rounds sen half-up (away from zero) to whole rupiah, returned in sen. */
int64_t money_round_rupiah(int64_t sen);

#endif
