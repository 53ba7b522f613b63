/* import.c - the import service (see import.h). */
#include "compat.h"

#include <pthread.h>

#include "ingest/csvread.h"
#include "ingest/import.h"
#include "ingest/issues.h"
#include "store/coverage.h"

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

/* rows.c reports through a callback; the validator points it at its batch. */
static void hold_issue(void *ctx, const struct row_issue *is)
{
	issue_list_hold(ctx, is);
}

/*
 * The pipeline.  A validator thread reads the file and checks every row
 * (CPU work that needs no database); the calling thread writes the good rows.
 * Rows travel in batches: each batch is sorted by its natural key before it
 * is written, so consecutive upserts touch neighbouring b-tree pages, and is
 * written in that order.
 */
#define BATCH_ROWS 4096
#define NBATCHES 4

struct staged {
	size_t line;
	union {
		struct employer e;
		struct {
			struct person p;
			struct membership m;
		} w;
	} u;
};

struct batch {
	struct staged *row;
	size_t n;        /* rows that passed validation */
	size_t read;     /* data rows read (blank rows not counted) */
	size_t rejected; /* rows refused by validation */
	size_t offset, size;
	bool last;
	jr_err err;
	struct errbuf eb;
	struct issue_list issues; /* held until the batch is written */
};

struct pipeline {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch *free_q[NBATCHES], *full_q[NBATCHES];
	size_t nfree, nfull_head, nfull;
	bool stop, producer_done;
	/* the validator's inputs */
	const struct import_opts *o;
	struct csvreader *reader;
	const struct row_ctx *rc;
};

static struct batch *take_free(struct pipeline *pl)
{
	struct batch *b = NULL;
	pthread_mutex_lock(&pl->mu);
	while (!pl->stop && pl->nfree == 0)
		pthread_cond_wait(&pl->cv, &pl->mu);
	if (!pl->stop)
		b = pl->free_q[--pl->nfree];
	pthread_mutex_unlock(&pl->mu);
	return b;
}

static void give_free(struct pipeline *pl, struct batch *b)
{
	pthread_mutex_lock(&pl->mu);
	pl->free_q[pl->nfree++] = b;
	pthread_cond_broadcast(&pl->cv);
	pthread_mutex_unlock(&pl->mu);
}

static void give_full(struct pipeline *pl, struct batch *b)
{
	pthread_mutex_lock(&pl->mu);
	pl->full_q[(pl->nfull_head + pl->nfull++) % NBATCHES] = b;
	pthread_cond_broadcast(&pl->cv);
	pthread_mutex_unlock(&pl->mu);
}

/* The next full batch in file order, or NULL once the validator has finished. */
static struct batch *take_full(struct pipeline *pl)
{
	struct batch *b = NULL;
	pthread_mutex_lock(&pl->mu);
	while (pl->nfull == 0 && !pl->producer_done)
		pthread_cond_wait(&pl->cv, &pl->mu);
	if (pl->nfull) {
		b = pl->full_q[pl->nfull_head];
		pl->nfull_head = (pl->nfull_head + 1) % NBATCHES;
		pl->nfull--;
	}
	pthread_mutex_unlock(&pl->mu);
	return b;
}

static void *validator(void *arg)
{
	struct pipeline *pl = arg;
	struct csvrecord rec;
	bool last = false;
	while (!last) {
		struct batch *b = take_free(pl);
		if (!b)
			break;
		b->n = b->read = b->rejected = 0;
		b->err = JR_EOK;
		b->last = false;
		struct row_ctx rc = *pl->rc;
		rc.on_issue = hold_issue;
		rc.issue_ctx = &b->issues;
		while (b->n < BATCH_ROWS) {
			jr_err err = csvreader_next(pl->reader, &rec, &b->eb);
			if (err != JR_EOK) {
				b->err = err == JR_EEOF ? JR_EOK : err;
				b->last = true;
				break;
			}
			if (row_is_blank(&rec))
				continue;
			b->read++;
			struct staged *st = &b->row[b->n];
			st->line = rec.line;
			bool ok = pl->o->kind == IMPORT_EMPLOYERS
					  ? row_employer(&rc, &rec, &st->u.e)
					  : row_worker(&rc, &rec, &st->u.w.p, &st->u.w.m);
			if (ok)
				b->n++;
			else
				b->rejected++;
		}
		b->offset = csvreader_offset(pl->reader);
		b->size = csvreader_size(pl->reader);
		last = b->last;
		give_full(pl, b);
	}
	pthread_mutex_lock(&pl->mu);
	pl->producer_done = true;
	pthread_cond_broadcast(&pl->cv);
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

static int cmp_employer_rows(const void *a, const void *b)
{
	const struct staged *x = a, *y = b;
	int c = strcmp(x->u.e.npp, y->u.e.npp);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* By NIK, then file order, so a key repeated in a file ends as its last row says. */
static int cmp_worker_rows(const void *a, const void *b)
{
	const struct staged *x = a, *y = b;
	if (x->u.w.p.nik != y->u.w.p.nik)
		return x->u.w.p.nik < y->u.w.p.nik ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

struct tally {
	size_t accepted, inserted, updated, unchanged, rejected;
};

static void tally_add(struct tally *t, enum store_upsert did)
{
	t->accepted++;
	if (did == STORE_INSERTED)
		t->inserted++;
	else if (did == STORE_UPDATED)
		t->updated++;
	else
		t->unchanged++;
}

static jr_err upsert_staged(struct store *s, enum import_kind kind, struct staged *st,
			    int64_t batch_id, enum store_upsert *did, struct errbuf *rowerr)
{
	enum store_upsert pdid = STORE_UNCHANGED;
	jr_err err;
	if (kind == IMPORT_EMPLOYERS)
		return store_employer_upsert(s, &st->u.e, batch_id, did, rowerr);
	err = store_person_upsert(s, &st->u.w.p, &pdid, rowerr);
	if (err == JR_EOK)
		err = store_membership_upsert(s, &st->u.w.m, batch_id, did, rowerr);
	/* A changed person makes the row an update even if its membership is not. */
	if (err == JR_EOK && *did == STORE_UNCHANGED && pdid != STORE_UNCHANGED)
		*did = STORE_UPDATED;
	return err;
}

/*
 * A KPJ names one membership.  A row whose KPJ is held by another membership
 * is refused before anything is written, so the database never has to undo a
 * row (SQLite savepoints per row or per batch cost more than the row itself).
 */
static jr_err kpj_free_for(struct store *s, const struct membership *m, bool *free_for_row,
			   char *why, size_t whysize, struct errbuf *eb)
{
	struct membership_key h;
	bool found;
	*free_for_row = true;
	if (!m->kpj[0])
		return JR_EOK;
	jr_err err = store_kpj_holder(s, m->kpj, &h, &found, eb);
	if (err != JR_EOK || !found)
		return err;
	if (h.person_nik == m->person_nik && h.employer_id == m->employer_id &&
	    h.segment == m->segment && date_cmp(h.start, m->start) == 0)
		return JR_EOK;
	char nik[NIK_DIGITS + 1], start[DATE_ISO_SIZE];
	nik_from_int(h.person_nik, nik);
	date_format_iso(h.start, start);
	snprintf(why, whysize, "KPJ %s sudah dipakai kepesertaan lain (NIK %s, %s, mulai %s)",
		 m->kpj, nik, segment_name(h.segment), start);
	*free_for_row = false;
	return JR_EOK;
}

static jr_err write_batch(struct store *s, const struct import_opts *o, struct batch *b, int64_t batch_id, struct import_result *res,
			  struct errbuf *eb)
{
	struct tally t = {0};
	jr_err err;
	qsort(b->row, b->n, sizeof(*b->row),
	      o->kind == IMPORT_EMPLOYERS ? cmp_employer_rows : cmp_worker_rows);
	for (size_t i = 0; i < b->n; i++) {
		struct staged *st = &b->row[i];
		enum store_upsert did = STORE_UNCHANGED;
		struct errbuf rowerr;
		if (o->kind == IMPORT_WORKERS) {
			bool ok;
			char why[300];
			if ((err = kpj_free_for(s, &st->u.w.m, &ok, why, sizeof(why), eb)) != JR_EOK)
				return err;
			if (!ok) {
				struct row_issue is = {.line = st->line, .column = "kpj",
						       .value = st->u.w.m.kpj,
						       .value_len = strlen(st->u.w.m.kpj),
						       .reason = why};
				issue_list_hold(&b->issues, &is);
				t.rejected++;
				continue;
			}
		}
		err = upsert_staged(s, o->kind, st, batch_id, &did, &rowerr);
		if (err != JR_EOK)
			return errbuf_set(eb, err, "baris %zu: %s", st->line, rowerr.msg);
		tally_add(&t, did);
	}
	res->accepted += t.accepted;
	res->inserted += t.inserted;
	res->updated += t.updated;
	res->unchanged += t.unchanged;
	res->rejected += t.rejected;
	return JR_EOK;
}

/* Runs the validator thread and writes what it hands over, in file order. */
static jr_err run_rows(struct store *s, const struct import_opts *o, struct csvreader *r,
		       const struct row_ctx *rc, int64_t batch_id, struct import_result *res,
		       struct errbuf *eb)
{
	struct pipeline pl = {.o = o, .reader = r, .rc = rc};
	struct batch batches[NBATCHES];
	pthread_t thread;
	jr_err err = JR_EOK;
	size_t made = 0, next_progress = 50000;

	memset(batches, 0, sizeof(batches));
	for (; made < NBATCHES; made++) {
		batches[made].row = malloc(BATCH_ROWS * sizeof(struct staged));
		if (!batches[made].row)
			break;
		pl.free_q[pl.nfree++] = &batches[made];
	}
	if (made < NBATCHES) {
		err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk impor");
		goto out;
	}
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.cv, NULL);
	if (pthread_create(&thread, NULL, validator, &pl) != 0) {
		err = errbuf_set(eb, JR_ENOMEM, "tidak dapat memulai utas validasi");
		goto destroy;
	}
	for (;;) {
		struct batch *b = take_full(&pl);
		if (!b)
			break;
		bool last = b->last;
		if (err == JR_EOK && b->err != JR_EOK) {
			err = b->err;
			*eb = b->eb;
		}
		if (err == JR_EOK) {
			res->rows += b->read;
			res->rejected += b->rejected;
			err = write_batch(s, o, b, batch_id, res, eb);
			if (err == JR_EOK && b->issues.nomem)
				err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk laporan baris");
			if (err == JR_EOK)
				issue_list_flush(&b->issues, o->on_issue, o->issue_ctx, &res->warnings);
		}
		if (err == JR_EOK && o->on_progress && res->rows >= next_progress) {
			o->on_progress(o->progress_ctx, res->rows, b->offset, b->size);
			next_progress = res->rows + 50000;
		}
		if (err != JR_EOK) {
			/* Stop the validator; it will see no free batch and finish. */
			pthread_mutex_lock(&pl.mu);
			pl.stop = true;
			pthread_cond_broadcast(&pl.cv);
			pthread_mutex_unlock(&pl.mu);
		} else {
			give_free(&pl, b);
		}
		if (last)
			break;
	}
	pthread_join(thread, NULL);
destroy:
	pthread_cond_destroy(&pl.cv);
	pthread_mutex_destroy(&pl.mu);
out:
	for (size_t i = 0; i < made; i++) {
		issue_list_free(&batches[i].issues);
		free(batches[i].row);
	}
	return err;
}

jr_err import_open(const struct import_opts *o, const struct column_def *defs, size_t n,
		   struct csvreader **r, struct column_map *map, struct import_result *res,
		   struct errbuf *eb)
{
	struct csvrecord header;
	jr_err err = csvreader_open(o->path, r, eb);
	if (err != JR_EOK) {
		*r = NULL;
		return err;
	}
	err = csvreader_next(*r, &header, eb);
	if (err == JR_EEOF)
		err = errbuf_set(eb, JR_EPARSE, "berkas tidak berisi baris judul");
	if (err == JR_EOK)
		err = columns_map(defs, n, &header, map, eb);
	if (err != JR_EOK) {
		csvreader_free(*r);
		*r = NULL;
		return err;
	}
	res->unknown_columns = map->nunknown;
	memcpy(res->unknown, map->unknown, sizeof(res->unknown));
	return JR_EOK;
}

jr_err import_stage(struct csvreader *r, size_t elem, void **rows, size_t *n,
		    struct import_result *res,
		    bool (*check)(void *ctx, const struct csvrecord *rec, void *slot), void *ctx,
		    struct errbuf *eb)
{
	struct csvrecord rec;
	size_t cap = 0;
	*rows = NULL;
	*n = 0;
	for (;;) {
		jr_err err = csvreader_next(r, &rec, eb);
		if (err == JR_EEOF)
			return JR_EOK;
		if (err != JR_EOK)
			return err;
		if (row_is_blank(&rec))
			continue;
		res->rows++;
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			void *nr = realloc(*rows, ncap * elem);
			if (!nr)
				return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk impor");
			*rows = nr;
			cap = ncap;
		}
		if (check(ctx, &rec, (char *)*rows + *n * elem))
			(*n)++;
		else
			res->rejected++;
	}
}

jr_err import_finish(struct store *s, const struct import_opts *o, struct store_batch *batch,
		     struct import_result *res, jr_err err, struct errbuf *eb)
{
	res->batch_id = 0;
	if (err == JR_EOK) {
		batch->rows_total = (int64_t)res->rows;
		batch->rows_ok = (int64_t)res->accepted;
		batch->rows_rejected = (int64_t)res->rejected;
		batch->inserted = (int64_t)res->inserted;
		batch->updated = (int64_t)res->updated;
		err = store_batch_finish(s, batch, eb);
	}
	if (err == JR_EOK && !o->dry_run) {
		err = store_commit(s, eb);
		if (err == JR_EOK)
			res->batch_id = batch->id;
	} else {
		store_rollback(s);
	}
	return err;
}

jr_err import_run(struct store *s, const struct refdata *ref, const struct import_opts *o,
		  struct import_result *res, struct errbuf *eb)
{
	struct csvreader *r = NULL;
	struct column_map map;
	struct npp_map employers = {0};
	jr_err err;

	memset(res, 0, sizeof(*res));
	err = o->kind == IMPORT_EMPLOYERS
		      ? import_open(o, employer_columns, EC_COUNT, &r, &map, res, eb)
		      : import_open(o, worker_columns, WC_COUNT, &r, &map, res, eb);
	if (err != JR_EOK)
		return err;

	/* The validator gives each batch its own copy with its issue list. */
	struct row_ctx rc = {
		.ref = ref, .today = o->today, .map = &map,
		.on_issue = hold_issue, .issue_ctx = NULL,
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
	/* About 120 bytes a worker row (measured on real-shaped files). */
	if (o->kind == IMPORT_WORKERS)
		err = store_coverage_defer(s, (int64_t)(csvreader_size(r) / 120), eb);
	/* Employers are loaded before the validator starts and only read after;
	 * a file without an NPP column (BPU lists) needs none of them. */
	if (err == JR_EOK && o->kind == IMPORT_WORKERS && map.field[WC_NPP] >= 0)
		err = store_employers_each(s, npp_map_add, &employers, eb);
	if (err == JR_EOK)
		err = store_batch_add(s, &batch, eb);
	if (err == JR_EOK)
		err = run_rows(s, o, r, &rc, batch.id, res, eb);
	err = import_finish(s, o, &batch, res, err, eb);
	store_bulk_mode(s, false);
out:
	free(employers.slot);
	csvreader_free(r);
	return err;
}
