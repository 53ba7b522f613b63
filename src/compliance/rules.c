/*
 * rules.c - the pure compliance rules (see compliance.h; docs/rules.md
 * "Compliance findings").  No I/O: the rate table does the pricing.
 */
#include "compat.h"

#include "compliance/compliance.h"

static const char *const names[FINDING_COUNT] = {
	[FINDING_PDS_TK] = "pds_tk",       [FINDING_PDS_UPAH] = "pds_upah",
	[FINDING_PDS_PROGRAM] = "pds_program", [FINDING_ARREARS] = "arrears",
	[FINDING_OPD_UNREGISTERED] = "opd_unregistered",
};

static const char *const labels[FINDING_COUNT] = {
	[FINDING_PDS_TK] = "PDS tenaga kerja",   [FINDING_PDS_UPAH] = "PDS upah",
	[FINDING_PDS_PROGRAM] = "PDS program",  [FINDING_ARREARS] = "tunggakan iuran",
	[FINDING_OPD_UNREGISTERED] = "OPD belum mendaftarkan",
};

const char *finding_kind_name(enum finding_kind k)
{
	return k > FINDING_NONE && k < FINDING_COUNT ? names[k] : "";
}

const char *finding_kind_label(enum finding_kind k)
{
	return k > FINDING_NONE && k < FINDING_COUNT ? labels[k] : "";
}

enum finding_kind finding_kind_parse(const char *s)
{
	char buf[32];
	size_t n = strlen(s);
	if (n >= sizeof(buf))
		return FINDING_NONE;
	for (size_t i = 0; i <= n; i++)
		buf[i] = s[i] == '-' ? '_' : (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	for (int k = FINDING_NONE + 1; k < FINDING_COUNT; k++)
		if (!strcmp(buf, names[k]))
			return (enum finding_kind)k;
	return FINDING_NONE;
}

jr_err compliance_wage_gap(const struct rates *r, const struct iuran_case *c, int64_t floor_sen,
			   int64_t *missing_sen, struct errbuf *eb)
{
	struct iuran_result at_wage, at_floor;
	*missing_sen = 0;
	if (c->wage_sen >= floor_sen)
		return JR_EOK;
	struct iuran_case f = *c;
	f.wage_sen = floor_sen;
	jr_err err = iuran_compute(r, c, &at_wage, eb);
	if (err == JR_EOK)
		err = iuran_compute(r, &f, &at_floor, eb);
	if (err == JR_EOK && at_floor.total_sen > at_wage.total_sen)
		*missing_sen = at_floor.total_sen - at_wage.total_sen;
	return err;
}

jr_err compliance_program_gap(const struct rates *r, const struct iuran_case *c,
			      unsigned required, unsigned *missing, int64_t *missing_sen,
			      struct errbuf *eb)
{
	struct iuran_result res;
	*missing = required & ~c->programs;
	*missing_sen = 0;
	if (!*missing)
		return JR_EOK;
	struct iuran_case m = *c;
	m.programs = *missing;
	jr_err err = iuran_compute(r, &m, &res, eb);
	if (err == JR_EOK)
		*missing_sen = res.total_sen;
	return err;
}

int64_t compliance_arrears_monthly(int64_t owed_sen, int oldest_period, struct date as_of)
{
	if (owed_sen <= 0)
		return 0;
	int64_t months = 1;
	if (oldest_period > 0) {
		int64_t a = (int64_t)(oldest_period / 100) * 12 + oldest_period % 100;
		int64_t b = (int64_t)as_of.year * 12 + as_of.month;
		if (b - a > 1)
			months = b - a;
	}
	return owed_sen / months;
}

int64_t compliance_headcount_gap(int64_t expected, int64_t active, int64_t per_worker_sen,
				 int64_t *missing_sen)
{
	int64_t gap = expected > active ? expected - active : 0;
	*missing_sen = gap * (per_worker_sen > 0 ? per_worker_sen : 0);
	return gap;
}
