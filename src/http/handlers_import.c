/*
 * handlers_import.c - CSV uploads: POST /api/v1/imports runs the same
 * import as `jaring import` (a dry run first, then the commit), and
 * POST /api/v1/imports/errors.csv returns the rejected rows of a dry run as
 * the CSV report `jaring import --errors` writes.
 */
#include "compat.h"

#include <unistd.h>

#include "billing/payments.h"
#include "http/http_int.h"
#include "ingest/import.h"
#include "partners/cohort.h"
#include "store/partners.h"
#include "report/report.h"

/* Issues kept in one answer; the rest are counted. */
#define ISSUES_MAX 5000

struct issues {
	json_t *list;
	size_t dropped;
	bool mask;       /* partner users do not see other people's NIKs */
};

static void on_issue(void *ctx, const struct row_issue *is)
{
	struct issues *x = ctx;
	if (json_array_size(x->list) >= ISSUES_MAX) {
		x->dropped++;
		return;
	}
	char value[NAME_MAX_BYTES + 1];
	size_t n = is->value_len < sizeof(value) - 1 ? is->value_len : sizeof(value) - 1;
	memcpy(value, is->value ? is->value : "", is->value ? n : 0);
	value[is->value ? n : 0] = '\0';
	if (x->mask && strlen(value) == NIK_DIGITS && strspn(value, "0123456789") == NIK_DIGITS) {
		char m[NIK_DIGITS + 1];
		http_mask_nik(value, m);
		memcpy(value, m, sizeof(m));
	}
	json_t *v = json_string(value);
	json_array_append_new(
		x->list, json_pack("{s:I, s:s, s:o, s:s, s:s}", "line", (json_int_t)is->line,
				   "column", is->column ? is->column : "", "value",
				   v ? v : json_string("?"), "reason", is->reason,
				   "severity", is->warning ? "warning" : "error"));
}

/* What reads an uploaded file: an import, the payments import, a cohort enrolment. */
typedef jr_err (*upload_fn)(void *ctx, struct http_req *r, const struct import_opts *o,
			    struct import_result *res, struct errbuf *eb);

static jr_err run_registry(void *ctx, struct http_req *r, const struct import_opts *o,
			   struct import_result *res, struct errbuf *eb)
{
	(void)ctx;
	return import_run(r->s, r->ref, o, res, eb);
}

static jr_err run_payments(void *ctx, struct http_req *r, const struct import_opts *o,
			   struct import_result *res, struct errbuf *eb)
{
	(void)ctx;
	return payments_import(r->s, o, res, eb);
}

static jr_err run_cohort(void *ctx, struct http_req *r, const struct import_opts *o,
			 struct import_result *res, struct errbuf *eb)
{
	return cohort_enrol(r->s, r->ref, ctx, o, res, eb);
}

/* Runs the upload through fn; replies on failure and returns false. */
static bool run_upload(struct http_req *r, enum import_kind k, bool dry_run, struct issues *x,
		       struct import_result *res, upload_fn fn, void *ctx)
{
	struct errbuf eb;
	if (!r->body_len) {
		http_reply_error(r, 400, "empty_body", NULL, "badan permintaan kosong; kirim CSV");
		return false;
	}
	char path[] = "/tmp/jaring-upload-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		http_reply_error(r, 500, "internal", NULL, "tidak dapat menyimpan unggahan");
		return false;
	}
	size_t off = 0;
	while (off < r->body_len) {
		ssize_t w = write(fd, r->body + off, r->body_len - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fd);
	if (off < r->body_len) {
		unlink(path);
		http_reply_error(r, 500, "internal", NULL, "tidak dapat menyimpan unggahan");
		return false;
	}
	const char *name = http_query(r, "filename");
	struct import_opts o = {
		.kind = k ? k : IMPORT_WORKERS,
		.path = path,
		.display_name = *name && strlen(name) < 200 ? name : "unggahan.csv",
		.dry_run = dry_run,
		.today = r->today,
		.on_issue = on_issue,
		.issue_ctx = x,
	};
	memset(res, 0, sizeof(*res));
	jr_err err = fn(ctx, r, &o, res, &eb);
	unlink(path);
	if (err == JR_EPARSE || err == JR_EINVALID || err == JR_EIO || err == JR_ETOOBIG) {
		http_reply_error(r, 422, "invalid_file", json_pack("{s:s}", "file", eb.msg),
				 "berkas tidak dapat diimpor: %s", eb.msg);
		return false;
	}
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return false;
	}
	return true;
}

/* ?kind= of /imports; replies 400 and returns false when unknown. */
static bool import_kind(struct http_req *r, enum import_kind *k, upload_fn *fn, char kind_out[16])
{
	const char *kind = http_query(r, "kind");
	*k = import_kind_parse(kind);
	bool payments = payments_kind_parse(kind);
	if (!*k && !payments) {
		http_reply_error(r, 400, "bad_parameter",
				 json_pack("{s:s}", "kind", "employers, workers atau payments"),
				 "parameter kind harus employers, workers atau payments");
		return false;
	}
	*fn = payments ? run_payments : run_registry;
	snprintf(kind_out, 16, "%s", payments ? "payments" : import_kind_name(*k));
	return true;
}

static bool dry_run_param(struct http_req *r, bool *dry)
{
	const char *d = http_query(r, "dry_run");
	if (!*d || !strcmp(d, "0") || !strcmp(d, "false"))
		*dry = false;
	else if (!strcmp(d, "1") || !strcmp(d, "true"))
		*dry = true;
	else {
		http_reply_error(r, 400, "bad_parameter", json_pack("{s:s}", "dry_run", "0 atau 1"),
				 "parameter dry_run harus 0 atau 1");
		return false;
	}
	return true;
}

void h_imports(struct http_req *r)
{
	struct issues x = {.list = json_array(), .mask = http_partner_scope(r) != 0};
	struct import_result res;
	struct errbuf eb;
	bool dry;
	char kind[16];
	enum import_kind k;
	upload_fn fn;
	if (!dry_run_param(r, &dry) || !import_kind(r, &k, &fn, kind) ||
	    !run_upload(r, k, dry, &x, &res, fn, NULL)) {
		json_decref(x.list);
		return;
	}
	json_t *out = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:I, s:b}", "kind",
				kind, "rows", (json_int_t)res.rows, "ok", (json_int_t)res.accepted,
				"rejected", (json_int_t)res.rejected, "warnings",
				(json_int_t)res.warnings, "inserted", (json_int_t)res.inserted,
				"updated", (json_int_t)res.updated, "unchanged",
				(json_int_t)res.unchanged, "issues", x.list, "issues_not_shown",
				(json_int_t)x.dropped, "committed", !dry);
	if (!dry) {
		char object[48];
		snprintf(object, sizeof(object), "import_batch:%" PRId64, res.batch_id);
		json_object_set_new(out, "batch_id", json_integer(res.batch_id));
		json_t *after = json_pack("{s:s, s:I, s:I, s:I, s:I}", "kind", kind, "rows",
					  (json_int_t)res.rows, "inserted", (json_int_t)res.inserted,
					  "updated", (json_int_t)res.updated, "rejected",
					  (json_int_t)res.rejected);
		jr_err err = http_audit(r, "import", object, NULL, after, &eb);
		json_decref(after);
		if (err != JR_EOK)
			fprintf(stderr, "jaring serve: jejak audit impor: %s\n", eb.msg);
	}
	http_reply_json(r, 200, out);
}

void h_import_errors_csv(struct http_req *r)
{
	struct issues x = {.list = json_array(), .mask = http_partner_scope(r) != 0};
	struct import_result res;
	char kind[16];
	enum import_kind k;
	upload_fn fn;
	if (!import_kind(r, &k, &fn, kind) || !run_upload(r, k, true, &x, &res, fn, NULL)) {
		json_decref(x.list);
		return;
	}
	static const struct report_column cols[] = {
		{"line", "line"}, {"column", "column"}, {"value", "value"},
		{"reason", "reason"}, {"severity", "severity"},
	};
	struct report_table t = {"Baris ditolak", cols, ARRAY_SIZE(cols), x.list};
	char *data;
	size_t len;
	struct errbuf eb;
	jr_err err = report_csv(&t, &data, &len, &eb);
	json_decref(x.list);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	http_reply_raw(r, 200, "text/csv; charset=utf-8", data, len, "baris-ditolak.csv");
}

void h_agreement_cohort(struct http_req *r)
{
	struct store_agreement a;
	struct issues x = {.list = json_array(), .mask = http_partner_scope(r) != 0};
	struct import_result res;
	struct errbuf eb;
	bool dry;
	if (!http_agreement_of(r, &a) || !dry_run_param(r, &dry)) {
		json_decref(x.list);
		return;
	}
	struct cohort_enrolment e = {.agreement_id = a.id, .on = r->today};
	if (!run_upload(r, IMPORT_WORKERS, dry, &x, &res, run_cohort, &e)) {
		json_decref(x.list);
		return;
	}
	char start[DATE_ISO_SIZE] = "", end[DATE_ISO_SIZE] = "";
	if (e.start.year)
		date_format_iso(e.start, start);
	if (e.end.year)
		date_format_iso(e.end, end);
	json_t *out = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:I, s:b, s:I, s:s, s:s, s:I}",
				"agreement_id", (json_int_t)a.id, "rows", (json_int_t)res.rows, "ok",
				(json_int_t)res.accepted, "rejected", (json_int_t)res.rejected,
				"inserted", (json_int_t)res.inserted, "updated",
				(json_int_t)res.updated, "unchanged", (json_int_t)res.unchanged,
				"issues", x.list, "issues_not_shown", (json_int_t)x.dropped,
				"committed", !dry, "cohort_id", (json_int_t)e.cohort_id, "start",
				start, "end", end, "already", (json_int_t)e.already);
	if (!dry) {
		char object[48];
		snprintf(object, sizeof(object), "agreement:%" PRId64, a.id);
		json_t *after = json_pack("{s:I, s:I, s:I}", "cohort_id", (json_int_t)e.cohort_id,
					  "inserted", (json_int_t)res.inserted, "rejected",
					  (json_int_t)res.rejected);
		if (http_audit(r, "cohort.enrol", object, NULL, after, &eb) != JR_EOK)
			fprintf(stderr, "jaring serve: jejak audit kohort: %s\n", eb.msg);
		json_decref(after);
	}
	http_reply_json(r, 200, out);
}
