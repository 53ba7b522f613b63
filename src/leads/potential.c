/* potential.c - what a lead is worth (see potential.h). */
#include "compat.h"

#include "leads/potential.h"

char kbli_section(const char *kbli)
{
	/* KBLI 2020 divisions (the first two digits) by section. */
	static const struct {
		int lo, hi;
		char section;
	} div[] = {
		{1, 3, 'A'},   {5, 9, 'B'},   {10, 33, 'C'}, {35, 35, 'D'}, {36, 39, 'E'},
		{41, 43, 'F'}, {45, 47, 'G'}, {49, 53, 'H'}, {55, 56, 'I'}, {58, 63, 'J'},
		{64, 66, 'K'}, {68, 68, 'L'}, {69, 75, 'M'}, {77, 82, 'N'}, {84, 84, 'O'},
		{85, 85, 'P'}, {86, 88, 'Q'}, {90, 93, 'R'}, {94, 96, 'S'}, {97, 98, 'T'},
		{99, 99, 'U'},
	};
	if (!kbli || kbli[0] < '0' || kbli[0] > '9' || kbli[1] < '0' || kbli[1] > '9')
		return 0;
	int d = (kbli[0] - '0') * 10 + (kbli[1] - '0');
	for (size_t i = 0; i < ARRAY_SIZE(div); i++)
		if (d >= div[i].lo && d <= div[i].hi)
			return div[i].section;
	return 0;
}

enum scale scale_by_workers(int64_t workers)
{
	if (workers <= 0)
		return SCALE_NONE;
	if (workers < 5)
		return SCALE_MICRO;
	if (workers < 20)
		return SCALE_SMALL;
	if (workers < 100)
		return SCALE_MEDIUM;
	return SCALE_LARGE;
}

jr_err lead_potential(const struct rates *rates, const struct sector_risk *sr,
		      const struct potential_in *in, struct potential *out, struct errbuf *eb)
{
	memset(out, 0, sizeof(*out));
	out->workers = in->employees < 0 ? 1 : in->employees;
	char sec = kbli_section(in->kbli);
	out->risk_group = sec && sr->group[sec - 'A'] ? sr->group[sec - 'A'] : 1;
	out->programs = programs_required_pu(scale_by_workers(out->workers));
	out->wage_sen = in->avg_wage_sen > in->umk_sen ? in->avg_wage_sen : in->umk_sen;
	if (out->workers == 0 || out->wage_sen <= 0) {
		out->wage_sen = out->wage_sen > 0 ? out->wage_sen : 0;
		return JR_EOK;
	}
	struct iuran_case c = {
		.segment = SEG_PU,
		.year = in->year,
		.month = in->month,
		.wage_sen = out->wage_sen,
		.risk_group = out->risk_group,
		.programs = out->programs,
		.employer_participants = out->workers > INT32_MAX ? INT32_MAX : (int)out->workers,
		.payer = PAYER_SELF,
	};
	if (in->kbli)
		snprintf(c.kbli, sizeof(c.kbli), "%s", in->kbli);
	struct iuran_result r;
	jr_err err = iuran_compute(rates, &c, &r, eb);
	if (err != JR_EOK)
		return err;
	out->per_worker_sen = r.total_sen;
	out->monthly_sen = r.total_sen * out->workers;
	return JR_EOK;
}
