/*
 * tests/unit/match/norm.c - name normalisation and similarity: the spellings
 * of one company that must become one name, and the names that must not.
 */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "match/link.h"
#include "match/norm.h"
#include "match/sim.h"

static void norm_is(const char *in, const char *words, enum legal_form form)
{
	struct match_name n;
	match_normalise(in, strlen(in), &n);
	if (strcmp(n.text, words) || n.form != form)
		fprintf(stderr, "# '%s' -> '%s' (%s)\n", in, n.text, legal_form_name(n.form));
	assert_string_equal(n.text, words);
	assert_int_equal(n.form, form);
}

static void legal_forms_move_aside(void **state)
{
	(void)state;
	norm_is("PT. Batik Jaya Abadi", "batik jaya abadi", LF_PT);
	norm_is("BATIK JAYA ABADI, PT", "batik jaya abadi", LF_PT);
	norm_is("PT Batik Jaya Abadi Tbk", "batik jaya abadi", LF_PT);
	norm_is("P.T. BATIK JAYA ABADI", "batik jaya abadi", LF_PT);
	norm_is("Perseroan Terbatas Batik Jaya Abadi", "batik jaya abadi", LF_PT);
	norm_is("PT Semen Gresik (Persero) Tbk", "semen gresik", LF_PT);
	norm_is("C.V. Sinar Laut", "sinar laut", LF_CV);
	norm_is("Sinar Laut CV", "sinar laut", LF_CV);
	norm_is("Commanditaire Vennootschap Sinar Laut", "sinar laut", LF_CV);
	norm_is("U.D. Sumber Rejeki", "sumber rejeki", LF_UD);
	norm_is("Usaha Dagang Sumber Rejeki", "sumber rejeki", LF_UD);
	norm_is("KOPERASI Batik Pesindon", "batik pesindon", LF_KOPERASI);
	norm_is("Yayasan Amal Usaha", "amal usaha", LF_YAYASAN);
	norm_is("Toko Sinar", "toko sinar", LF_NONE);
	/* a legal form alone stays a word: there is nothing else to compare */
	norm_is("PT", "pt", LF_NONE);
	norm_is("", "", LF_NONE);
	norm_is("...,,,", "", LF_NONE);
}

static void spelling_spacing_abbreviations(void **state)
{
	(void)state;
	norm_is("CV  Batik   Djaja", "batik jaya", LF_CV);
	norm_is("Tjahaja Moelia", "cahaya mulia", LF_NONE);
	norm_is("Batik & Bordir", "batik dan bordir", LF_NONE);
	norm_is("UD Sej. Abadi", "sejahtera abadi", LF_UD);
	norm_is("Toko Ma'ruf", "toko maruf", LF_NONE);
}

static void accents_fold(void **state)
{
	(void)state;
	struct match_name n;
	match_normalise("Kafé Kopi", strlen("Kafé Kopi"), &n);
	assert_string_equal(n.text, "kafe kopi");
}

static void forms_parse(void **state)
{
	(void)state;
	assert_int_equal(legal_form_parse("P.T.", 4), LF_PT);
	assert_int_equal(legal_form_parse("cv", 2), LF_CV);
	assert_int_equal(legal_form_parse("Perseroan Terbatas", 18), LF_PT);
	assert_int_equal(legal_form_parse("KOP", 3), LF_KOPERASI);
	assert_int_equal(legal_form_parse("Batik", 5), LF_NONE);
	assert_string_equal(legal_form_name(LF_PT), "pt");
}

static double score(const char *a, const char *b)
{
	struct match_name x, y;
	struct match_sim s;
	match_normalise(a, strlen(a), &x);
	match_normalise(b, strlen(b), &y);
	match_similarity(&x, &y, NULL, NULL, &s);
	return s.score;
}

static void similarity(void **state)
{
	(void)state;
	assert_true(match_jaro_winkler("martha", 6, "marhta", 6) > 0.96);
	assert_true(match_jaro_winkler("abc", 3, "xyz", 3) == 0.0);
	assert_true(score("PT Batik Jaya Abadi", "BATIK JAYA ABADI, PT") == 1.0);
	assert_true(score("Batik Jaya Abadi", "Jaya Abadi Batik") > 0.85);     /* word order */
	assert_true(score("Batik Jaya Abadi", "Batik Jaya Abdi") > 0.9);       /* typo */
	assert_true(score("Batik Jaya Abadi", "BatikJaya Abadi") > 0.8);       /* spacing */
	assert_true(score("Batik Jaya Abadi", "Mebel Sinar Laut") < 0.2);
	assert_true(score("Batik Jaya Abadi", "Batik Jaya Makmur") < 0.86);    /* another firm */
	assert_true(match_word_sim("12", 2, "13", 2) == 0.0);                  /* numbers: equal only */
	assert_true(match_word_sim("sej", 3, "sejahtera", 9) == 0.9);          /* abbreviation */
}

static void linkage_decisions(void **state)
{
	(void)state;
	struct match_index *x = match_index_new();
	assert_non_null(x);
	assert_true(match_index_add(x, 1, "10000001", "PT Batik Jaya Abadi", "33.75.01", "",
				    ""));
	assert_true(match_index_add(x, 2, "10000002", "PT Batik Jaya Abadi", "33.26.01", "",
				    ""));
	assert_true(match_index_add(x, 3, "10000003", "CV Sinar Laut", "33.75.02.1001",
				    "1234567890123", "01.234.567.8-901.000"));
	assert_true(match_index_add(x, 4, "10000004", "UD Sumber Rejeki", "33.75.03", "", ""));
	assert_true(match_index_add(x, 5, "10000005", "UD Sumber Rejeki Makmur", "33.75.03", "",
				    ""));
	assert_true(match_index_build(x));
	struct match_scratch *s = match_scratch_new(x);
	assert_non_null(s);
	struct match_result r;

	/* NIB first, whatever the name */
	match_link(x, s, NULL, &(struct match_query){"Toko Lain", "", "33.75.01", "1234567890123", ""}, &r);
	assert_int_equal(r.decision, MATCH_DECIDE_MATCH);
	assert_int_equal(r.id, 3);
	/* NPWP, the 16-digit form of the same 15 */
	match_link(x, s, NULL, &(struct match_query){"Toko Lain", "", "", "", "0012345678901000"}, &r);
	assert_int_equal(r.decision, MATCH_DECIDE_MATCH);
	assert_int_equal(r.id, 3);
	/* the regency decides between two firms of one name */
	match_link(x, s, NULL, &(struct match_query){"BATIK JAYA ABADI, PT", "", "33.26.05", "", ""}, &r);
	assert_int_equal(r.decision, MATCH_DECIDE_MATCH);
	assert_int_equal(r.id, 2);
	/* no regency: the two are as good as each other, an officer decides */
	match_link(x, s, NULL, &(struct match_query){"Batik Jaya Abadi", "PT", "", "", ""}, &r);
	assert_int_equal(r.decision, MATCH_DECIDE_REVIEW);
	/* nothing alike in the regency */
	match_link(x, s, NULL, &(struct match_query){"Mebel Kayu Jati", "", "33.75.01", "", ""}, &r);
	assert_int_equal(r.decision, MATCH_DECIDE_NONE);
	assert_int_equal(r.id, 0);
	match_link(x, s, NULL, &(struct match_query){"", "", "33.75.01", "", ""}, &r);
	assert_int_equal(r.decision, MATCH_DECIDE_NONE);
	match_scratch_free(s);
	match_index_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(legal_forms_move_aside),
		cmocka_unit_test(spelling_spacing_abbreviations),
		cmocka_unit_test(accents_fold),
		cmocka_unit_test(forms_parse),
		cmocka_unit_test(similarity),
		cmocka_unit_test(linkage_decisions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
