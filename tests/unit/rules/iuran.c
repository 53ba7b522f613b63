/*
 * tests/unit/rules/iuran.c - contributions of one case, rule by rule, on the
 * rate tables the program carries (data/rates/).
 *
 * Every expected amount is computed by hand from domain.md section 1 (the
 * arithmetic is in the comments), including the worked cases of the domain reference:
 * the four JAKON contract values, the BPU Rp16,800 / Rp36,800 packages and
 * the JP cap of Rp10,042,300 for a Rp20,000,000 wage in November 2024.
 */
#include "compat.h"

#include <setjmp.h>
#include <cmocka.h>

#include "core/money.h"
#include "ingest/rates.h"
#include "rules/iuran.h"

#define RP(x) ((int64_t)(x) * SEN_PER_RUPIAH)
#define JKK PROG_JKK
#define JKM PROG_JKM
#define JHT PROG_JHT
#define JP PROG_JP
#define JKP PROG_JKP

static struct rates *rates;

static int setup(void **state)
{
	(void)state;
	struct errbuf eb;
	if (rates_load(&rates, &eb) != JR_EOK) {
		fprintf(stderr, "# rates_load: %s\n", eb.msg);
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

/* An expected line: amounts in rupiah; rate checked when not NULL. */
struct want {
	const char *program;
	int64_t base, employer, worker;
	const char *rate;
};

struct tcase {
	const char *name;
	struct iuran_case c;
	int64_t employer, worker; /* rupiah */
	struct want line[IURAN_MAX_LINES]; /* checked when line[0].program is set */
	const char *rule_has;              /* some line's rule contains this */
};

static void check(const struct tcase *t)
{
	struct iuran_result res;
	struct errbuf eb = {""};
	jr_err rc = iuran_compute(rates, &t->c, &res, &eb);
	if (rc != JR_EOK)
		fail_msg("%s: %s", t->name, eb.msg);
	if (res.employer_sen != RP(t->employer) || res.worker_sen != RP(t->worker) ||
	    res.total_sen != RP(t->employer + t->worker))
		fail_msg("%s: employer %" PRId64 " worker %" PRId64 " total %" PRId64
			 " sen, want %" PRId64 " + %" PRId64 " rupiah",
			 t->name, res.employer_sen, res.worker_sen, res.total_sen, t->employer,
			 t->worker);
	int64_t e = 0, w = 0;
	for (int i = 0; i < res.nlines; i++) {
		const struct iuran_line *l = &res.line[i];
		e += l->employer_sen;
		w += l->worker_sen;
		if (l->total_sen != l->employer_sen + l->worker_sen)
			fail_msg("%s: line %d total is not employer + worker", t->name, i);
		if (l->employer_sen % SEN_PER_RUPIAH || l->worker_sen % SEN_PER_RUPIAH)
			fail_msg("%s: line %d not whole rupiah", t->name, i);
	}
	if (e != res.employer_sen || w != res.worker_sen)
		fail_msg("%s: totals are not the sum of the lines", t->name);
	if (t->line[0].program) {
		int n = 0;
		while (n < IURAN_MAX_LINES && t->line[n].program)
			n++;
		if (n != res.nlines)
			fail_msg("%s: %d lines, want %d", t->name, res.nlines, n);
		for (int i = 0; i < n; i++) {
			const struct want *x = &t->line[i];
			const struct iuran_line *l = &res.line[i];
			if (strcmp(iuran_program_name(l->program), x->program) ||
			    l->base_sen != RP(x->base) || l->employer_sen != RP(x->employer) ||
			    l->worker_sen != RP(x->worker))
				fail_msg("%s: line %d %s base %" PRId64 " employer %" PRId64
					 " worker %" PRId64 " sen, want %s %" PRId64 " %" PRId64
					 " %" PRId64 " rupiah",
					 t->name, i, iuran_program_name(l->program), l->base_sen,
					 l->employer_sen, l->worker_sen, x->program, x->base, x->employer,
					 x->worker);
			if (x->rate && strcmp(l->rate, x->rate))
				fail_msg("%s: line %d rate '%s', want '%s'", t->name, i, l->rate, x->rate);
			if (!l->rule[0])
				fail_msg("%s: line %d cites no rule", t->name, i);
		}
	}
	if (t->rule_has) {
		bool found = false;
		for (int i = 0; i < res.nlines; i++)
			found = found || strstr(res.line[i].rule, t->rule_has);
		if (!found)
			fail_msg("%s: no rule mentions '%s'", t->name, t->rule_has);
	}
}

static void check_all(const struct tcase *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		check(&t[i]);
}

#define PU_CASE(y, m, wage, risk, progs) \
	{.segment = SEG_PU, .year = (y), .month = (m), .wage_sen = (wage), .risk_group = (risk), \
	 .programs = (progs)}

/* PP 44/2015 Lampiran I: the five JKK risk groups, on Rp5,000,000. */
static void pu_jkk_risk_groups(void **state)
{
	(void)state;
	static const struct tcase t[] = {
		{"group I 0.24%", PU_CASE(2024, 11, RP(5000000), 1, JKK), 12000, 0,
		 {{"JKK", 5000000, 12000, 0, "0.24%"}}, "kelompok I)"},
		{"group II 0.54%", PU_CASE(2024, 11, RP(5000000), 2, JKK), 27000, 0,
		 {{"JKK", 5000000, 27000, 0, "0.54%"}}, "kelompok II)"},
		{"group III 0.89%", PU_CASE(2024, 11, RP(5000000), 3, JKK), 44500, 0,
		 {{"JKK", 5000000, 44500, 0, "0.89%"}}, "kelompok III)"},
		{"group IV 1.27%", PU_CASE(2024, 11, RP(5000000), 4, JKK), 63500, 0,
		 {{"JKK", 5000000, 63500, 0, "1.27%"}}, "kelompok IV)"},
		{"group V 1.74%", PU_CASE(2024, 11, RP(5000000), 5, JKK), 87000, 0,
		 {{"JKK", 5000000, 87000, 0, "1.74%"}}, "kelompok V)"},
		{"first month July 2015", PU_CASE(2015, 7, RP(5000000), 5, JKK), 87000, 0, {{0}}, NULL},
		/* no JKK cap: the old "Rp8.000.000" ceiling is outdated (domain 1.3) */
		{"no JKK cap", PU_CASE(2024, 11, RP(100000000), 1, JKK), 240000, 0, {{0}}, NULL},
	};
	check_all(t, ARRAY_SIZE(t));
}

/* JKM 0.30%, JHT 3.7% + 2%, JP 2% + 1%: the usual PU package. */
static void pu_package(void **state)
{
	(void)state;
	static const struct tcase t[] = {
		/* 5,000,000: JKK 12,000; JKM 15,000; JHT 185,000 + 100,000; JP 100,000 + 50,000 */
		{"issue example", PU_CASE(2024, 11, RP(5000000), 1, JKK | JKM | JHT | JP),
		 312000, 150000,
		 {{"JKK", 5000000, 12000, 0, "0.24%"},
		  {"JKM", 5000000, 15000, 0, "0.30%"},
		  {"JHT", 5000000, 185000, 100000, "5.70%"},
		  {"JP", 5000000, 100000, 50000, "3.00%"}},
		 "PP 45/2015"},
		/* worked case: JP on the cap 10,042,300: 200,846 + 100,423 */
		{"JP cap Nov 2024", PU_CASE(2024, 11, RP(20000000), 1, JKK | JKM | JHT | JP),
		 48000 + 60000 + 740000 + 200846, 400000 + 100423,
		 {{"JKK", 20000000, 48000, 0, NULL},
		  {"JKM", 20000000, 60000, 0, NULL},
		  {"JHT", 20000000, 740000, 400000, NULL},
		  {"JP", 10042300, 200846, 100423, "3.00%"}},
		 NULL},
		{"JHT has no cap", PU_CASE(2024, 11, RP(1000000000), 1, JHT), 37000000, 20000000,
		 {{"JHT", 1000000000, 37000000, 20000000, NULL}}, NULL},
	};
	check_all(t, ARRAY_SIZE(t));
}

/*
 * Each share is rounded half-up to whole rupiah (domain 8).  Kudus UMK 2025
 * Rp2,680,485.72: JKK 0.24% = 6,433.17 -> 6,433; JKM 0.30% = 8,041.46 ->
 * 8,041; JHT 3.7% = 99,177.97 -> 99,178 and 2% = 53,609.71 -> 53,610; JP 2%
 * 53,610 and 1% = 26,804.86 -> 26,805.
 */
static void pu_rounding(void **state)
{
	(void)state;
	static const struct tcase t[] = {
		{"UMK with sen", PU_CASE(2025, 6, 268048572, 1, JKK | JKM | JHT | JP),
		 6433 + 8041 + 99178 + 53610, 53610 + 26805,
		 {{0}}, NULL},
		/* 2,083,125 × 0.24% = 4,999.50 exactly: half goes up */
		{"half up", PU_CASE(2024, 11, RP(2083125), 1, JKK), 5000, 0, {{0}}, NULL},
		/* 2,083,124.79 × 0.24% = 4,999.4995: down */
		{"just below half", PU_CASE(2024, 11, 208312479, 1, JKK), 4999, 0, {{0}}, NULL},
	};
	check_all(t, ARRAY_SIZE(t));
	struct iuran_result res;
	struct errbuf eb;
	assert_int_equal(iuran_compute(rates, &t[0].c, &res, &eb), JR_EOK);
	assert_int_equal(res.line[0].base_sen, 268048572);
	assert_int_equal(res.base_sen, 268048572);
}

/* PP 45/2015 Pasal 29: the JP wage cap of every year, effective each March. */
static void pu_jp_cap_by_month(void **state)
{
	(void)state;
	static const struct {
		int year, month;
		int64_t cap;
	} caps[] = {
		{2015, 7, 7000000},   {2016, 2, 7000000},   {2016, 3, 7335300},
		{2017, 2, 7335300},   {2017, 3, 7703500},   {2018, 3, 8094000},
		{2019, 2, 8094000},   {2019, 3, 8512400},   {2020, 3, 8939700},
		{2021, 2, 8939700},   {2021, 3, 8754600},   {2022, 3, 9077600},
		{2023, 3, 9559600},   {2024, 2, 9559600},   {2024, 3, 10042300},
		{2025, 2, 10042300},  {2025, 3, 10547400},  {2026, 11, 10547400},
	};
	for (size_t i = 0; i < ARRAY_SIZE(caps); i++) {
		struct iuran_case c = PU_CASE(caps[i].year, caps[i].month, RP(50000000), 0, JP);
		struct iuran_result res;
		struct errbuf eb = {""};
		if (iuran_compute(rates, &c, &res, &eb) != JR_EOK)
			fail_msg("%d-%02d: %s", caps[i].year, caps[i].month, eb.msg);
		if (res.line[0].base_sen != RP(caps[i].cap))
			fail_msg("%d-%02d: JP base %" PRId64 ", want cap %" PRId64, caps[i].year,
				 caps[i].month, res.line[0].base_sen, caps[i].cap);
		/* 2% and 1% of a cap floored to Rp100 are whole rupiah */
		assert_int_equal(res.line[0].employer_sen, RP(caps[i].cap) / 50);
		assert_int_equal(res.line[0].worker_sen, RP(caps[i].cap) / 100);
	}
	/* worked: February 2024 uses 9,559,600, March 2024 10,042,300 */
	static const struct tcase t[] = {
		{"Feb 2024", PU_CASE(2024, 2, RP(20000000), 0, JP), 191192, 95596,
		 {{"JP", 9559600, 191192, 95596, NULL}}, "PP 45/2015"},
		{"Mar 2024", PU_CASE(2024, 3, RP(20000000), 0, JP), 200846, 100423,
		 {{"JP", 10042300, 200846, 100423, NULL}}, NULL},
		{"below the cap", PU_CASE(2024, 3, RP(10000000), 0, JP), 200000, 100000,
		 {{"JP", 10000000, 200000, 100000, NULL}}, NULL},
	};
	check_all(t, ARRAY_SIZE(t));
}

/* The cap table follows from the GDP growth rule with the floor to Rp100 (domain 1.2). */
static void jp_cap_formula(void **state)
{
	(void)state;
	static const struct {
		int64_t growth_ppm, cap;
	} chain[] = {
		{0, 7000000},      {47900, 7335300},  {50200, 7703500},  {50700, 8094000},
		{51700, 8512400},  {50200, 8939700},  {-20700, 8754600}, {36900, 9077600},
		{53100, 9559600},  {50500, 10042300}, {50300, 10547400},
	};
	for (size_t i = 1; i < ARRAY_SIZE(chain); i++)
		assert_int_equal(iuran_jp_cap_next(RP(chain[i - 1].cap), chain[i].growth_ppm),
				 RP(chain[i].cap));
	/* 2020 letter: 8,939,722.48 "dibulatkan menjadi 8.939.700" */
	assert_int_equal(iuran_jp_cap_next(RP(8512400), 50200), RP(8939700));
	assert_int_equal(iuran_jp_cap_next(RP(100), -2000000), 0);
}

/*
 * JKP (PP 37/2021, PP 6/2025): billed 0, the employer's total unchanged;
 * allocation 0.46% (then 0.36%) of the wage up to Rp5,000,000, and JKK
 * allocated at the reduced rate for JKP members.
 */
static void pu_jkp(void **state)
{
	(void)state;
	static const struct tcase t[] = {
		{"JKP billed 0", PU_CASE(2024, 11, RP(20000000), 1, JKK | JKM | JKP), 108000, 0,
		 {{"JKK", 20000000, 48000, 0, NULL},
		  {"JKM", 20000000, 60000, 0, NULL},
		  {"JKP", 5000000, 0, 0, "0.00%"}},
		 "PP 37/2021"},
		{"JKP 2025", PU_CASE(2025, 3, RP(4000000), 1, JKK | JKM | JKP), 9600 + 12000, 0,
		 {{"JKK", 4000000, 9600, 0, NULL},
		  {"JKM", 4000000, 12000, 0, NULL},
		  {"JKP", 4000000, 0, 0, NULL}},
		 "PP 6/2025"},
	};
	check_all(t, ARRAY_SIZE(t));

	struct iuran_result res;
	struct errbuf eb;
	/* 2024-11, 20 m: JKK 0.10% = 20,000; JKM 0.20% = 40,000; JKP 0.46% × 5 m = 23,000 */
	assert_int_equal(iuran_compute(rates, &t[0].c, &res, &eb), JR_EOK);
	assert_int_equal(res.line[0].allocated_sen, RP(20000));
	assert_int_equal(res.line[1].allocated_sen, RP(40000));
	assert_int_equal(res.line[2].allocated_sen, RP(23000));
	/* 2025-03, 4 m: JKK 0.10% = 4,000; JKM back to 0.30% = 12,000; JKP 0.36% = 14,400 */
	assert_int_equal(iuran_compute(rates, &t[1].c, &res, &eb), JR_EOK);
	assert_int_equal(res.line[0].allocated_sen, RP(4000));
	assert_int_equal(res.line[1].allocated_sen, RP(12000));
	assert_int_equal(res.line[2].allocated_sen, RP(14400));
	/* without JKP the allocation is the bill */
	struct iuran_case c = PU_CASE(2024, 11, RP(20000000), 1, JKK | JKM);
	assert_int_equal(iuran_compute(rates, &c, &res, &eb), JR_EOK);
	assert_int_equal(res.line[0].allocated_sen, RP(48000));
	assert_int_equal(res.line[1].allocated_sen, RP(60000));
	/* JKP did not exist before PP 37/2021 */
	c = (struct iuran_case)PU_CASE(2021, 2, RP(5000000), 1, JKK | JKP);
	assert_int_equal(iuran_compute(rates, &c, &res, &eb), JR_EINVALID);
	assert_non_null(strstr(eb.msg, "JKP"));
}

#define BPU_CASE(y, m, income, progs) \
	{.segment = SEG_BPU, .year = (y), .month = (m), .income_sen = (income), .programs = (progs)}

/* PP 44/2015 Lampiran II: JKK 1% of the declared income (at least Rp1,000,000), JKM Rp6,800. */
static void bpu(void **state)
{
	(void)state;
	static const struct tcase t[] = {
		{"Rp16,800", BPU_CASE(2024, 11, RP(1000000), JKK | JKM), 16800, 0,
		 {{"JKK", 1000000, 10000, 0, "1.00%"}, {"JKM", 0, 6800, 0, "flat"}},
		 "Lampiran II"},
		{"Rp36,800 with JHT", BPU_CASE(2024, 11, RP(1000000), JKK | JKM | JHT), 36800, 0,
		 {{"JKK", 1000000, 10000, 0, NULL},
		  {"JKM", 0, 6800, 0, NULL},
		  {"JHT", 1000000, 20000, 0, "2.00%"}},
		 NULL},
		{"below the lowest band", BPU_CASE(2024, 11, RP(800000), JKK | JKM), 16800, 0,
		 {{"JKK", 1000000, 10000, 0, NULL}, {"JKM", 0, 6800, 0, NULL}}, NULL},
		{"Rp3,000,000", BPU_CASE(2024, 11, RP(3000000), JKK | JKM | JHT), 30000 + 6800 + 60000,
		 0, {{0}}, NULL},
		/* the top band: JKK at most Rp207,000 */
		{"top band", BPU_CASE(2024, 11, RP(50000000), JKK | JKM), 207000 + 6800, 0,
		 {{"JKK", 20700000, 207000, 0, NULL}, {"JKM", 0, 6800, 0, NULL}}, NULL},
	};
	check_all(t, ARRAY_SIZE(t));
}

#define JAKON_CONTRACT(y, m, value) \
	{.segment = SEG_JAKON, .year = (y), .month = (m), .contract_sen = (value), \
	 .programs = JKK | JKM}

/* Marginal tiers on the contract value (PROBIS p.98): the worked examples of domain 1.6. */
static void jakon(void **state)
{
	(void)state;
	static const struct tcase t[] = {
		/* 100 m × 0.21% + 100 m × 0.17% = 380,000; 100 m × 0.03% + 100 m × 0.02% = 50,000 */
		{"Rp200 juta", JAKON_CONTRACT(2024, 11, RP(200000000)), 430000, 0,
		 {{"JKK", 200000000, 380000, 0, "tiered"}, {"JKM", 200000000, 50000, 0, "tiered"}},
		 "nilai kontrak"},
		{"Rp1 miliar", JAKON_CONTRACT(2024, 11, RP(1000000000)), 1750000, 0,
		 {{"JKK", 1000000000, 1540000, 0, NULL}, {"JKM", 1000000000, 210000, 0, NULL}}, NULL},
		{"Rp5 miliar", JAKON_CONTRACT(2024, 11, RP(5000000000)), 6550000, 0,
		 {{"JKK", 5000000000, 5940000, 0, NULL}, {"JKM", 5000000000, 610000, 0, NULL}}, NULL},
		{"Rp10 miliar", JAKON_CONTRACT(2024, 11, RP(10000000000)), 11550000, 0,
		 {{"JKK", 10000000000, 10440000, 0, NULL}, {"JKM", 10000000000, 1110000, 0, NULL}},
		 NULL},
		/* inside the first tier: 0.24% of 50 m */
		{"Rp50 juta", JAKON_CONTRACT(2024, 11, RP(50000000)), 120000, 0, {{0}}, NULL},
		{"exactly Rp100 juta", JAKON_CONTRACT(2016, 1, RP(100000000)), 240000, 0, {{0}}, NULL},
		/* 123,456,789: JKK 210,000 + 23,456,789 × 0.17% = 39,876.54 -> 249,877;
		 * JKM 30,000 + 4,691.36 -> 34,691 */
		{"odd value", JAKON_CONTRACT(2024, 11, RP(123456789)), 249877 + 34691, 0, {{0}}, NULL},
		/* wage known: PU group V tariff, 1.74% + 0.30% = 2.04% */
		{"wage known",
		 {.segment = SEG_JAKON, .year = 2024, .month = 11, .wage_sen = RP(5000000),
		  .programs = JKK | JKM},
		 102000, 0,
		 {{"JKK", 5000000, 87000, 0, "1.74%"}, {"JKM", 5000000, 15000, 0, "0.30%"}}, NULL},
	};
	check_all(t, ARRAY_SIZE(t));
}

#define PMI_CASE(y, m, months) \
	{.segment = SEG_PMI, .year = (y), .month = (m), .pmi_months = (months), \
	 .programs = JKK | JKM}

/* Permenaker 4/2023 Pasal 18: Rp37,500 before work + the package for the contract. */
static void pmi(void **state)
{
	(void)state;
	static const struct tcase t[] = {
		{"24 months: Rp370,000", PMI_CASE(2024, 11, 24), 370000, 0,
		 {{"JKK+JKM", 0, 37500, 0, "flat"}, {"JKK+JKM", 0, 332500, 0, "flat"}}, "Pasal 18"},
		{"12 months", PMI_CASE(2024, 11, 12), 37500 + 189000, 0,
		 {{"JKK+JKM", 0, 37500, 0, NULL}, {"JKK+JKM", 0, 189000, 0, NULL}}, NULL},
		{"6 months", PMI_CASE(2024, 11, 6), 37500 + 108000, 0, {{0}}, NULL},
		{"3 months: the 6-month package", PMI_CASE(2024, 11, 3), 37500 + 108000, 0, {{0}}, NULL},
		/* 12-month package + 6 × 13,500 */
		{"18 months", PMI_CASE(2024, 11, 18), 37500 + 189000 + 81000, 0, {{0}}, "Pasal 18 (3)"},
		{"30 months", PMI_CASE(2024, 11, 30), 37500 + 332500 + 81000, 0, {{0}}, NULL},
	};
	check_all(t, ARRAY_SIZE(t));
}

/*
 * PP 49/2020: contribution months Aug 2020 - Jan 2021 pay 1% of JKK and JKM
 * (BPU JKM Rp68), and 1% of JP with 99% deferred; not for payers in arrears.
 */
static void pp49_2020(void **state)
{
	(void)state;
	static const struct tcase t[] = {
		/* 5 m: JKK 12,000 -> 120; JKM 15,000 -> 150; JP 100,000 + 50,000 -> 1,000 + 500 */
		{"PU Aug 2020", PU_CASE(2020, 8, RP(5000000), 1, JKK | JKM | JHT | JP),
		 120 + 150 + 185000 + 1000, 100000 + 500,
		 {{"JKK", 5000000, 120, 0, "0.0024%"},
		  {"JKM", 5000000, 150, 0, "0.003%"},
		  {"JHT", 5000000, 185000, 100000, "5.70%"},
		  {"JP", 5000000, 1000, 500, "0.03%"}},
		 "PP 49/2020"},
		{"PU Jan 2021", PU_CASE(2021, 1, RP(5000000), 5, JKK | JKM), 870 + 150, 0, {{0}}, NULL},
		{"PU Jul 2020 full", PU_CASE(2020, 7, RP(5000000), 5, JKK | JKM), 87000 + 15000, 0,
		 {{0}}, NULL},
		{"PU Feb 2021 full", PU_CASE(2021, 2, RP(5000000), 5, JKK | JKM), 87000 + 15000, 0,
		 {{0}}, NULL},
		{"BPU Sep 2020: JKM Rp68", BPU_CASE(2020, 9, RP(1000000), JKK | JKM), 100 + 68, 0,
		 {{"JKK", 1000000, 100, 0, NULL}, {"JKM", 0, 68, 0, "flat"}}, NULL},
		{"JAKON Oct 2020", JAKON_CONTRACT(2020, 10, RP(200000000)), 3800 + 500, 0, {{0}}, NULL},
	};
	check_all(t, ARRAY_SIZE(t));

	struct iuran_result res;
	struct errbuf eb;
	/* the deferred JP: 99,000 + 49,500 */
	assert_int_equal(iuran_compute(rates, &t[0].c, &res, &eb), JR_EOK);
	assert_int_equal(res.line[3].deferred_sen, RP(148500));
	assert_int_equal(res.line[0].deferred_sen, 0);
	/* in arrears: no relief at all */
	struct iuran_case c = t[0].c;
	c.in_arrears = true;
	assert_int_equal(iuran_compute(rates, &c, &res, &eb), JR_EOK);
	assert_int_equal(res.total_sen, RP(12000 + 15000 + 285000 + 150000));
	assert_int_equal(res.line[3].deferred_sen, 0);
}

/*
 * PP 7/2025 + PP 36/2025: JKK -50% for labour-intensive industries (KBLI)
 * with at least 50 participants, contribution months Feb 2025 - Jan 2026.
 */
static void pp7_2025(void **state)
{
	(void)state;
#define PADAT(y, m, risk, kbli_, n) \
	{.segment = SEG_PU, .year = (y), .month = (m), .wage_sen = RP(5000000), \
	 .risk_group = (risk), .programs = JKK | JKM, .kbli = kbli_, .employer_participants = (n)}
	static const struct tcase t[] = {
		/* group III 0.89% -> 0.445% of 5 m = 22,250 (+ JKM 15,000 unchanged) */
		{"textiles, 50 participants", PADAT(2025, 3, 3, "13111", 50), 22250 + 15000, 0,
		 {{"JKK", 5000000, 22250, 0, "0.445%"}, {"JKM", 5000000, 15000, 0, "0.30%"}},
		 "PP 7/2025"},
		{"49 participants", PADAT(2025, 3, 3, "13111", 49), 44500 + 15000, 0, {{0}}, NULL},
		{"not a listed sector", PADAT(2025, 3, 3, "62010", 500), 44500 + 15000, 0, {{0}}, NULL},
		{"KBLI unknown", PADAT(2025, 3, 3, "", 500), 44500 + 15000, 0, {{0}}, NULL},
		{"food, Feb 2025", PADAT(2025, 2, 1, "10710", 60), 6000 + 15000, 0, {{0}}, NULL},
		{"Jan 2025: before", PADAT(2025, 1, 1, "10710", 60), 12000 + 15000, 0, {{0}}, NULL},
		{"footwear, group V", PADAT(2025, 5, 5, "15201", 60), 43500 + 15000, 0,
		 {{"JKK", 5000000, 43500, 0, "0.87%"}, {"JKM", 5000000, 15000, 0, NULL}}, NULL},
		{"furniture", PADAT(2025, 7, 2, "31001", 60), 13500 + 15000, 0, {{0}}, NULL},
		{"toys", PADAT(2025, 7, 4, "32402", 60), 31750 + 15000, 0, {{0}}, NULL},
		{"jewellery is not toys", PADAT(2025, 7, 4, "32111", 60), 63500 + 15000, 0, {{0}}, NULL},
		{"Aug 2025: PP 36/2025", PADAT(2025, 8, 3, "14111", 60), 22250 + 15000, 0, {{0}},
		 "PP 36/2025"},
		{"Jan 2026: last month", PADAT(2026, 1, 3, "14111", 60), 22250 + 15000, 0, {{0}}, NULL},
		{"Feb 2026: over", PADAT(2026, 2, 3, "14111", 60), 44500 + 15000, 0, {{0}}, NULL},
	};
#undef PADAT
	check_all(t, ARRAY_SIZE(t));
}

/*
 * PP 50/2025: BPU JKK and JKM -50%, not for BPU paid from APBN/APBD;
 * transport Jan 2026 - Mar 2027, other BPU Apr - Dec 2026.
 */
static void pp50_2025(void **state)
{
	(void)state;
#define BPU_AT(y, m, kbli_, payer_, progs) \
	{.segment = SEG_BPU, .year = (y), .month = (m), .income_sen = RP(1000000), \
	 .programs = (progs), .kbli = kbli_, .payer = (payer_)}
	static const struct tcase t[] = {
		/* 10,000 -> 5,000; 6,800 -> 3,400 */
		{"transport Jan 2026", BPU_AT(2026, 1, "49421", PAYER_SELF, JKK | JKM), 8400, 0,
		 {{"JKK", 1000000, 5000, 0, "0.50%"}, {"JKM", 0, 3400, 0, "flat"}}, "PP 50/2025"},
		{"transport, paid by APBD", BPU_AT(2026, 1, "49421", PAYER_APBD, JKK | JKM), 16800, 0,
		 {{0}}, NULL},
		{"transport, paid by APBN", BPU_AT(2026, 6, "53201", PAYER_APBN, JKK | JKM), 16800, 0,
		 {{0}}, NULL},
		{"transport, paid by CSR", BPU_AT(2026, 6, "53201", PAYER_OTHER, JKK | JKM), 8400, 0,
		 {{0}}, NULL},
		{"transport Mar 2027", BPU_AT(2027, 3, "49421", PAYER_SELF, JKK | JKM), 8400, 0, {{0}},
		 NULL},
		{"transport Apr 2027", BPU_AT(2027, 4, "49421", PAYER_SELF, JKK | JKM), 16800, 0, {{0}},
		 NULL},
		{"transport Dec 2025", BPU_AT(2025, 12, "49421", PAYER_SELF, JKK | JKM), 16800, 0, {{0}},
		 NULL},
		{"trader Jan 2026", BPU_AT(2026, 1, "47111", PAYER_SELF, JKK | JKM), 16800, 0, {{0}},
		 NULL},
		{"trader Apr 2026", BPU_AT(2026, 4, "47111", PAYER_SELF, JKK | JKM), 8400, 0, {{0}},
		 NULL},
		{"no KBLI Dec 2026", BPU_AT(2026, 12, "", PAYER_SELF, JKK | JKM), 8400, 0, {{0}}, NULL},
		{"trader Jan 2027", BPU_AT(2027, 1, "47111", PAYER_SELF, JKK | JKM), 16800, 0, {{0}},
		 NULL},
		{"trader APBD", BPU_AT(2026, 5, "47111", PAYER_APBD, JKK | JKM), 16800, 0, {{0}}, NULL},
		/* JHT keeps its 2% */
		{"JHT not discounted", BPU_AT(2026, 5, "47111", PAYER_SELF, JKK | JKM | JHT), 28400, 0,
		 {{0}}, NULL},
	};
#undef BPU_AT
	check_all(t, ARRAY_SIZE(t));
}

/* Cases the rules cannot price: a clear reason, no lines. */
static void errors(void **state)
{
	(void)state;
	static const struct {
		struct iuran_case c;
		const char *msg;
	} t[] = {
		{PU_CASE(2015, 6, RP(5000000), 1, JKK), "sebelum Juli 2015"},
		{PU_CASE(2014, 12, RP(5000000), 1, JKK), "sebelum Juli 2015"},
		{PU_CASE(2024, 13, RP(5000000), 1, JKK), "tidak sah"},
		{{.segment = SEG_NONE, .year = 2024, .month = 1, .wage_sen = 1, .programs = JKK},
		 "segmen"},
		{{.segment = (enum segment)9, .year = 2024, .month = 1, .programs = JKK}, "segmen"},
		{PU_CASE(2024, 11, RP(-5000), 1, JKK), "negatif"},
		{PU_CASE(2024, 11, 0, 1, JKK), "upah wajib"},
		{PU_CASE(2024, 11, RP(5000000), 0, JKK), "kelompok risiko"},
		{PU_CASE(2024, 11, RP(5000000), 6, JKK), "kelompok risiko"},
		{PU_CASE(2024, 11, RP(5000000), 1, 0), "tidak ada program"},
		{PU_CASE(2024, 11, MONEY_MAX_SEN + 1, 1, JKK), "terlalu besar"},
		{BPU_CASE(2024, 11, RP(1000000), JKK | JP), "JP tidak tersedia"},
		{BPU_CASE(2024, 11, 0, JKK | JKM), "penghasilan wajib"},
		{BPU_CASE(2024, 11, RP(-1), JKK), "negatif"},
		{{.segment = SEG_JAKON, .year = 2024, .month = 11, .programs = JKK}, "wajib"},
		{{.segment = SEG_JAKON, .year = 2024, .month = 11, .wage_sen = 1, .contract_sen = 1,
		  .programs = JKK},
		 "bukan keduanya"},
		{{.segment = SEG_JAKON, .year = 2024, .month = 11, .contract_sen = RP(100000000),
		  .programs = JKK | JHT},
		 "tidak ada tarif JHT"},
		{{.segment = SEG_JAKON, .year = 2024, .month = 11, .contract_sen = RP(-1),
		  .programs = JKK},
		 "negatif"},
		{PMI_CASE(2024, 11, 0), "bulan"},
		{PMI_CASE(2023, 2, 24), "tidak ada tarif"},
		{{.segment = SEG_PMI, .year = 2024, .month = 11, .pmi_months = 24, .programs = JKK},
		 "satu paket"},
		{{.segment = SEG_PMI, .year = 2024, .month = 11, .pmi_months = 24,
		  .programs = JKK | JKM | JHT},
		 "tidak ada tarif JHT"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(t); i++) {
		struct iuran_result res;
		struct errbuf eb = {""};
		jr_err rc = iuran_compute(rates, &t[i].c, &res, &eb);
		if (rc != JR_EINVALID)
			fail_msg("case %zu: rc %d, want JR_EINVALID", i, (int)rc);
		if (!strstr(eb.msg, t[i].msg))
			fail_msg("case %zu: '%s' does not say '%s'", i, eb.msg, t[i].msg);
		assert_int_equal(res.nlines, 0);
		assert_int_equal(res.total_sen, 0);
	}
	/* an unfinished table */
	struct rates *empty = rates_new();
	struct iuran_case c = PU_CASE(2024, 11, RP(1), 1, JKK);
	struct iuran_result res;
	struct errbuf eb;
	assert_int_equal(iuran_compute(empty, &c, &res, &eb), JR_EINVALID);
	rates_free(empty);
}

/* ---- building tables: rates_add / rates_finish refuse inconsistent rows ---- */

static struct rate_row row_of(int fy, int fm, int ty, int tm, enum segment s, unsigned prog,
			      enum rate_base base)
{
	struct rate_row w = {
		.valid_from = {fy, fm, 1},
		.valid_to = {ty, tm, date_days_in_month(ty, tm)},
		.segment = s,
		.program = (enum program)prog,
		.base = base,
	};
	memcpy(w.rule, "test", 5);
	return w;
}

static jr_err add_one(struct rates *r, struct rate_row w, const char *want_msg)
{
	struct errbuf eb = {""};
	jr_err rc = rates_add(r, &w, &eb);
	if (want_msg && (rc == JR_EOK || !strstr(eb.msg, want_msg)))
		fail_msg("rates_add: rc %d '%s', want '%s'", (int)rc, eb.msg, want_msg);
	return rc;
}

static void table_rows_checked(void **state)
{
	(void)state;
	struct rates *r = rates_new();
	assert_non_null(r);
	struct rate_row w = row_of(2015, 7, 9999, 12, SEG_PU, JHT, BASE_WAGE);
	w.employer_ppm = 37000;
	w.worker_ppm = 20000;
	assert_int_equal(add_one(r, w, NULL), JR_EOK);

	struct rate_row b = w;
	b.valid_from.day = 2;
	add_one(r, b, "tanggal 1");
	b = w;
	b.valid_to = (struct date){2020, 2, 28};
	add_one(r, b, "hari terakhir");
	b = row_of(2015, 6, 2016, 1, SEG_PU, JHT, BASE_WAGE);
	add_one(r, b, "sebelum Juli 2015");
	b = row_of(2016, 1, 2015, 12, SEG_PU, JHT, BASE_WAGE);
	add_one(r, b, "sesudah");
	b = w;
	b.program = (enum program)(JKK | JKM);
	add_one(r, b, "program harus satu");
	b = w;
	b.segment = SEG_BPU;
	b.program = PROG_JP;
	add_one(r, b, "tidak untuk segmen");
	b = w;
	b.base = BASE_INCOME;
	add_one(r, b, "tidak untuk segmen");
	b = w;
	b.risk_group = 2;
	add_one(r, b, "kelompok risiko");
	b = row_of(2015, 7, 9999, 12, SEG_PU, JKK, BASE_WAGE);
	b.employer_ppm = 2400;
	add_one(r, b, "kelompok risiko 1..5");
	b = w;
	b.employer_ppm = 900000;
	b.worker_ppm = 200000;
	add_one(r, b, "0..100");
	b = row_of(2015, 7, 9999, 12, SEG_PU, JP, BASE_CAP);
	b.flat_sen = RP(7000050);
	add_one(r, b, "kelipatan Rp100");
	b.flat_sen = 0;
	add_one(r, b, "amount");
	b = row_of(2015, 7, 9999, 12, SEG_PU, JKK, BASE_DISCOUNT);
	add_one(r, b, "tanpa besar potongan");
	b.employer_ppm = 500000;
	memcpy(b.condition, "kbli:1", 7);
	add_one(r, b, "syarat");
	memcpy(b.condition, "colour:blue", 12);
	add_one(r, b, "syarat");
	memcpy(b.condition, "months:6", 9);
	add_one(r, b, "paket PMI");
	b = w;
	memset(b.rule, 0, sizeof(b.rule));
	add_one(r, b, "rule");
	memset(b.rule, 'x', 100);
	add_one(r, b, "78 byte");
	b = row_of(2015, 7, 9999, 12, SEG_JAKON, JKK, BASE_CONTRACT);
	b.employer_ppm = 2100;
	b.tier_from_sen = RP(100);
	b.tier_to_sen = RP(50);
	add_one(r, b, "lapisan");
	b = row_of(2023, 3, 9999, 12, SEG_PMI, JKK | JKM, BASE_FLAT);
	b.flat_sen = RP(37500);
	add_one(r, b, "baris PMI perlu satu syarat");

	struct errbuf eb;
	assert_int_equal(rates_finish(r, &eb), JR_EOK);
	assert_int_equal(rates_count(r), 1);
	add_one(r, w, "sudah selesai");
	assert_int_equal(rates_finish(r, &eb), JR_EINVALID);
	rates_free(r);
}

static jr_err finish_with(const struct rate_row *rows, size_t n, const char *want_msg)
{
	struct rates *r = rates_new();
	struct errbuf eb = {""};
	for (size_t i = 0; i < n; i++)
		if (rates_add(r, &rows[i], &eb) != JR_EOK)
			fail_msg("row %zu: %s", i, eb.msg);
	jr_err rc = rates_finish(r, &eb);
	rates_free(r);
	if (want_msg && (rc == JR_EOK || !strstr(eb.msg, want_msg)))
		fail_msg("rates_finish: rc %d '%s', want '%s'", (int)rc, eb.msg, want_msg);
	return rc;
}

static void table_consistency_checked(void **state)
{
	(void)state;
	struct rate_row a = row_of(2015, 7, 2019, 12, SEG_PU, JKM, BASE_WAGE);
	a.employer_ppm = 3000;
	struct rate_row b = row_of(2019, 12, 9999, 12, SEG_PU, JKM, BASE_WAGE);
	b.employer_ppm = 3000;
	finish_with((struct rate_row[]){a, b}, 2, "tumpang tindih");
	b.valid_from = (struct date){2020, 2, 1};
	finish_with((struct rate_row[]){a, b}, 2, "celah");
	b.valid_from = (struct date){2020, 1, 1};
	assert_int_equal(finish_with((struct rate_row[]){a, b}, 2, NULL), JR_EOK);

	/* a risk group row overlapping an any-group row of the same program */
	struct rate_row g1 = row_of(2015, 7, 9999, 12, SEG_PU, JKK, BASE_WAGE);
	g1.employer_ppm = 2400;
	g1.risk_group = 1;
	struct rate_row g2 = g1;
	g2.risk_group = 2;
	g2.employer_ppm = 5400;
	assert_int_equal(finish_with((struct rate_row[]){g1, g2}, 2, NULL), JR_EOK);
	struct rate_row g1b = g1;
	g1b.employer_ppm = 2500;
	finish_with((struct rate_row[]){g1, g2, g1b}, 3, "tumpang tindih");

	/* contract tiers chain 0 -> unbounded */
	struct rate_row t1 = row_of(2015, 7, 9999, 12, SEG_JAKON, JKK, BASE_CONTRACT);
	t1.employer_ppm = 2100;
	t1.tier_to_sen = RP(100000000);
	struct rate_row t2 = t1;
	t2.tier_from_sen = RP(100000000);
	t2.tier_to_sen = 0;
	t2.employer_ppm = 1700;
	assert_int_equal(finish_with((struct rate_row[]){t1, t2}, 2, NULL), JR_EOK);
	struct rate_row t2gap = t2;
	t2gap.tier_from_sen = RP(200000000);
	finish_with((struct rate_row[]){t1, t2gap}, 2, "bersambung");
	struct rate_row t2rule = t2;
	memcpy(t2rule.rule, "other", 6);
	finish_with((struct rate_row[]){t1, t2rule}, 2, "rujukan berbeda");
	finish_with((struct rate_row[]){t1}, 1, "bersambung");

	/* two discounts for the same line: refused when computing */
	struct rate_row d1 = row_of(2015, 7, 9999, 12, SEG_PU, JKM, BASE_DISCOUNT);
	d1.employer_ppm = 500000;
	struct rate_row d2 = d1;
	memcpy(d2.condition, "paid_up", 8);
	struct rates *r = rates_new();
	struct errbuf eb = {""};
	assert_int_equal(rates_add(r, &a, &eb), JR_EOK);
	assert_int_equal(rates_add(r, &b, &eb), JR_EOK);
	assert_int_equal(rates_add(r, &d1, &eb), JR_EOK);
	assert_int_equal(rates_add(r, &d2, &eb), JR_EOK);
	assert_int_equal(rates_finish(r, &eb), JR_EOK);
	struct iuran_case c = PU_CASE(2024, 1, RP(1000000), 0, JKM);
	struct iuran_result res;
	assert_int_equal(iuran_compute(r, &c, &res, &eb), JR_EINVALID);
	assert_non_null(strstr(eb.msg, "dua diskon"));
	c.in_arrears = true; /* only d1 holds: 0.30% × 50% of 1 m = 1,500 */
	assert_int_equal(iuran_compute(r, &c, &res, &eb), JR_EOK);
	assert_int_equal(res.total_sen, RP(1500));
	assert_string_equal(res.line[0].rate, "0.15%");
	rates_free(r);
}

static void program_names(void **state)
{
	(void)state;
	assert_string_equal(iuran_program_name(PROG_JKK), "JKK");
	assert_string_equal(iuran_program_name(PROG_JKP), "JKP");
	assert_string_equal(iuran_program_name(PROG_JKK | PROG_JKM), "JKK+JKM");
	assert_string_equal(iuran_program_name(PROG_JHT | PROG_JP), "?");
	assert_true(rates_count(rates) > 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pu_jkk_risk_groups),
		cmocka_unit_test(pu_package),
		cmocka_unit_test(pu_rounding),
		cmocka_unit_test(pu_jp_cap_by_month),
		cmocka_unit_test(jp_cap_formula),
		cmocka_unit_test(pu_jkp),
		cmocka_unit_test(bpu),
		cmocka_unit_test(jakon),
		cmocka_unit_test(pmi),
		cmocka_unit_test(pp49_2020),
		cmocka_unit_test(pp7_2025),
		cmocka_unit_test(pp50_2025),
		cmocka_unit_test(errors),
		cmocka_unit_test(table_rows_checked),
		cmocka_unit_test(table_consistency_checked),
		cmocka_unit_test(program_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
