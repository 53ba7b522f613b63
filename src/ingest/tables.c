/* tables.c - the row-at-a-time import of small tables (see tables.h). */
#include "compat.h"

#include "ingest/tables.h"

struct counting {
	const struct import_opts *o;
	size_t warnings;
};

static void count_issue(void *ctx, const struct row_issue *is)
{
	struct counting *c = ctx;
	if (is->warning)
		c->warnings++;
	if (c->o->on_issue)
		c->o->on_issue(c->o->issue_ctx, is);
}

jr_err table_import(struct store *s, const struct refdata *ref, const struct table_kind *k,
		    const struct import_opts *o, struct import_result *res, struct errbuf *eb)
{
	struct csvreader *rd = NULL;
	struct csvrecord rec;
	struct column_map map;
	struct counting counting = {.o = o};
	jr_err err;

	memset(res, 0, sizeof(*res));
	if ((err = import_open(o, k->columns, k->ncolumns, &rd, &map, res, eb)) != JR_EOK)
		return err;

	struct row_ctx rc = {
		.ref = ref, .today = o->today, .map = &map,
		.on_issue = count_issue, .issue_ctx = &counting,
	};
	struct store_batch batch = {
		.kind = k->name,
		.file_name = o->display_name ? o->display_name : o->path,
	};
	if ((err = store_begin(s, eb)) != JR_EOK)
		goto out;
	err = store_batch_add(s, &batch, eb);
	while (err == JR_EOK) {
		err = csvreader_next(rd, &rec, eb);
		if (err == JR_EEOF) {
			err = JR_EOK;
			break;
		}
		if (err != JR_EOK || row_is_blank(&rec))
			continue;
		res->rows++;
		struct row_reader r = {&rc, &rec, k->columns, false};
		enum store_upsert did = STORE_UNCHANGED;
		row_whole_checks(&r);
		err = k->row(k->ctx, s, &r, batch.id, &did, eb);
		if (err != JR_EOK)
			break;
		if (r.rejected) {
			res->rejected++;
			continue;
		}
		res->accepted++;
		if (did == STORE_INSERTED)
			res->inserted++;
		else if (did == STORE_UPDATED)
			res->updated++;
		else
			res->unchanged++;
	}
	res->warnings = counting.warnings;
	err = import_finish(s, o, &batch, res, err, eb);
out:
	csvreader_free(rd);
	return err;
}
