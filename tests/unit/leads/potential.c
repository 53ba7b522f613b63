/*
 * tests/unit/leads/potential.c - what a lead is worth, the sector risk table,
 * and the follow-up steps.  Amounts by hand from docs/rules.md "Leads" and
 * the PU rates (JKK 0.24-1.74 %, JKM 0.30 %, JHT 5.7 %, JP 3 % to its cap).
 */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "core/money.h"
#include "ingest/rates.h"
#include "ingest/sectors.h"
#include "leads/pipeline.h"
#include "leads/potential.h"

#define RP(x) ((int64_t)(x) * SEN_PER_RUPIAH)

static struct rates *rates;
static struct sector_risk sr;

static int setup(void **state)
{
	(void)state;
	struct errbuf eb;
	if (rates_load(&rates, &eb) != JR_EOK || sector_risk_load(&sr, &eb) != JR_EOK) {
		fprintf(stderr, "# %s\n", eb.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rates_free(rates);
	return 0;
}

static void sections_and_sizes(void **state)
{
	(void)state;
	assert_int_equal(kbli_section("13134"), 'C'); /* batik */
	assert_int_equal(kbli_section("03111"), 'A'); /* sea fishing */
	assert_int_equal(kbli_section("41011"), 'F');
	assert_int_equal(kbli_section("47111"), 'G');
	assert_int_equal(kbli_section("99000"), 'U');
	assert_int_equal(kbli_section("04000"), 0);
	assert_int_equal(kbli_section(""), 0);
	assert_int_equal(sr.group['C' - 'A'], 3);
	assert_int_equal(sr.group['F' - 'A'], 5);
	assert_int_equal(scale_by_workers(0), SCALE_NONE);
	assert_int_equal(scale_by_workers(4), SCALE_MICRO);
	assert_int_equal(scale_by_workers(5), SCALE_SMALL);
	assert_int_equal(scale_by_workers(20), SCALE_MEDIUM);
	assert_int_equal(scale_by_workers(100), SCALE_LARGE);
}

static void sector_table_checked(void **state)
{
	(void)state;
	struct sector_risk t;
	struct errbuf eb;
	const char bad_group[] = "section,risk_group\nA,6\n";
	const char missing[] = "section,risk_group\nA,1\n";
	assert_int_equal(sector_risk_parse(bad_group, strlen(bad_group), &t, &eb), JR_EPARSE);
	assert_non_null(strstr(eb.msg, "baris 2"));
	assert_int_equal(sector_risk_parse(missing, strlen(missing), &t, &eb), JR_EPARSE);
	assert_non_null(strstr(eb.msg, "seksi B"));
}

static void priced(void **state)
{
	(void)state;
	struct potential p;
	struct errbuf eb;
	/* 30 workers in batik (C: group III), Rp2,700,000 over the UMK: medium, JKK JKM JHT JP:
	 * 0.89 + 0.30 + 5.70 + 3.00 = 9.89 % = Rp267,030 a worker, Rp8,010,900 for 30. */
	struct potential_in in = {"13134", 30, RP(2700000), RP(2545138), 2026, 11};
	assert_int_equal(lead_potential(rates, &sr, &in, &p, &eb), JR_EOK);
	assert_int_equal(p.risk_group, 3);
	assert_int_equal(p.programs, PROG_JKK | PROG_JKM | PROG_JHT | PROG_JP);
	assert_int_equal(p.per_worker_sen, RP(267030));
	assert_int_equal(p.monthly_sen, RP(8010900));
	/* a wage below the UMK is priced at the UMK; 4 workers: micro, JKK JKM only;
	 * trade (G: group II): 0.54 + 0.30 = 0.84 % of Rp2,545,138 = Rp21,379.16 -> Rp21,379 */
	in = (struct potential_in){"47111", 4, RP(1000000), RP(2545138), 2026, 11};
	assert_int_equal(lead_potential(rates, &sr, &in, &p, &eb), JR_EOK);
	assert_int_equal(p.wage_sen, RP(2545138));
	assert_int_equal(p.programs, PROG_JKK | PROG_JKM);
	assert_int_equal(p.monthly_sen, 4 * p.per_worker_sen);
	/* unknown workers: one; unknown KBLI: group I */
	in = (struct potential_in){"", -1, -1, RP(2545138), 2026, 11};
	assert_int_equal(lead_potential(rates, &sr, &in, &p, &eb), JR_EOK);
	assert_int_equal(p.workers, 1);
	assert_int_equal(p.risk_group, 1);
	/* no wage and no UMK known: nothing to price, but still a lead */
	in = (struct potential_in){"13134", 10, -1, 0, 2026, 11};
	assert_int_equal(lead_potential(rates, &sr, &in, &p, &eb), JR_EOK);
	assert_int_equal(p.monthly_sen, 0);
	assert_int_equal(p.workers, 10);
}

static void steps(void **state)
{
	(void)state;
	struct errbuf eb;
	struct date d1 = {2026, 10, 1}, d2 = {2026, 10, 5}, today = {2026, 11, 22};
	assert_int_equal(lead_step_check(LEAD_NEW, d1, LEAD_CONTACTED, d2, today, "Budi", &eb),
			 JR_EOK);
	assert_int_equal(lead_step_check(LEAD_NEW, d1, LEAD_REFUSED, d1, today, "Budi", &eb),
			 JR_EOK); /* skipping is allowed */
	assert_int_equal(lead_step_check(LEAD_VISITED, d1, LEAD_CONTACTED, d2, today, "B", &eb),
			 JR_ECONFLICT);
	assert_int_equal(lead_step_check(LEAD_REGISTERED, d1, LEAD_REFUSED, d2, today, "B", &eb),
			 JR_ECONFLICT);
	assert_int_equal(lead_step_check(LEAD_NEW, d2, LEAD_CONTACTED, d1, today, "B", &eb),
			 JR_EINVALID);
	assert_int_equal(lead_step_check(LEAD_NEW, d1, LEAD_CONTACTED, d2, today, "", &eb),
			 JR_EINVALID);
	assert_int_equal(lead_step_check(LEAD_NEW, d1, LEAD_CONTACTED, (struct date){2027, 1, 1},
					 today, "B", &eb),
			 JR_EINVALID);
	assert_int_equal(lead_step_check(LEAD_NEW, d1, LEAD_NEW, d2, today, "B", &eb), JR_EINVALID);
	assert_true(lead_status_final(LEAD_REFUSED));
	assert_int_equal(lead_status_parse("dikunjungi", 10), LEAD_VISITED);
	assert_string_equal(lead_status_name(LEAD_REGISTERED), "registered");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sections_and_sizes),
		cmocka_unit_test(sector_table_checked),
		cmocka_unit_test(priced),
		cmocka_unit_test(steps),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
