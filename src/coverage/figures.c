/*
 * figures.c - workforce and targets from CSV files (columns in
 * docs/formats.md), through the row-at-a-time table import.
 */
#include "compat.h"

#include "coverage/figures.h"
#include "ingest/tables.h"
#include "store/coverage.h"

enum { WF_REGION, WF_YEAR, WF_SECTOR, WF_SEGMENT, WF_WORKERS, WF_SOURCE, WF_COUNT };
static const struct column_def workforce_columns[WF_COUNT] = {
	[WF_REGION] = {"region_code", "kode_wilayah|wilayah", true},
	[WF_YEAR] = {"year", "tahun", true},
	[WF_SECTOR] = {"sector", "sektor|kategori_kbli|lapangan_usaha", true},
	[WF_SEGMENT] = {"segment", "segmen", true},
	[WF_WORKERS] = {"workers", "pekerja|jumlah_pekerja|angkatan_kerja|tenaga_kerja|jumlah", true},
	[WF_SOURCE] = {"source", "sumber", false},
};

enum { TG_REGION, TG_YEAR, TG_SEGMENT, TG_TARGET, TG_SOURCE, TG_COUNT };
static const struct column_def target_columns[TG_COUNT] = {
	[TG_REGION] = {"region_code", "kode_wilayah|wilayah", true},
	[TG_YEAR] = {"year", "tahun", true},
	[TG_SEGMENT] = {"segment", "segmen", true},
	[TG_TARGET] = {"target", "target_peserta|sasaran", true},
	[TG_SOURCE] = {"source", "sumber", false},
};

/* A region that figures may name: a regency/city or a district. */
static void figure_region(struct row_reader *r, size_t col, char out[static REGION_CODE_SIZE])
{
	row_region(r, col, out);
	size_t n = strlen(out);
	if (n && n != 5 && n != 8) {
		row_issue(r, col, false, "angkatan kerja dan target per kabupaten/kota (33.75) atau "
			  "kecamatan (33.75.01)");
		out[0] = '\0';
	}
}

static int year_col(struct row_reader *r, size_t col)
{
	int64_t y;
	if (!row_count(r, col, true, &y))
		return 0;
	if (y < 1990 || y > 2100) {
		row_issue(r, col, false, "tahun harus antara 1990 dan 2100");
		return 0;
	}
	return (int)y;
}

/* "ALL"/"semua" gives SEG_NONE; *ok false (reported) when unknown. */
static enum segment segment_col(struct row_reader *r, size_t col)
{
	size_t len;
	const char *v = row_value(r, col, &len);
	if (!len) {
		row_issue(r, col, false, "wajib diisi (PU, BPU, JAKON, PMI atau ALL)");
		return SEG_NONE;
	}
	if (text_ieq(v, len, "ALL") || text_ieq(v, len, "semua"))
		return SEG_NONE;
	enum segment s = segment_parse(v, len);
	if (!s)
		row_issue(r, col, false, "segmen harus PU, BPU, JAKON, PMI atau ALL");
	return s;
}

static jr_err workforce_row(void *ctx, struct store *s, struct row_reader *r, int64_t batch_id,
			    enum store_upsert *did, struct errbuf *eb)
{
	(void)ctx;
	struct store_workforce w = {0};
	size_t len;
	figure_region(r, WF_REGION, w.region_code);
	w.year = year_col(r, WF_YEAR);
	const char *v = row_value(r, WF_SECTOR, &len);
	if (!len)
		row_issue(r, WF_SECTOR, false, "wajib diisi (huruf kategori KBLI A-U atau ALL)");
	else if (text_ieq(v, len, "ALL") || text_ieq(v, len, "semua"))
		snprintf(w.sector, sizeof(w.sector), "ALL");
	else if (len == 1 && ((v[0] >= 'A' && v[0] <= 'U') || (v[0] >= 'a' && v[0] <= 'u')))
		w.sector[0] = (char)(v[0] >= 'a' ? v[0] - 'a' + 'A' : v[0]);
	else
		row_issue(r, WF_SECTOR, false, "sektor harus huruf kategori KBLI A-U atau ALL");
	w.segment = segment_col(r, WF_SEGMENT);
	row_count(r, WF_WORKERS, true, &w.workers);
	row_text(r, WF_SOURCE, false, w.source, sizeof(w.source));
	if (r->rejected)
		return JR_EOK;
	return store_workforce_put(s, &w, batch_id, did, eb);
}

static jr_err target_row(void *ctx, struct store *s, struct row_reader *r, int64_t batch_id,
			 enum store_upsert *did, struct errbuf *eb)
{
	(void)ctx;
	struct store_target t = {0};
	figure_region(r, TG_REGION, t.region_code);
	t.year = year_col(r, TG_YEAR);
	t.segment = segment_col(r, TG_SEGMENT);
	row_count(r, TG_TARGET, true, &t.target);
	row_text(r, TG_SOURCE, false, t.source, sizeof(t.source));
	if (r->rejected)
		return JR_EOK;
	return store_target_put(s, &t, batch_id, did, eb);
}

const char *figures_import_kind(const char *s)
{
	size_t len = strlen(s);
	if (text_ieq(s, len, "workforce") || text_ieq(s, len, "angkatan_kerja"))
		return "workforce";
	if (text_ieq(s, len, "targets") || text_ieq(s, len, "target"))
		return "targets";
	return NULL;
}

jr_err figures_import(struct store *s, const struct refdata *ref, const char *kind,
		      const struct import_opts *o, struct import_result *res, struct errbuf *eb)
{
	struct table_kind k = !strcmp(kind, "workforce")
		? (struct table_kind){"workforce", workforce_columns, WF_COUNT, workforce_row, NULL}
		: (struct table_kind){"targets", target_columns, TG_COUNT, target_row, NULL};
	return table_import(s, ref, &k, o, res, eb);
}
