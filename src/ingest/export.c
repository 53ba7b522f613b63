/* export.c - CSV export of employers and workers (see export.h). */
#include "compat.h"

#include "core/money.h"
#include "ingest/csvread.h"
#include "ingest/export.h"

struct export_ctx {
	FILE *out;
	size_t rows;
	bool failed;
};

static void put(struct export_ctx *x, const char *s, bool last)
{
	if (!csvout_field(x->out, s, strlen(s), ',') || fputc(last ? '\n' : ',', x->out) == EOF)
		x->failed = true;
}

static void put_header(struct export_ctx *x, const struct column_def *defs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(x, defs[i].name, i + 1 == n);
}

static jr_err put_employer(void *ctx, const struct employer *e)
{
	struct export_ctx *x = ctx;
	char risk[4] = "";
	if (e->risk_group)
		snprintf(risk, sizeof(risk), "%d", e->risk_group);
	const char *v[EC_COUNT] = {
		[EC_NPP] = e->npp, [EC_NAME] = e->name, [EC_NIB] = e->nib, [EC_NPWP] = e->npwp,
		[EC_KBLI] = e->kbli, [EC_REGION] = e->region_code, [EC_ADDRESS] = e->address,
		[EC_SCALE] = scale_name(e->scale), [EC_RISK] = risk,
		[EC_KIND] = employer_kind_name(e->kind),
	};
	for (size_t i = 0; i < EC_COUNT; i++)
		put(x, v[i], i + 1 == EC_COUNT);
	x->rows++;
	return x->failed ? JR_EIO : JR_EOK;
}

static jr_err put_worker(void *ctx, const struct store_worker *w)
{
	struct export_ctx *x = ctx;
	char nik[NIK_DIGITS + 1], birth[DATE_ISO_SIZE] = "", sex[2] = {w->person->sex, 0};
	char wage[MONEY_FMT_SIZE], programs[40], start[DATE_ISO_SIZE], end[DATE_ISO_SIZE] = "";
	nik_from_int(w->person->nik, nik);
	if (w->person->has_birth_date)
		date_format_iso(w->person->birth_date, birth);
	money_format_plain(w->membership->wage_sen, wage);
	programs_format(w->membership->programs, programs, sizeof(programs));
	date_format_iso(w->membership->start, start);
	if (w->membership->has_end)
		date_format_iso(w->membership->end, end);
	const char *v[WC_COUNT] = {
		[WC_NIK] = nik, [WC_NAME] = w->person->name, [WC_BIRTH] = birth, [WC_SEX] = sex,
		[WC_KPJ] = w->membership->kpj, [WC_NPP] = w->employer_npp,
		[WC_SEGMENT] = segment_name(w->membership->segment), [WC_WAGE] = wage,
		[WC_PROGRAMS] = programs, [WC_START] = start, [WC_END] = end,
		[WC_OCCUPATION] = w->membership->occupation, [WC_REGION] = w->person->region_code,
		[WC_PHONE] = w->person->phone,
	};
	for (size_t i = 0; i < WC_COUNT; i++)
		put(x, v[i], i + 1 == WC_COUNT);
	x->rows++;
	return x->failed ? JR_EIO : JR_EOK;
}

jr_err export_csv(struct store *s, enum import_kind kind, FILE *out, size_t *rows,
		  struct errbuf *eb)
{
	struct export_ctx x = {out, 0, false};
	jr_err err;
	if (kind == IMPORT_EMPLOYERS) {
		put_header(&x, employer_columns, EC_COUNT);
		err = store_employers_each(s, put_employer, &x, eb);
	} else {
		put_header(&x, worker_columns, WC_COUNT);
		err = store_workers_each(s, put_worker, &x, eb);
	}
	if (err == JR_EOK && (x.failed || fflush(out) != 0))
		err = JR_EIO;
	if (err == JR_EIO)
		errbuf_set(eb, JR_EIO, "gagal menulis keluaran: %s", strerror(errno));
	*rows = x.rows;
	return err;
}
