/*
 * handlers_billing.c - bills and arrears as lists and as CSV and XLSX
 * downloads.  Partner users see only the bills their partner pays.
 */
#include "compat.h"

#include "billing/arrears.h"
#include "billing/terms.h"
#include "core/money.h"
#include "http/http_int.h"
#include "report/report.h"
#include "store/partners.h"

/* Rows in one download at most: a branch's month of bills fits easily. */
#define EXPORT_ROWS_MAX 200000

static const struct report_column bill_columns[] = {
	{"id", "No. tagihan"},      {"period", "Periode"},        {"payer_kind", "Jenis pembayar"},
	{"payer_code", "Pembayar"}, {"payer_name", "Nama"},       {"due_date", "Jatuh tempo"},
	{"lines", "Peserta"},       {"total", "Iuran (Rp)"},      {"paid", "Dibayar (Rp)"},
	{"fine", "Denda (Rp)"},     {"fine_paid", "Denda dibayar (Rp)"},
	{"outstanding", "Sisa (Rp)"}, {"status", "Status"},
};

static const struct report_column arrears_columns[] = {
	{"payer", "Pembayar"},
	{"payer_kind", "Jenis pembayar"},
	{"owed", "Pokok (Rp)"},
	{"fines", "Denda (Rp)"},
	{"current", "Belum jatuh tempo (Rp)"},
	{"months_1_3", "1-3 bulan (Rp)"},
	{"over_3", "> 3 bulan (Rp)"},
	{"oldest_period", "Sejak"},
	{"employer_pays_jkk_first", "JKK ditanggung PK dulu"},
};

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

static jr_err append_record(void *ctx, const struct store_record *rec)
{
	json_t *rows = ctx;
	if (json_array_size(rows) >= EXPORT_ROWS_MAX)
		return JR_EOK;
	json_t *o = http_record_json(rec);
	return o && !json_array_append_new(rows, o) ? JR_EOK : JR_ENOMEM;
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
	struct store_browse_query q = {.limit = EXPORT_ROWS_MAX, .partner = http_partner_scope(r)};
	struct errbuf eb;
	if (!bill_filters(r, &q))
		return;
	json_t *rows = json_array();
	jr_err err = store_browse_bills(r->s, &q, append_record, rows, &eb);
	if (err != JR_EOK) {
		json_decref(rows);
		http_reply_store_error(r, err, &eb);
		return;
	}
	struct report_table t = {"Tagihan", bill_columns, ARRAY_SIZE(bill_columns), rows};
	send_table(r, &t, xlsx, "tagihan");
	json_decref(rows);
}

void h_bills_csv(struct http_req *r)
{
	bills_export(r, false);
}

void h_bills_xlsx(struct http_req *r)
{
	bills_export(r, true);
}

static json_t *rupiah(int64_t sen)
{
	return json_integer((json_int_t)(sen / SEN_PER_RUPIAH));
}

/*
 * The arrears as of ?as_of=, filtered by ?payer_kind= and the partner scope,
 * as rows in the order of `jaring arrears` (largest first).  NULL after a reply.
 */
static json_t *arrears_rows(struct http_req *r, char as_of_text[DATE_ISO_SIZE])
{
	struct errbuf eb;
	struct date as_of = r->today;
	const char *a = http_query(r, "as_of"), *k = http_query(r, "payer_kind");
	enum payer_kind kind = PAYER_KIND_NONE;
	int64_t partner = http_partner_scope(r);
	if (*a && date_parse(a, strlen(a), &as_of, &eb) != JR_EOK) {
		bad(r, "as_of", "harus tanggal YYYY-MM-DD");
		return NULL;
	}
	if (*k && (kind = payer_kind_parse(k, strlen(k))) == PAYER_KIND_NONE) {
		bad(r, "payer_kind", "harus employer, participant atau partner");
		return NULL;
	}
	struct arrears_report rep;
	jr_err err = arrears_compute(r->s, as_of, &rep, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return NULL;
	}
	date_format_iso(as_of, as_of_text);
	json_t *rows = json_array();
	for (size_t i = 0; rows && i < rep.n; i++) {
		const struct arrears_payer *p = &rep.payer[i];
		char per[PERIOD_TEXT_SIZE] = "";
		if (kind != PAYER_KIND_NONE && p->kind != kind)
			continue;
		if (partner) {
			bool within = false;
			if (p->kind == PAYER_KIND_PARTNER &&
			    store_partner_is_within(r->s, p->ref, partner, &within, &eb) != JR_EOK) {
				arrears_free(&rep);
				json_decref(rows);
				http_reply_store_error(r, JR_EDB, &eb);
				return NULL;
			}
			if (!within)
				continue;
		}
		if (p->oldest_period)
			period_format(p->oldest_period, per);
		json_array_append_new(
			rows, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:s?, s:b}", "payer",
					p->code, "payer_kind", payer_kind_name(p->kind), "owed",
					rupiah(p->owed_sen), "fines", rupiah(p->fines_sen), "current",
					rupiah(p->current_sen), "months_1_3",
					rupiah(p->months_1_3_sen), "over_3", rupiah(p->over_3_sen),
					"oldest_period", p->oldest_period ? per : NULL,
					"employer_pays_jkk_first", p->employer_pays_jkk_first));
	}
	arrears_free(&rep);
	if (!rows)
		http_reply_error(r, 500, "internal", NULL, "memori tidak cukup");
	return rows;
}

void h_arrears(struct http_req *r)
{
	struct http_list l;
	struct store_browse_query q;
	char as_of[DATE_ISO_SIZE];
	if (!http_list_begin(r, &l, &q))
		return;
	json_decref(l.items);
	json_t *rows = arrears_rows(r, as_of);
	if (!rows)
		return;
	/* The cursor is the position in the ordered list. */
	size_t from = (size_t)q.after, n = json_array_size(rows);
	json_t *items = json_array();
	for (size_t i = from; i < n && i < from + (size_t)l.limit; i++)
		json_array_append(items, json_array_get(rows, i));
	char cursor[32];
	bool more = from + (size_t)l.limit < n;
	http_format_cursor((int64_t)(from + (size_t)l.limit), cursor);
	json_decref(rows);
	http_reply_json(r, 200,
			json_pack("{s:s, s:o, s:s?}", "as_of", as_of, "items", items, "next_cursor",
				  more ? cursor : NULL));
}

static void arrears_export(struct http_req *r, bool xlsx)
{
	char as_of[DATE_ISO_SIZE];
	json_t *rows = arrears_rows(r, as_of);
	if (!rows)
		return;
	struct report_table t = {"Tunggakan", arrears_columns, ARRAY_SIZE(arrears_columns), rows};
	send_table(r, &t, xlsx, "tunggakan");
	json_decref(rows);
}

void h_arrears_csv(struct http_req *r)
{
	arrears_export(r, false);
}

void h_arrears_xlsx(struct http_req *r)
{
	arrears_export(r, true);
}
