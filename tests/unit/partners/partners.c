/* Tests src/partners/partners.c: the partner and agreement vocabulary and lists. */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "partners/partners.h"

static void parses_partner_kinds_in_both_languages(void **state)
{
	(void)state;
	static const struct {
		const char *in, *kind;
	} cases[] = {
		{"government", "government"}, {"Pemkot", "government"}, {"kesra", "welfare_section"},
		{"Bagian Kesra", "welfare_section"}, {"DPMPTSP", "licensing_office"},
		{"dinas-perdagangan", "trade_office"}, {"ormas keagamaan", "religious_org"},
		{"asosiasi", "association"}, {"CSR", "company"}, {"desa", "village"},
		{" opd ", "office"}, {"warung", NULL}, {"", NULL},
		{"a very long word that is longer than any kind name at all", NULL},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *k = partner_kind_parse(cases[i].in, strlen(cases[i].in));
		if (cases[i].kind)
			assert_string_equal(k, cases[i].kind);
		else
			assert_null(k);
	}
	assert_string_equal(partner_kind_label("welfare_section"), "Bagian Kesra");
}

static void parses_who_pays_role_and_funding(void **state)
{
	(void)state;
	assert_string_equal(agreement_pays_parse("mitra", 5), "partner");
	assert_string_equal(agreement_pays_parse("Peserta", 7), "members");
	assert_string_equal(agreement_pays_parse("tidak ada", 9), "none");
	assert_null(agreement_pays_parse("kota", 4));
	assert_string_equal(agreement_role_parse("pertukaran data", 15), "data");
	assert_string_equal(agreement_role_parse("mendorong", 9), "encourages");
	assert_string_equal(agreement_funding_parse(" sg ", 4), "SG");
	assert_null(agreement_funding_parse("SX", 2));
	/* PP 50/2025 excludes APBN/APBD payers: a government (SG) or village APBD (SA) group. */
	assert_true(agreement_funding_is_apbd("SG"));
	assert_true(agreement_funding_is_apbd("SA"));
	assert_false(agreement_funding_is_apbd("SD"));
	assert_false(agreement_funding_is_apbd("SC"));
	assert_false(agreement_funding_is_apbd(NULL));
}

static void normalises_segment_and_sector_lists(void **state)
{
	(void)state;
	char out[AGREEMENT_LIST_SIZE];
	struct errbuf eb;
	static const struct {
		const char *in, *out;
		bool segments, ok;
	} cases[] = {
		{"PU, bpu", "PU,BPU", true, true},
		{"BPU PU BPU", "BPU,PU", true, true}, /* PU inside BPU is not a repeat */
		{"Jasa Konstruksi", NULL, true, false}, /* two words: "Jasa" is not a segment */
		{"jakon;pmi", "JAKON,PMI", true, true},
		{"", "", true, true},
		{"c g", "C,G", false, true},
		{"P, Q", "P,Q", false, true},
		{"ZZ", NULL, false, false},
		{"V", NULL, false, false},
		{"PU,XX", NULL, true, false},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		jr_err err = agreement_list_normalise(cases[i].in, cases[i].segments, out,
						      sizeof(out), &eb);
		if (cases[i].ok) {
			assert_int_equal(err, JR_EOK);
			assert_string_equal(out, cases[i].out);
		} else {
			assert_int_equal(err, JR_EINVALID);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_partner_kinds_in_both_languages),
		cmocka_unit_test(parses_who_pays_role_and_funding),
		cmocka_unit_test(normalises_segment_and_sector_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
