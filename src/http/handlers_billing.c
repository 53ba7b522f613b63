/*
 * handlers_billing.c - bills and arrears as lists and as CSV and XLSX
 * downloads.  Partner users see only the bills their partner pays.
 */
#include "compat.h"

#include "billing/arrears.h"
#include "billing/terms.h"
#include "core/money.h"
#include "http/http_int.h"
#include "report/tables.h"

static bool bad(struct http_req *r, const char *name, const char *why)
{
	http_reply_error(r, 400, "bad_parameter", json_pack("{s:s}", name, why),
			 "parameter %s: %s", name, why);
	return false;
}

/* ?payer_kind=&period=&status=&payer= into q. */
static bool bill_filters(struct http_req *r, struct store_browse_query *q)
{
	struct errbuf eb;
	const char *k = http_query(r, "payer_kind"), *p = http_query(r, "period"),
		   *st = http_query(r, "status"), *payer = http_query(r, "payer");
	if (*k && (q->payer_kind = payer_kind_parse(k, strlen(k))) == PAYER_KIND_NONE)
		return bad(r, "payer_kind", "harus employer, participant atau partner");
	if (*p && period_parse(p, strlen(p), &q->period, &eb) != JR_EOK)
		return bad(r, "period", "harus YYYY-MM");
	if (!strcmp(st, "open"))
		q->status = 1;
	else if (!strcmp(st, "paid"))
		q->status = 2;
	else if (*st)
		return bad(r, "status", "harus open atau paid");
	if (*payer) {
		enum payer_kind found;
		int matches;
		if (strlen(payer) > 32)
			return bad(r, "payer", "terlalu panjang");
		jr_err err = store_payer_find(r->s, payer, q->payer_kind, &found, &q->payer_ref,
					      &matches, &eb);
		if (err != JR_EOK) {
			http_reply_store_error(r, err, &eb);
			return false;
		}
		if (!matches)
			q->payer_ref = -1; /* nobody: an empty list */
		else if (q->payer_kind == PAYER_KIND_NONE)
			q->payer_kind = found;
	}
	return true;
}

void h_bills(struct http_req *r)
{
	struct http_list l;
	struct store_browse_query q;
	struct errbuf eb;
	if (!http_list_begin(r, &l, &q) || !bill_filters(r, &q)) {
		json_decref(l.items);
		return;
	}
	jr_err err = store_browse_bills(r->s, &q, http_list_add, &l, &eb);
	http_list_reply(r, &l, err, &eb);
}

static void send_table(struct http_req *r, const struct report_table *t, bool xlsx,
		       const char *name)
{
	char *data = NULL, file[64];
	size_t len = 0;
	struct errbuf eb;
	jr_err err = xlsx ? report_xlsx(t, &data, &len, &eb) : report_csv(t, &data, &len, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	snprintf(file, sizeof(file), "%s.%s", name, xlsx ? "xlsx" : "csv");
	http_reply_raw(r, 200,
		       xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			    : "text/csv; charset=utf-8",
		       data, len, file);
}

static void bills_export(struct http_req *r, bool xlsx)
{
	struct store_browse_query q = {.partner = http_partner_scope(r)};
	struct report_table t;
	struct errbuf eb;
	if (!bill_filters(r, &q))
		return;
	jr_err err = report_bills_table(r->s, &q, &t, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	send_table(r, &t, xlsx, "tagihan");
	report_table_free(&t);
}

void h_bills_csv(struct http_req *r)
{
	bills_export(r, false);
}

void h_bills_xlsx(struct http_req *r)
{
	bills_export(r, true);
}

/*
 * The arrears as of ?as_of=, of ?payer_kind=, within the partner scope, in
 * the order of `jaring arrears` (largest first).  False after a reply.
 */
static bool arrears_table(struct http_req *r, struct report_table *t,
			  char as_of_text[DATE_ISO_SIZE])
{
	struct errbuf eb;
	struct date as_of = r->today;
	const char *a = http_query(r, "as_of"), *k = http_query(r, "payer_kind");
	enum payer_kind kind = PAYER_KIND_NONE;
	if (*a && date_parse(a, strlen(a), &as_of, &eb) != JR_EOK)
		return bad(r, "as_of", "harus tanggal YYYY-MM-DD");
	if (*k && (kind = payer_kind_parse(k, strlen(k))) == PAYER_KIND_NONE)
		return bad(r, "payer_kind", "harus employer, participant atau partner");
	jr_err err = report_arrears_table(r->s, as_of, kind, http_partner_scope(r), t, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return false;
	}
	date_format_iso(as_of, as_of_text);
	return true;
}

void h_arrears(struct http_req *r)
{
	struct http_list l;
	struct store_browse_query q;
	char as_of[DATE_ISO_SIZE];
	if (!http_list_begin(r, &l, &q))
		return;
	json_decref(l.items);
	struct report_table t;
	if (!arrears_table(r, &t, as_of))
		return;
	json_t *rows = t.rows;
	/* The cursor is the position in the ordered list. */
	size_t from = (size_t)q.after, n = json_array_size(rows);
	json_t *items = json_array();
	for (size_t i = from; i < n && i < from + (size_t)l.limit; i++)
		json_array_append(items, json_array_get(rows, i));
	char cursor[32];
	bool more = from + (size_t)l.limit < n;
	http_format_cursor((int64_t)(from + (size_t)l.limit), cursor);
	report_table_free(&t);
	http_reply_json(r, 200,
			json_pack("{s:s, s:o, s:s?}", "as_of", as_of, "items", items, "next_cursor",
				  more ? cursor : NULL));
}

static void arrears_export(struct http_req *r, bool xlsx)
{
	char as_of[DATE_ISO_SIZE];
	struct report_table t;
	if (!arrears_table(r, &t, as_of))
		return;
	send_table(r, &t, xlsx, "tunggakan");
	report_table_free(&t);
}

void h_arrears_csv(struct http_req *r)
{
	arrears_export(r, false);
}

void h_arrears_xlsx(struct http_req *r)
{
	arrears_export(r, true);
}
