/* licences.c - the licensing import (see licences.h). */
#include "compat.h"

#include "ingest/csvread.h"
#include "ingest/issues.h"
#include "core/money.h"
#include "ingest/licences.h"
#include "ingest/rows.h"
#include "match/norm.h"
#include "store/licensing.h"

enum licence_col {
	LC_NIB, LC_NAME, LC_LEGAL_FORM, LC_ADDRESS, LC_REGION, LC_KBLI, LC_EMPLOYEES, LC_WAGE,
	LC_LICENSED_ON, LC_NPWP, LC_COUNT
};

/* The columns of docs/formats.md "Licensing". */
static const struct column_def licence_columns[LC_COUNT] = {
	[LC_NIB] = {"nib", "nomor_induk_berusaha|no_nib|nomor_nib", true},
	[LC_NAME] = {"name", "nama|nama_usaha|nama_perusahaan|nama_pelaku_usaha|nama_badan_usaha", true},
	[LC_LEGAL_FORM] = {"legal_form", "bentuk_usaha|bentuk_badan_usaha|badan_hukum|"
					 "jenis_badan_usaha|status_badan_hukum", false},
	[LC_ADDRESS] = {"address", "alamat|alamat_usaha|alamat_perusahaan", false},
	[LC_REGION] = {"region_code", "kode_wilayah|wilayah|kode_kecamatan|kode_desa", false},
	[LC_KBLI] = {"kbli", "kode_kbli|kbli_2020", false},
	[LC_EMPLOYEES] = {"employees", "jumlah_tenaga_kerja|tenaga_kerja|jumlah_pekerja|"
				       "jumlah_karyawan|jml_tenaga_kerja|jumlah_tk", false},
	[LC_WAGE] = {"avg_wage", "rata_rata_upah|upah_rata_rata|rata2_upah|rerata_upah|"
				"average_wage", false},
	[LC_LICENSED_ON] = {"licensed_on", "tanggal_izin|tgl_izin|tanggal_terbit|tgl_terbit|"
					   "tanggal_nib|tanggal_terbit_nib|licence_date", true},
	[LC_NPWP] = {"npwp", "no_npwp|nomor_npwp|npwp_perusahaan", false},
};

/* Forms a licensing office writes for a business without a legal entity. */
static bool individual_form(const char *s, size_t len)
{
	return text_ieq(s, len, "perorangan") || text_ieq(s, len, "perseorangan") ||
	       text_ieq(s, len, "orang perseorangan") || text_ieq(s, len, "individu") ||
	       text_ieq(s, len, "usaha perorangan");
}

#define LICENCE_EMPLOYEES_MAX 1000000

/*
 * Validates a licensing row into *l; false (issues reported) when rejected.
 * The legal form comes from its column, else from the name ("PT. Batik
 * Jaya"); an average wage below the regency's UMK of the licence year is a
 * warning.
 */
static bool row_licence(const struct row_ctx *c, const struct csvrecord *rec, struct licence *l)
{
	struct row_reader r = {c, rec, licence_columns, false};
	struct errbuf eb;
	size_t len;
	const char *s;

	memset(l, 0, sizeof(*l));
	l->employees = -1;
	l->avg_wage_sen = -1;
	row_whole_checks(&r);
	s = row_value(&r, LC_NIB, &len);
	if (len == 0)
		row_issue(&r, LC_NIB, false, "wajib diisi");
	else if (nib_check(s, len, l->nib, &eb) != JR_EOK)
		row_issue(&r, LC_NIB, false, "%s", eb.msg);
	row_text(&r, LC_NAME, true, l->name, sizeof(l->name));

	if ((s = row_value(&r, LC_LEGAL_FORM, &len)), len) {
		enum legal_form f = legal_form_parse(s, len);
		if (f)
			snprintf(l->legal_form, sizeof(l->legal_form), "%s", legal_form_name(f));
		else if (individual_form(s, len))
			snprintf(l->legal_form, sizeof(l->legal_form), "perorangan");
		else
			row_issue(&r, LC_LEGAL_FORM, true, "bentuk usaha tidak dikenal (PT, CV, UD, PD, "
				"Firma, Koperasi, Yayasan, Perum, Perorangan); diabaikan");
	} else if (l->name[0]) {
		struct match_name nm;
		match_normalise(l->name, strlen(l->name), &nm);
		snprintf(l->legal_form, sizeof(l->legal_form), "%s", legal_form_name(nm.form));
	}
	row_text(&r, LC_ADDRESS, false, l->address, sizeof(l->address));
	row_region(&r, LC_REGION, l->region_code);
	if ((s = row_value(&r, LC_KBLI, &len)), len) {
		if (kbli_check(s, len, l->kbli, &eb) != JR_EOK)
			row_issue(&r, LC_KBLI, false, "%s", eb.msg);
		else if (!refdata_kbli_known(c->ref, l->kbli))
			row_issue(&r, LC_KBLI, true, "kode %s tidak ada di KBLI 2020", l->kbli);
	}
	if (row_count(&r, LC_EMPLOYEES, false, &l->employees) &&
	    l->employees > LICENCE_EMPLOYEES_MAX)
		row_issue(&r, LC_EMPLOYEES, false, "jumlah tenaga kerja lebih dari %d",
			  LICENCE_EMPLOYEES_MAX);
	if (l->employees < 0)
		l->employees = -1;
	if ((s = row_value(&r, LC_WAGE, &len)), len) {
		if (money_parse(s, len, &l->avg_wage_sen, &eb) != JR_EOK) {
			row_issue(&r, LC_WAGE, false, "%s", eb.msg);
			l->avg_wage_sen = -1;
		} else if (l->avg_wage_sen < 0) {
			row_issue(&r, LC_WAGE, false, "tidak boleh negatif");
		}
	}
	bool dated = row_date(&r, LC_LICENSED_ON, true, &l->licensed_on);
	if (dated && date_cmp(l->licensed_on, c->today) > 0)
		row_issue(&r, LC_LICENSED_ON, false, "tanggal izin di masa depan");
	if ((s = row_value(&r, LC_NPWP, &len)), len && npwp_check(s, len, l->npwp, &eb) != JR_EOK)
		row_issue(&r, LC_NPWP, false, "%s", eb.msg);

	/* PP 36/2021: wages are at least the regency's minimum; the licence says otherwise. */
	int64_t umk;
	char regency[REGION_CODE_SIZE];
	if (!r.rejected && dated && l->avg_wage_sen > 0 && strlen(l->region_code) >= 5) {
		memcpy(regency, l->region_code, 5);
		regency[5] = '\0';
		/* The latest decree not after the licence year (a year's UMK is set late). */
		int year = l->licensed_on.year;
		while (year > l->licensed_on.year - 3 && !refdata_umk(c->ref, regency, year, &umk))
			year--;
		if (year > l->licensed_on.year - 3 && l->avg_wage_sen < umk) {
			char a[MONEY_FMT_SIZE], b[MONEY_FMT_SIZE];
			money_format_rp(l->avg_wage_sen, a);
			money_format_rp(umk, b);
			row_issue(&r, LC_WAGE, true, "rata-rata upah %s di bawah UMK %d (%s)", a, year,
			      b);
		}
	}
	return !r.rejected;
}

bool licensing_kind_parse(const char *s)
{
	return !strcmp(s, "licensing") || !strcmp(s, "licences") || !strcmp(s, "licenses") ||
	       !strcmp(s, "perizinan") || !strcmp(s, "izin") || !strcmp(s, "izin_usaha");
}

static void hold(void *ctx, const struct row_issue *is)
{
	issue_list_hold(ctx, is);
}

static bool stage_licence(void *ctx, const struct csvrecord *rec, void *slot)
{
	return row_licence(ctx, rec, slot);
}

jr_err licensing_import(struct store *s, const struct refdata *ref, const struct import_opts *o,
			struct import_result *res, struct errbuf *eb)
{
	struct csvreader *r = NULL;
	struct column_map map;
	struct licence *rows = NULL;
	enum store_upsert *did = NULL;
	size_t nrows = 0;
	struct issue_list issues = {0};
	jr_err err;

	memset(res, 0, sizeof(*res));
	if ((err = import_open(o, licence_columns, LC_COUNT, &r, &map, res, eb)) != JR_EOK)
		goto out;

	/* A licensing list is a month of a regency's licences: check it whole
	 * first, then write it in one statement loop. */
	struct row_ctx rc = {.ref = ref, .today = o->today, .map = &map, .on_issue = hold,
			     .issue_ctx = &issues};
	void *staged = NULL;
	err = import_stage(r, sizeof(*rows), &staged, &nrows, res, stage_licence, &rc, eb);
	rows = staged;
	if (err != JR_EOK)
		goto out;
	if (nrows && !(did = calloc(nrows, sizeof(*did)))) {
		err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk impor");
		goto out;
	}

	struct store_batch batch = {.kind = "licensing",
				    .file_name = o->display_name ? o->display_name : o->path};
	if ((err = store_begin(s, eb)) != JR_EOK)
		goto out;
	err = store_batch_add(s, &batch, eb);
	if (err == JR_EOK && nrows)
		err = store_licences_upsert(s, rows, nrows, batch.id, did, eb);
	for (size_t i = 0; err == JR_EOK && i < nrows; i++) {
		res->accepted++;
		if (did[i] == STORE_INSERTED)
			res->inserted++;
		else if (did[i] == STORE_UPDATED)
			res->updated++;
		else
			res->unchanged++;
	}
	if (err == JR_EOK && issues.nomem)
		err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk laporan baris");
	err = import_finish(s, o, &batch, res, err, eb);
out:
	/* Issues reach the caller only when the import went through. */
	if (err == JR_EOK)
		issue_list_flush(&issues, o->on_issue, o->issue_ctx, &res->warnings);
	issue_list_free(&issues);
	free(did);
	free(rows);
	csvreader_free(r);
	return err;
}
