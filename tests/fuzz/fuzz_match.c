/*
 * fuzz_match.c - libFuzzer harness for company name normalisation,
 * similarity and linkage (src/match/).
 *
 * The input is split at its first newline into two names.  Properties:
 * normalising never overruns and is idempotent on its own output (the
 * words of a normalised name normalise to themselves); similarity is in
 * 0..1, symmetric, and 1 for a name against itself; linking the first
 * name against an index holding the second never fails and decides match
 * when it is the same name.
 */
#include "compat.h"

#include <math.h>

#include "match/link.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_norm(const struct match_name *n)
{
	if (n->len >= MATCH_NAME_MAX || strlen(n->text) != n->len || n->ntok > MATCH_TOKENS_MAX)
		abort();
	for (int i = 0; i < n->ntok; i++)
		if ((size_t)n->tok_off[i] + n->tok_len[i] > n->len || n->tok_len[i] == 0)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *nl = memchr(s, '\n', size);
	size_t la = nl ? (size_t)(nl - s) : size;
	const char *b = nl ? nl + 1 : s;
	size_t lb = nl ? size - la - 1 : size;
	struct match_name x, y, again;
	struct match_sim ab, ba, aa;

	match_normalise(s, la, &x);
	match_normalise(b, lb, &y);
	check_norm(&x);
	check_norm(&y);
	match_name_from_text(x.text, x.len, &again);
	if (strcmp(again.text, x.text))
		abort();
	match_similarity(&x, &y, NULL, NULL, &ab);
	match_similarity(&y, &x, NULL, NULL, &ba);
	match_similarity(&x, &x, NULL, NULL, &aa);
	if (!(ab.score >= 0 && ab.score <= 1.0 + 1e-9) || fabs(ab.score - ba.score) > 1e-9)
		abort();
	if (x.ntok && fabs(aa.score - 1.0) > 1e-9)
		abort();

	char na[256], nb[256];
	snprintf(na, sizeof(na), "%.*s", (int)(la < 255 ? la : 255), s);
	snprintf(nb, sizeof(nb), "%.*s", (int)(lb < 255 ? lb : 255), b);
	if (strlen(na) != (la < 255 ? la : 255))
		return 0; /* a NUL inside: names are C strings from here on */
	struct match_index *ix = match_index_new();
	if (!ix)
		return 0;
	if (match_index_add(ix, 1, "1", nb, "33.75.01", "", "") &&
	    match_index_add(ix, 2, "2", na, "33.26.01", "", "") && match_index_build(ix)) {
		struct match_scratch *sc = match_scratch_new(ix);
		struct match_result r;
		if (sc) {
			match_link(ix, sc, NULL, &(struct match_query){na, "", "33.26", "", ""}, &r);
			struct match_name self;
			match_normalise(na, strlen(na), &self);
			if (self.ntok && (r.decision != MATCH_DECIDE_MATCH || r.id != 2))
				abort();
			match_scratch_free(sc);
		}
	}
	match_index_free(ix);
	return 0;
}
