/*
 * Tests src/ingest/rates.c: the embedded rate tables load whole, and a bad
 * field in a rate file fails loudly with its file, line and column.
 */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "ingest/rates.h"

#define HEADER                                                                              \
	"valid_from,valid_to,segment,program,base,risk_group,employer,worker,amount,tier_from," \
	"tier_to,min_base,allocated,condition,rule,note\n"

static void embedded_tables_load(void **state)
{
	(void)state;
	struct rates *r;
	struct errbuf eb = {""};
	jr_err rc = rates_load(&r, &eb);
	if (rc != JR_EOK)
		fail_msg("%s", eb.msg);
	/* pu 17 + bpu 3 + jakon 12 + pmi 5 + caps 14 + discounts 13 */
	assert_int_equal(rates_count(r), 64);
	rates_free(r);
}

static jr_err parse(const char *csv, struct errbuf *eb)
{
	struct rates *r = rates_new();
	jr_err rc = rates_parse_csv(r, "t.csv", csv, strlen(csv), eb);
	if (rc == JR_EOK)
		rc = rates_finish(r, eb);
	rates_free(r);
	return rc;
}

static void good_rows(void **state)
{
	(void)state;
	static const char *const ok[] = {
		HEADER "2015-07-01,,PU,JHT,wage,,3.70%,2.00%,,,,,,,PP 46/2015,\n",
		HEADER "2015-07-01,2016-02-29,PU,JP,cap,,,,7000000,,,,,,PP 45/2015,\r\n",
		HEADER "2015-07-01,,PU,JKK,wage,IV,1.27%,,,,,,1.13%,,PP 44/2015,note\n",
		HEADER "2015-07-01,,BPU,JKM,flat,,,,6800,,,,,,PP 44/2015,\n",
		HEADER "2015-07-01,,PU,JKK,wage,1,0.2400%,,,,,,,,x,\n",
		HEADER "2023-03-01,,PMI,JKK+JKM,flat,,,,37500,,,,,pre_departure,P,\n",
		HEADER "2025-02-01,2025-07-31,PU,JKK,discount,,50%,,,,,,,"
		       "\"kbli:10,11;min_participants:50\",PP 7/2025,\n",
	};
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		struct errbuf eb = {""};
		if (parse(ok[i], &eb) != JR_EOK)
			fail_msg("case %zu: %s", i, eb.msg);
	}
}

static void bad_rows(void **state)
{
	(void)state;
	static const struct {
		const char *csv;
		const char *msg;
	} bad[] = {
		{"", "kosong"},
		{HEADER, "kosong"},
		{"valid_from,valid_to\n", "kolom"},
		{HEADER "2015-07-01,,PU,JHT,wage,,3.70%,2.00%,,,,,,,PP 46/2015\n", "baris 2: 15 kolom"},
		{HEADER "01-07-2015,,PU,JHT,wage,,3.70%,,,,,,,,PP,\n", "kolom valid_from"},
		{HEADER "2015-07-01,2015-13-01,PU,JHT,wage,,3.70%,,,,,,,,PP,\n", "kolom valid_to"},
		{HEADER "2015-07-01,,XX,JHT,wage,,3.70%,,,,,,,,PP,\n", "kolom segment"},
		{HEADER "2015-07-01,,PU,JHX,wage,,3.70%,,,,,,,,PP,\n", "kolom program"},
		{HEADER "2015-07-01,,PU,,wage,,3.70%,,,,,,,,PP,\n", "kolom program"},
		{HEADER "2015-07-01,,PU,JHT,salary,,3.70%,,,,,,,,PP,\n", "kolom base"},
		{HEADER "2015-07-01,,PU,JKK,wage,6,0.24%,,,,,,,,PP,\n", "kolom risk_group"},
		{HEADER "2015-07-01,,PU,JHT,wage,,3.70,,,,,,,,PP,\n", "kolom employer"},
		{HEADER "2015-07-01,,PU,JHT,wage,,3.70001%,,,,,,,,PP,\n", "kolom employer"},
		{HEADER "2015-07-01,,PU,JHT,wage,,101%,,,,,,,,PP,\n", "kolom employer"},
		{HEADER "2015-07-01,,PU,JHT,wage,,-1%,,,,,,,,PP,\n", "kolom employer"},
		{HEADER "2015-07-01,,PU,JHT,wage,,.5%,,,,,,,,PP,\n", "kolom employer"},
		{HEADER "2015-07-01,,PU,JHT,wage,,3.70%,2,,,,,,,PP,\n", "kolom worker"},
		{HEADER "2015-07-01,,PU,JP,cap,,,,7.000.000,,,,,,PP,\n", "kolom amount"},
		{HEADER "2015-07-01,,PU,JP,cap,,,,-7000000,,,,,,PP,\n", "kolom amount"},
		{HEADER "2015-07-01,,JAKON,JKK,contract,,0.21%,,,x,,,,,PP,\n", "kolom tier_from"},
		{HEADER "2015-07-01,,PU,JHT,wage,,3.70%,,,,,,1%%,,PP,\n", "kolom allocated"},
		{HEADER "2015-07-01,,PU,JHT,wage,,3.70%,,,,,,,,,\n", "baris 2: rujukan"},
		{HEADER "2015-07-15,,PU,JHT,wage,,3.70%,,,,,,,,PP,\n", "baris 2: valid_from"},
		{HEADER "2015-01-01,,PU,JHT,wage,,3.70%,,,,,,,,PP,\n", "Juli 2015"},
		{HEADER "2015-07-01,,PU,JHT,wage,,3.70%,,,,,,,,PP,\n"
			"2016-01-01,,PU,JHT,wage,,3.70%,,,,,,,,PP,\n",
		 "tumpang tindih"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct errbuf eb = {""};
		if (parse(bad[i].csv, &eb) == JR_EOK)
			fail_msg("case %zu accepted", i);
		if (!strstr(eb.msg, bad[i].msg))
			fail_msg("case %zu: '%s' does not say '%s'", i, eb.msg, bad[i].msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(embedded_tables_load),
		cmocka_unit_test(good_rows),
		cmocka_unit_test(bad_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
