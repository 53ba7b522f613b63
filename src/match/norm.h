/*
 * norm.h - company names brought to one form before they are compared.
 *
 * "PT. Batik Jaya Abadi", "BATIK JAYA ABADI, PT", "P.T. BATIK DJAJA ABADI Tbk"
 * all become the words "batik jaya abadi" with legal form pt: case folded,
 * punctuation and spacing dropped ("P.T." and "C V" are one word), the legal
 * form (PT, CV, UD, PD, Firma, Koperasi, Yayasan, Perum, and their long
 * and dotted spellings) moved aside from either end with Tbk and Persero,
 * pre-1972 spelling (dj, tj, oe) and common abbreviations written out.
 * Pure, no I/O, no allocation.  Rules: docs/rules.md "Record linkage".
 */
#ifndef JARING_MATCH_NORM_H
#define JARING_MATCH_NORM_H

#include "compat.h"

enum legal_form {
	LF_NONE = 0,
	LF_PT,       /* perseroan terbatas */
	LF_CV,       /* commanditaire vennootschap / persekutuan komanditer */
	LF_UD,       /* usaha dagang */
	LF_PD,       /* perusahaan dagang / daerah */
	LF_FIRMA,
	LF_KOPERASI,
	LF_YAYASAN,
	LF_PERUM,    /* perusahaan umum (daerah) */
	LF_COUNT
};

/* "pt", "cv", "ud", "pd", "firma", "koperasi", "yayasan", "perum"; "" for NONE. */
const char *legal_form_name(enum legal_form f);
/* A legal form written alone ("P.T.", "Perseroan Terbatas", "cv", "KOP"); NONE if unknown. */
enum legal_form legal_form_parse(const char *s, size_t len);

#define MATCH_NAME_MAX 192  /* bytes of the normalised words, NUL included */
#define MATCH_TOKENS_MAX 16
#define MATCH_TOKEN_MAX 40  /* longer words are cut */

struct match_name {
	char text[MATCH_NAME_MAX];    /* the words, single spaces: "batik jaya abadi" */
	size_t len;
	int ntok;
	uint8_t tok_off[MATCH_TOKENS_MAX], tok_len[MATCH_TOKENS_MAX];
	enum legal_form form;         /* NONE when the name carries none */
	bool tbk;                     /* a listed company ("Tbk") */
};

/*
 * Normalises s[0..len) (UTF-8, anything) into *out.  Never fails: a name
 * of only punctuation or only a legal form gives what is left (a legal form
 * alone is kept as the word).  Words beyond MATCH_TOKENS_MAX are dropped.
 */
void match_normalise(const char *s, size_t len, struct match_name *out);

/* Re-reads normalised words (as in out->text) into *out, e.g. from an index. */
void match_name_from_text(const char *text, size_t len, struct match_name *out);

#endif
