/*
 * link.h - record linkage of licences (or any list of businesses) to the
 * employer registry: identifiers first, then names blocked by regency.
 *
 * The registry is held in memory as an index built once: every employer's
 * normalised name, its regency ("33.75"), NIB and NPWP, and posting lists
 * from (regency, word) and (regency, first / last four letters of a long
 * word) to employers.  A query is decided by
 *   1. the NIB, exactly: match;
 *   2. the NPWP (15 digits; a 16-digit "0"-led NPWP is the same), exactly: match;
 *   3. the name: candidates are the employers of the query's regency (all
 *      regencies when it has none) that share a word or a word's first or
 *      last four letters, ranked by the summed rarity of what they share;
 *      the best few are scored (sim.h) and the best score decides, by the
 *      thresholds of struct match_rules (chosen on tests/match/linkage.csv).
 * An identifier held by two employers, or two candidates within the margin
 * of each other, is sent to review rather than guessed.
 *
 * Pure: no I/O.  A built index is read-only, so several threads may query
 * it at once, each with its own struct match_scratch.
 */
#ifndef JARING_MATCH_LINK_H
#define JARING_MATCH_LINK_H

#include "compat.h"
#include "match/norm.h"
#include "match/sim.h"

enum match_decision { MATCH_DECIDE_NONE = 0, MATCH_DECIDE_REVIEW, MATCH_DECIDE_MATCH };

/* "none", "review", "match". */
const char *match_decision_name(enum match_decision d);

struct match_rules {
	double match;        /* a name score at least this is a match ... */
	double review;       /* ... at least this goes to review, below it none */
	double margin;       /* a runner-up within this of the best makes a match a review */
	double form_penalty; /* subtracted when both legal forms are known and differ */
};

/* The thresholds in docs/rules.md "Record linkage". */
extern const struct match_rules match_rules_default;

struct match_index;

/* An empty index; NULL when out of memory.  Freed with match_index_free. */
struct match_index *match_index_new(void);
void match_index_free(struct match_index *x);

/*
 * Adds a registry entry (everything copied).  label is what the entry is
 * called in explanations (the NPP); region_code any level ("33.75.01.1001"
 * is in regency 33.75); nib, npwp may be "" or NULL.  false when out of
 * memory.  Call before match_index_build.
 */
bool match_index_add(struct match_index *x, int64_t id, const char *label, const char *name,
		     const char *region_code, const char *nib, const char *npwp);

/* Builds the posting lists; call once after the last add.  false when out of memory. */
bool match_index_build(struct match_index *x);

size_t match_index_count(const struct match_index *x);

/* Per-thread working memory for queries on one built index. */
struct match_scratch;
struct match_scratch *match_scratch_new(const struct match_index *x);
void match_scratch_free(struct match_scratch *s);

struct match_query {
	const char *name;
	const char *legal_form;  /* a separate legal form column, may be "" or NULL */
	const char *region_code; /* may be "" or NULL: every regency is searched */
	const char *nib;         /* may be "" or NULL */
	const char *npwp;        /* may be "" or NULL */
};

#define MATCH_WHY_SIZE 200

struct match_result {
	enum match_decision decision;
	int64_t id;          /* the entry's id; 0 when none */
	double score;        /* 0..1; 1 for an identifier */
	char why[MATCH_WHY_SIZE]; /* Bahasa Indonesia */
};

/* Decides q against x (rules NULL: match_rules_default). */
void match_link(const struct match_index *x, struct match_scratch *s,
		const struct match_rules *rules, const struct match_query *q,
		struct match_result *out);

#endif
