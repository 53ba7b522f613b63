/* licences.c - the licensing import (see licences.h). */
#include "compat.h"

#include "ingest/csvread.h"
#include "ingest/issues.h"
#include "ingest/licences.h"
#include "store/licensing.h"

bool licensing_kind_parse(const char *s)
{
	return !strcmp(s, "licensing") || !strcmp(s, "licences") || !strcmp(s, "licenses") ||
	       !strcmp(s, "perizinan") || !strcmp(s, "izin") || !strcmp(s, "izin_usaha");
}

static void hold(void *ctx, const struct row_issue *is)
{
	issue_list_hold(ctx, is);
}

jr_err licensing_import(struct store *s, const struct refdata *ref, const struct import_opts *o,
			struct import_result *res, struct errbuf *eb)
{
	struct csvreader *r = NULL;
	struct csvrecord rec;
	struct column_map map;
	struct licence *rows = NULL;
	enum store_upsert *did = NULL;
	size_t nrows = 0, cap = 0;
	struct issue_list issues = {0};
	jr_err err;

	memset(res, 0, sizeof(*res));
	if ((err = csvreader_open(o->path, &r, eb)) != JR_EOK)
		return err;
	err = csvreader_next(r, &rec, eb);
	if (err == JR_EEOF)
		err = errbuf_set(eb, JR_EPARSE, "berkas tidak berisi baris judul");
	if (err == JR_EOK)
		err = columns_map(licence_columns, LC_COUNT, &rec, &map, eb);
	if (err != JR_EOK)
		goto out;
	res->unknown_columns = map.nunknown;
	memcpy(res->unknown, map.unknown, sizeof(res->unknown));

	/* A licensing list is a month of a regency's licences: check it whole
	 * first, then write it in one statement loop. */
	struct row_ctx rc = {.ref = ref, .today = o->today, .map = &map, .on_issue = hold,
			     .issue_ctx = &issues};
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
		if (nrows == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			struct licence *nr = realloc(rows, ncap * sizeof(*nr));
			if (!nr) {
				err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk impor");
				goto out;
			}
			rows = nr;
			cap = ncap;
		}
		if (row_licence(&rc, &rec, &rows[nrows]))
			nrows++;
		else
			res->rejected++;
	}
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
