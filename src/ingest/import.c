/* import.c - the import service (see import.h). */
#include "compat.h"

#include "ingest/csvread.h"
#include "ingest/import.h"

enum import_kind import_kind_parse(const char *s)
{
	if (!strcmp(s, "employers") || !strcmp(s, "pemberi_kerja") || !strcmp(s, "pemberi-kerja"))
		return IMPORT_EMPLOYERS;
	if (!strcmp(s, "workers") || !strcmp(s, "tenaga_kerja") || !strcmp(s, "tenaga-kerja") ||
	    !strcmp(s, "peserta"))
		return IMPORT_WORKERS;
	return 0;
}

const char *import_kind_name(enum import_kind k)
{
	return k == IMPORT_EMPLOYERS ? "employers" : k == IMPORT_WORKERS ? "workers" : "";
}

/*
 * Employers by NPP, loaded once per worker import: a million rows must not
 * cost a million queries.  Open addressing, power-of-two size, FNV-1a.
 */
struct npp_slot {
	char npp[NPP_SIZE];
	struct employer_ref ref;
};

struct npp_map {
	struct npp_slot *slot;
	size_t cap, n;
};

static uint64_t npp_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static bool npp_map_put(struct npp_map *m, const char *npp, struct employer_ref ref)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 1024;
		struct npp_slot *ns = calloc(ncap, sizeof(*ns));
		if (!ns)
			return false;
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slot[i].npp[0])
				continue;
			size_t j = npp_hash(m->slot[i].npp) & (ncap - 1);
			while (ns[j].npp[0])
				j = (j + 1) & (ncap - 1);
			ns[j] = m->slot[i];
		}
		free(m->slot);
		m->slot = ns;
		m->cap = ncap;
	}
	size_t j = npp_hash(npp) & (m->cap - 1);
	while (m->slot[j].npp[0] && strcmp(m->slot[j].npp, npp))
		j = (j + 1) & (m->cap - 1);
	if (!m->slot[j].npp[0]) {
		snprintf(m->slot[j].npp, sizeof(m->slot[j].npp), "%s", npp);
		m->n++;
	}
	m->slot[j].ref = ref;
	return true;
}

static bool npp_map_find(void *ctx, const char *npp, struct employer_ref *out)
{
	const struct npp_map *m = ctx;
	if (!m->cap)
		return false;
	size_t j = npp_hash(npp) & (m->cap - 1);
	while (m->slot[j].npp[0]) {
		if (!strcmp(m->slot[j].npp, npp)) {
			*out = m->slot[j].ref;
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return false;
}

static jr_err npp_map_add(void *ctx, const struct employer *e)
{
	struct employer_ref ref = {e->id, e->scale};
	return npp_map_put(ctx, e->npp, ref) ? JR_EOK : JR_ENOMEM;
}

/* Counts issues on their way to the caller. */
struct issue_counter {
	const struct import_opts *o;
	size_t warnings;
};

static void count_issue(void *ctx, const struct row_issue *is)
{
	struct issue_counter *ic = ctx;
	if (is->warning)
		ic->warnings++;
	if (ic->o->on_issue)
		ic->o->on_issue(ic->o->issue_ctx, is);
}

static void tally(struct import_result *res, enum store_upsert did)
{
	if (did == STORE_INSERTED)
		res->inserted++;
	else if (did == STORE_UPDATED)
		res->updated++;
	else
		res->unchanged++;
}

/* Writes one validated row; a database refusal (e.g. a KPJ held by someone
 * else) rejects that row only. */
static jr_err write_row(struct store *s, const struct import_opts *o, struct row_ctx *rc,
			const struct csvrecord *rec, int64_t batch, struct import_result *res,
			struct errbuf *eb)
{
	enum store_upsert did = STORE_UNCHANGED, pdid = STORE_UNCHANGED;
	struct employer e;
	struct person p;
	struct membership m;
	struct errbuf rowerr;
	jr_err err;
	bool ok = o->kind == IMPORT_EMPLOYERS ? row_employer(rc, rec, &e)
					      : row_worker(rc, rec, &p, &m);
	if (!ok) {
		res->rejected++;
		return JR_EOK;
	}
	if ((err = store_row_begin(s, eb)) != JR_EOK)
		return err;
	if (o->kind == IMPORT_EMPLOYERS) {
		err = store_employer_upsert(s, &e, batch, &did, &rowerr);
	} else {
		err = store_person_upsert(s, &p, &pdid, &rowerr);
		if (err == JR_EOK)
			err = store_membership_upsert(s, &m, batch, &did, &rowerr);
		/* A changed person makes the row an update even if its membership is not. */
		if (err == JR_EOK && did == STORE_UNCHANGED && pdid != STORE_UNCHANGED)
			did = STORE_UPDATED;
	}
	if (err == JR_ECONFLICT) {
		struct row_issue is = {.line = rec->line, .column = o->kind == IMPORT_WORKERS ? "kpj" : "",
				       .value = "", .reason = rowerr.msg};
		rc->on_issue(rc->issue_ctx, &is);
		res->rejected++;
		return store_row_end(s, false, eb);
	}
	if (err != JR_EOK) {
		errbuf_set(eb, err, "baris %zu: %s", rec->line, rowerr.msg);
		return err;
	}
	res->accepted++;
	tally(res, did);
	return store_row_end(s, true, eb);
}

static jr_err run_rows(struct store *s, const struct import_opts *o, struct csvreader *r,
		       struct row_ctx *rc, int64_t batch, struct import_result *res,
		       struct errbuf *eb)
{
	struct csvrecord rec;
	jr_err err;
	while ((err = csvreader_next(r, &rec, eb)) == JR_EOK) {
		if (row_is_blank(&rec))
			continue;
		res->rows++;
		err = write_row(s, o, rc, &rec, batch, res, eb);
		if (err != JR_EOK)
			return err;
		if (o->on_progress && res->rows % 50000 == 0)
			o->on_progress(o->progress_ctx, res->rows, csvreader_offset(r),
				       csvreader_size(r));
	}
	return err == JR_EEOF ? JR_EOK : err;
}

jr_err import_run(struct store *s, const struct refdata *ref, const struct import_opts *o,
		  struct import_result *res, struct errbuf *eb)
{
	struct csvreader *r = NULL;
	struct csvrecord header;
	struct column_map map;
	struct npp_map employers = {0};
	struct issue_counter counter = {o, 0};
	jr_err err;

	memset(res, 0, sizeof(*res));
	if ((err = csvreader_open(o->path, &r, eb)) != JR_EOK)
		return err;
	err = csvreader_next(r, &header, eb);
	if (err == JR_EEOF)
		err = errbuf_set(eb, JR_EPARSE, "berkas tidak berisi baris judul");
	if (err == JR_EOK)
		err = o->kind == IMPORT_EMPLOYERS
			      ? columns_map(employer_columns, EC_COUNT, &header, &map, eb)
			      : columns_map(worker_columns, WC_COUNT, &header, &map, eb);
	if (err != JR_EOK) {
		csvreader_free(r);
		return err;
	}
	res->unknown_columns = map.nunknown;
	memcpy(res->unknown, map.unknown, sizeof(res->unknown));

	struct row_ctx rc = {
		.ref = ref, .today = o->today, .map = &map,
		.on_issue = count_issue, .issue_ctx = &counter,
		.employer_find = npp_map_find, .employer_ctx = &employers,
	};
	struct store_batch batch = {
		.kind = import_kind_name(o->kind),
		.file_name = o->display_name ? o->display_name : o->path,
	};
	err = store_begin(s, eb);
	if (err != JR_EOK)
		goto out;
	store_bulk_mode(s, true);
	if (o->kind == IMPORT_WORKERS)
		err = store_employers_each(s, npp_map_add, &employers, eb);
	if (err == JR_EOK)
		err = store_batch_add(s, &batch, eb);
	if (err == JR_EOK)
		err = run_rows(s, o, r, &rc, batch.id, res, eb);
	if (err == JR_EOK) {
		batch.rows_total = (int64_t)res->rows;
		batch.rows_ok = (int64_t)res->accepted;
		batch.rows_rejected = (int64_t)res->rejected;
		batch.inserted = (int64_t)res->inserted;
		batch.updated = (int64_t)res->updated;
		err = store_batch_finish(s, &batch, eb);
	}
	if (err == JR_EOK && !o->dry_run)
		err = store_commit(s, eb);
	else
		store_rollback(s);
	store_bulk_mode(s, false);
	res->batch_id = (err == JR_EOK && !o->dry_run) ? batch.id : 0;
	res->warnings = counter.warnings;
out:
	free(employers.slot);
	csvreader_free(r);
	return err;
}
