/*
 * import.c - the procurement and projects imports (see construction.h).
 * Both files are small (a regency's tenders, a branch's projects): rows are
 * checked first, then written in one transaction, like payments.
 */
#include "compat.h"

#include "construction/construction.h"
#include "core/money.h"
#include "ingest/csvread.h"
#include "ingest/issues.h"

bool sirup_kind_parse(const char *s)
{
	return !strcmp(s, "sirup") || !strcmp(s, "pengadaan") || !strcmp(s, "procurement");
}

bool projects_kind_parse(const char *s)
{
	return !strcmp(s, "projects") || !strcmp(s, "proyek");
}

static void hold(void *ctx, const struct row_issue *is)
{
	issue_list_hold(ctx, is);
}

static jr_err nomem(struct errbuf *eb)
{
	return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk impor");
}

/* ---- procurement ---- */

struct pkg_list {
	struct sirup_package *v;
	size_t n, cap;
};

static int cmp_kd_rup(const void *a, const void *b)
{
	const struct sirup_package *x = a, *y = b;
	int c = strcmp(x->kd_rup, y->kd_rup);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

jr_err sirup_import(struct store *s, const struct rates *rt, const struct import_opts *o,
		    struct import_result *res, struct sirup_import_extra *extra,
		    struct errbuf *eb)
{
	struct csvreader *r = NULL;
	struct csvrecord rec;
	struct column_map map;
	struct pkg_list l = {0};
	struct issue_list issues = {0};
	jr_err err;

	memset(res, 0, sizeof(*res));
	memset(extra, 0, sizeof(*extra));
	err = import_open(o, sirup_columns, SC_COUNT, &r, &map, res, eb);
	if (err != JR_EOK)
		goto out;
	struct sirup_ctx c = {.map = &map, .on_issue = hold, .issue_ctx = &issues};
	for (;;) {
		err = csvreader_next(r, &rec, eb);
		if (err == JR_EEOF) {
			err = JR_EOK;
			break;
		}
		if (err != JR_EOK)
			goto out;
		if (row_is_blank(&rec))
			continue;
		res->rows++;
		if (l.n == l.cap) {
			size_t ncap = l.cap ? l.cap * 2 : 128;
			struct sirup_package *nv = realloc(l.v, ncap * sizeof(*nv));
			if (!nv) {
				err = nomem(eb);
				goto out;
			}
			l.v = nv;
			l.cap = ncap;
		}
		struct sirup_package *p = &l.v[l.n];
		if (!sirup_row(&c, &rec, p)) {
			res->rejected++;
			continue;
		}
		if (!p->construction) {
			extra->other_kinds++;
			res->accepted++;
			res->unchanged++;
			continue;
		}
		if ((err = sirup_price(rt, p, eb)) != JR_EOK) {
			/* A month the rate tables do not cover: the row, not the file. */
			struct row_issue is = {.line = p->line, .column = "tahun_anggaran",
					       .value = "", .reason = eb->msg};
			issue_list_hold(&issues, &is);
			res->rejected++;
			err = JR_EOK;
			continue;
		}
		l.n++;
	}
	/* One package per plan entry: later tenders replace earlier ones. */
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), cmp_kd_rup);
	size_t kept = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (kept && !strcmp(l.v[kept - 1].kd_rup, l.v[i].kd_rup)) {
			extra->superseded++;
			res->accepted++;
			res->unchanged++;
			if (sirup_supersedes(&l.v[kept - 1], &l.v[i]))
				l.v[kept - 1] = l.v[i];
			continue;
		}
		l.v[kept++] = l.v[i];
	}

	struct store_batch batch = {.kind = "sirup",
				    .file_name = o->display_name ? o->display_name : o->path};
	if ((err = store_begin(s, eb)) != JR_EOK)
		goto out;
	err = store_batch_add(s, &batch, eb);
	for (size_t i = 0; i < kept && err == JR_EOK; i++) {
		struct store_package old, pk = {.p = l.v[i]};
		bool found;
		err = store_procurement_package_find(s, pk.p.kd_rup, &old, &found, eb);
		if (err != JR_EOK)
			break;
		res->accepted++;
		if (pk.p.failed)
			extra->failed++;
		/* A failed tender does not replace a stored one that went ahead. */
		if (found && pk.p.failed && !old.p.failed) {
			res->unchanged++;
			continue;
		}
		if (found) {
			old.p.line = pk.p.line;
			if (!memcmp(&old.p, &pk.p, sizeof(pk.p))) {
				res->unchanged++;
				continue;
			}
		}
		err = store_procurement_package_put(s, &pk, batch.id, eb);
		if (found)
			res->updated++;
		else
			res->inserted++;
	}
	if (err == JR_EOK && issues.nomem)
		err = nomem(eb);
	err = import_finish(s, o, &batch, res, err, eb);
out:
	if (err == JR_EOK)
		issue_list_flush(&issues, o->on_issue, o->issue_ctx, &res->warnings);
	issue_list_free(&issues);
	free(l.v);
	csvreader_free(r);
	return err;
}

/* ---- projects ---- */

enum project_col { PJ_NPP, PJ_NAME, PJ_OWNER, PJ_VALUE, PJ_KD_RUP, PJ_START, PJ_END, PJ_REGION, PJ_COUNT };

static const struct column_def project_columns[PJ_COUNT] = {
	[PJ_NPP] = {"employer_npp", "npp|npp_kontraktor|npp_pemberi_kerja|contractor_npp", true},
	[PJ_NAME] = {"name", "nama|nama_proyek|nama_paket|project_name|proyek", true},
	[PJ_OWNER] = {"owner", "pemilik|pemilik_proyek|satker|nama_satker|pemberi_kerja_proyek", false},
	[PJ_VALUE] = {"contract_value", "nilai_kontrak|nilai|nilai_proyek|value", true},
	[PJ_KD_RUP] = {"kd_rup", "kode_rup|rup", false},
	[PJ_START] = {"start_date", "tanggal_mulai|tgl_mulai|mulai", true},
	[PJ_END] = {"end_date", "tanggal_selesai|tgl_selesai|selesai|tanggal_akhir", false},
	[PJ_REGION] = {"region_code", "kode_wilayah|wilayah|lokasi", false},
};

struct staged_project {
	size_t line;
	char npp[NPP_SIZE];
	struct store_project pr;
};

struct prow {
	const struct column_map *map;
	const struct csvrecord *rec;
	struct issue_list *issues;
	bool rejected;
};

static void preject(struct prow *r, size_t col, const char *reason)
{
	struct row_issue is = {.line = r->rec->line, .column = project_columns[col].name,
			       .reason = reason};
	is.value = columns_value(r->map, r->rec, col, &is.value_len);
	issue_list_hold(r->issues, &is);
	r->rejected = true;
}

static const char *pval(struct prow *r, size_t col, size_t *len)
{
	const char *v = columns_value(r->map, r->rec, col, len);
	text_trim(&v, len);
	return v;
}

static void ptext(struct prow *r, size_t col, bool required, char *dst, size_t size)
{
	size_t len;
	const char *v = pval(r, col, &len);
	dst[0] = '\0';
	if (!len) {
		if (required)
			preject(r, col, "wajib diisi");
		return;
	}
	if (len >= size) {
		preject(r, col, "terlalu panjang");
		return;
	}
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f) {
			preject(r, col, "mengandung karakter kendali");
			return;
		}
	memcpy(dst, v, len);
	dst[len] = '\0';
}

static bool project_row(struct prow *r, const struct refdata *ref, struct staged_project *sp)
{
	struct errbuf eb;
	size_t len;
	const char *v;
	bool warn;
	memset(sp, 0, sizeof(*sp));
	sp->line = r->rec->line;
	r->rejected = false;
	if (r->rec->truncated) {
		struct row_issue is = {.line = sp->line, .column = "", .value = "",
				       .reason = "baris terlalu panjang atau terlalu banyak kolom"};
		issue_list_hold(r->issues, &is);
		return false;
	}
	v = pval(r, PJ_NPP, &len);
	if (!len)
		preject(r, PJ_NPP, "wajib diisi");
	else if (npp_check(v, len, sp->npp, &warn, &eb) != JR_EOK)
		preject(r, PJ_NPP, eb.msg);
	ptext(r, PJ_NAME, true, sp->pr.name, sizeof(sp->pr.name));
	ptext(r, PJ_OWNER, false, sp->pr.owner, sizeof(sp->pr.owner));
	v = pval(r, PJ_VALUE, &len);
	if (!len)
		preject(r, PJ_VALUE, "wajib diisi");
	else if (sirup_money_parse(v, len, &sp->pr.value_sen, &eb) != JR_EOK)
		preject(r, PJ_VALUE, eb.msg);
	v = pval(r, PJ_KD_RUP, &len);
	if (len) {
		char codes[SIRUP_KD_RUP_SIZE];
		if (sirup_codes_parse(v, len, codes, &eb) != JR_EOK)
			preject(r, PJ_KD_RUP, eb.msg);
		else if (strchr(codes, ';'))
			preject(r, PJ_KD_RUP, "satu proyek satu kode RUP");
		else
			memcpy(sp->pr.kd_rup, codes, strlen(codes) + 1);
	}
	v = pval(r, PJ_START, &len);
	if (!len)
		preject(r, PJ_START, "wajib diisi");
	else if (date_parse(v, len, &sp->pr.start, &eb) != JR_EOK)
		preject(r, PJ_START, eb.msg);
	v = pval(r, PJ_END, &len);
	if (len) {
		if (date_parse(v, len, &sp->pr.end, &eb) != JR_EOK)
			preject(r, PJ_END, eb.msg);
		else if (!r->rejected && date_cmp(sp->pr.end, sp->pr.start) < 0)
			preject(r, PJ_END, "tanggal selesai sebelum tanggal mulai");
		else
			sp->pr.has_end = true;
	}
	v = pval(r, PJ_REGION, &len);
	if (len) {
		if (region_code_normalise(v, len, sp->pr.region_code, &eb) == REGION_NONE)
			preject(r, PJ_REGION, eb.msg);
		else if (!region_index_name(ref->regions, sp->pr.region_code))
			preject(r, PJ_REGION, "kode wilayah tidak dikenal");
	}
	return !r->rejected;
}

struct stage_ctx {
	const struct column_map *map;
	const struct refdata *ref;
	struct issue_list *issues;
};

static bool stage_project(void *ctx, const struct csvrecord *rec, void *slot)
{
	struct stage_ctx *c = ctx;
	struct prow pr = {.map = c->map, .rec = rec, .issues = c->issues};
	return project_row(&pr, c->ref, slot);
}

jr_err projects_import(struct store *s, const struct refdata *ref, const struct import_opts *o,
		       struct import_result *res, struct errbuf *eb)
{
	struct csvreader *r = NULL;
	struct column_map map;
	struct staged_project *rows = NULL;
	size_t n = 0;
	struct issue_list issues = {0};
	jr_err err;

	memset(res, 0, sizeof(*res));
	err = import_open(o, project_columns, PJ_COUNT, &r, &map, res, eb);
	if (err != JR_EOK)
		goto out;
	struct stage_ctx sc = {.map = &map, .ref = ref, .issues = &issues};
	void *staged = NULL;
	err = import_stage(r, sizeof(*rows), &staged, &n, res, stage_project, &sc, eb);
	rows = staged;
	if (err != JR_EOK)
		goto out;

	struct store_batch batch = {.kind = "projects",
				    .file_name = o->display_name ? o->display_name : o->path};
	if ((err = store_begin(s, eb)) != JR_EOK)
		goto out;
	err = store_batch_add(s, &batch, eb);
	for (size_t i = 0; i < n && err == JR_EOK; i++) {
		struct staged_project *sp = &rows[i];
		int64_t id = 0;
		if ((err = store_procurement_contractor_id(s, sp->npp, &id, eb)) != JR_EOK)
			break;
		if (!id) {
			struct row_issue is = {.line = sp->line, .column = "employer_npp",
					       .value = sp->npp, .value_len = strlen(sp->npp),
					       .reason = "kontraktor belum terdaftar (NPP tidak dikenal)"};
			issue_list_hold(&issues, &is);
			res->rejected++;
			continue;
		}
		sp->pr.employer_id = id;
		enum store_upsert did;
		int64_t claimed;
		err = store_procurement_project_upsert(s, &sp->pr, batch.id, &did, eb);
		if (err == JR_EOK)
			err = store_procurement_project_claim(s, sp->pr.id, id, sp->pr.start,
							      sp->pr.has_end ? &sp->pr.end : NULL,
							      &claimed, eb);
		if (err != JR_EOK)
			break;
		res->accepted++;
		if (did == STORE_INSERTED)
			res->inserted++;
		else if (did == STORE_UPDATED || claimed)
			res->updated++;
		else
			res->unchanged++;
	}
	if (err == JR_EOK && issues.nomem)
		err = nomem(eb);
	err = import_finish(s, o, &batch, res, err, eb);
out:
	if (err == JR_EOK)
		issue_list_flush(&issues, o->on_issue, o->issue_ctx, &res->warnings);
	issue_list_free(&issues);
	free(rows);
	csvreader_free(r);
	return err;
}
