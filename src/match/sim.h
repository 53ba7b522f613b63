/*
 * sim.h - how alike two normalised company names are, 0..1.
 *
 * Two views of a name, blended: the words (each word of one name paired with
 * its most alike word of the other, Jaro-Winkler, weighted by how rare the
 * word is in the registry, both ways: robust to word order, a dropped common
 * word and a typo inside a word) and the letters (Dice coefficient of the
 * letter pairs of the names written without spaces: robust to spacing,
 * and to a typo that splits or joins words).  Two words run together in one
 * name ("Batikjaya") are first split as the other name has them.
 * Pure, no I/O.  Rules and weights: docs/rules.md "Record linkage".
 */
#ifndef JARING_MATCH_SIM_H
#define JARING_MATCH_SIM_H

#include "compat.h"
#include "match/norm.h"

/* Jaro-Winkler similarity of two byte strings (prefix scale 0.1, up to 4). */
double match_jaro_winkler(const char *a, size_t na, const char *b, size_t nb);

/* Similarity of two words: 1 equal; Jaro-Winkler when >= 0.88; an abbreviation
 * (3+ letters that begin the other word) 0.9; words with digits only equal; else 0. */
double match_word_sim(const char *a, size_t na, const char *b, size_t nb);

/* Dice coefficient of the letter pairs of the two names without spaces. */
double match_dice(const struct match_name *a, const struct match_name *b);

/* Weight of a word (how rare it is); NULL weight function: every word 1. */
typedef double (*match_weight_fn)(void *ctx, const char *word, size_t len);

struct match_sim {
	double words;   /* weighted symmetric word similarity */
	double letters; /* Dice */
	double score;   /* the blend, 0..1 */
};

/* Word weight of the blend (letters: 1 - this). */
#define MATCH_WORDS_WEIGHT 0.8

/* Compares a and b. */
void match_similarity(const struct match_name *a, const struct match_name *b,
		      match_weight_fn weight, void *ctx, struct match_sim *out);

#endif
