/*
 * tests/unit/match/linkage.c - the linker against the labelled set
 * tests/match/linkage.csv (written by tests/match/gen_linkage.py): every
 * employer in the file is the registry, every licence is linked, and the
 * decisions are scored against the labels.  A match to the right employer
 * is a true positive; a match to a wrong one, or of a licence that is no
 * one's, a false positive; a licence of a registered employer that is not
 * matched to it (review or none) a false negative.  Prints precision, recall
 * and F1 as TAP diagnostics and fails below F1 0.95.  With LINKAGE_SWEEP set
 * it also prints F1 over a grid of thresholds (how the defaults were chosen).
 */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "ingest/csvread.h"
#include "match/link.h"

static const char *set_path;

enum { C_LIC, C_LNIB, C_LNAME, C_LFORM, C_LREG, C_NPP, C_ENAME, C_EREG, C_ENIB, C_LABEL, C_N };

struct lic {
	char id[16], nib[16], name[200], form[40], reg[20];
	char truth[20]; /* NPP of the label-1 pair, "" none */
};

struct set {
	struct lic *lic;
	size_t nlic;
	char (*npp)[20];
	size_t nnpp;
	struct match_index *x;
};

static void field(const struct csvrecord *r, int i, char *dst, size_t size)
{
	size_t n = (size_t)i < r->nfields ? r->len[i] : 0;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, r->field[i], n);
	dst[n] = '\0';
}

static void cpy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void load(struct set *s)
{
	struct csvreader *rd;
	struct csvrecord rec;
	struct errbuf eb;
	memset(s, 0, sizeof(*s));
	assert_int_equal(csvreader_open(set_path, &rd, &eb), JR_EOK);
	assert_int_equal(csvreader_next(rd, &rec, &eb), JR_EOK); /* header */
	s->lic = calloc(2000, sizeof(*s->lic));
	s->npp = calloc(2000, sizeof(*s->npp));
	s->x = match_index_new();
	assert_non_null(s->lic);
	assert_non_null(s->npp);
	assert_non_null(s->x);
	while (csvreader_next(rd, &rec, &eb) == JR_EOK) {
		char v[C_N][200];
		for (int i = 0; i < C_N; i++)
			field(&rec, i, v[i], sizeof(v[i]));
		if (v[C_NPP][0]) {
			bool known = false;
			for (size_t i = 0; i < s->nnpp && !known; i++)
				known = !strcmp(s->npp[i], v[C_NPP]);
			if (!known) {
				assert_true(s->nnpp < 2000);
				cpy(s->npp[s->nnpp], sizeof(s->npp[0]), v[C_NPP]);
				s->nnpp++;
				assert_true(match_index_add(s->x, (int64_t)s->nnpp, v[C_NPP], v[C_ENAME],
							    v[C_EREG], v[C_ENIB], ""));
			}
		}
		if (!v[C_LIC][0])
			continue;
		struct lic *l = s->nlic ? &s->lic[s->nlic - 1] : NULL;
		if (!l || strcmp(l->id, v[C_LIC])) {
			assert_true(s->nlic < 2000);
			l = &s->lic[s->nlic++];
			cpy(l->id, sizeof(l->id), v[C_LIC]);
			cpy(l->nib, sizeof(l->nib), v[C_LNIB]);
			cpy(l->name, sizeof(l->name), v[C_LNAME]);
			cpy(l->form, sizeof(l->form), v[C_LFORM]);
			cpy(l->reg, sizeof(l->reg), v[C_LREG]);
		}
		if (!strcmp(v[C_LABEL], "1"))
			cpy(l->truth, sizeof(l->truth), v[C_NPP]);
	}
	csvreader_free(rd);
	assert_true(match_index_build(s->x));
}

struct tally {
	size_t tp, fp, fn, match, review, none, review_right, links;
	double precision, recall, f1;
};

static void evaluate(struct set *s, const struct match_rules *rules, struct tally *t, bool show)
{
	struct match_scratch *sc = match_scratch_new(s->x);
	assert_non_null(sc);
	memset(t, 0, sizeof(*t));
	for (size_t i = 0; i < s->nlic; i++) {
		const struct lic *l = &s->lic[i];
		struct match_query q = {l->name, l->form, l->reg, l->nib, ""};
		struct match_result r;
		match_link(s->x, sc, rules, &q, &r);
		const char *got = r.id > 0 ? s->npp[r.id - 1] : "";
		bool right = l->truth[0] && !strcmp(got, l->truth);
		t->links += l->truth[0] != 0;
		if (r.decision == MATCH_DECIDE_MATCH) {
			t->match++;
			if (right)
				t->tp++;
			else
				t->fp++;
		} else {
			if (r.decision == MATCH_DECIDE_REVIEW) {
				t->review++;
				t->review_right += right;
			} else {
				t->none++;
			}
			if (l->truth[0])
				t->fn++;
		}
		if (show && ((r.decision == MATCH_DECIDE_MATCH && !right) ||
			     (r.decision != MATCH_DECIDE_MATCH && l->truth[0])))
			printf("# miss %s '%s' -> %s %s (%.3f) truth %s: %s\n", l->id, l->name,
			       match_decision_name(r.decision), got, r.score,
			       l->truth[0] ? l->truth : "-", r.why);
	}
	match_scratch_free(sc);
	t->precision = t->tp + t->fp ? (double)t->tp / (double)(t->tp + t->fp) : 0;
	t->recall = t->links ? (double)t->tp / (double)t->links : 0;
	t->f1 = t->precision + t->recall > 0
			? 2 * t->precision * t->recall / (t->precision + t->recall)
			: 0;
}

static void labelled_set(void **state)
{
	(void)state;
	struct set s;
	struct tally t;
	load(&s);
	bool verbose = getenv("LINKAGE_VERBOSE") != NULL;
	evaluate(&s, NULL, &t, verbose);
	printf("# labelled set: %zu licences (%zu of registered employers), %zu employers\n",
	       s.nlic, t.links, s.nnpp);
	printf("# decisions: %zu match, %zu review (%zu with the right candidate), %zu none\n",
	       t.match, t.review, t.review_right, t.none);
	printf("# precision %.3f  recall %.3f  F1 %.3f  (TP %zu, FP %zu, FN %zu)\n",
	       t.precision, t.recall, t.f1, t.tp, t.fp, t.fn);
	if (getenv("LINKAGE_SWEEP")) {
		for (int m = 70; m <= 96; m += 2) {
			for (int rv = 50; rv <= m; rv += 10) {
				struct match_rules r = match_rules_default;
				struct tally u;
				r.match = m / 100.0;
				r.review = rv / 100.0;
				evaluate(&s, &r, &u, false);
				printf("# sweep match %.2f review %.2f: P %.3f R %.3f F1 %.3f "
				       "review %zu\n",
				       r.match, r.review, u.precision, u.recall, u.f1, u.review);
			}
		}
	}
	match_index_free(s.x);
	free(s.lic);
	free(s.npp);
	assert_true(t.f1 >= 0.95);
}

int main(int argc, char **argv)
{
	set_path = argc > 1 ? argv[1] : "tests/match/linkage.csv";
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(labelled_set),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
