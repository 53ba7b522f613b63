/*
 * router.c - the route table: method, path, handler, who may call it and
 * how large a body it takes.  docs/api.yaml describes exactly these routes
 * (tests/cli/http_api.sh checks both ways).  Also the list helpers every
 * list endpoint shares (?limit=, ?cursor=, {"items", "next_cursor"}).
 */
#include "compat.h"

#include "accounts/accounts.h"
#include "http/http.h"
#include "http/http_int.h"

#define JSON_BODY HTTP_JSON_BODY_MAX
#define UPLOAD HTTP_UPLOAD_BODY_MAX

const struct http_route http_routes[] = {
	{"GET", "/healthz", h_healthz, ACCESS_PUBLIC, 0, "server hidup", false},
	{"GET", "/api/v1/session", h_session_get, ACCESS_SIGNED, 0, "sesi saat ini", false},
	{"POST", "/api/v1/session", h_session_post, ACCESS_PUBLIC, JSON_BODY, "masuk", false},
	{"DELETE", "/api/v1/session", h_session_delete, ACCESS_SIGNED, 0, "keluar", false},
	{"GET", "/api/v1/summary", h_summary, ACCESS_STAFF, 0, "ringkasan registri", false},
	{"GET", "/api/v1/coverage", h_coverage, ACCESS_STAFF, 0, "cakupan (jaring coverage --json)",
	 true},
	{"GET", "/api/v1/coverage/monthly", h_coverage_monthly, ACCESS_STAFF, 0,
	 "cakupan per bulan", true},
	{"GET", "/api/v1/partners", h_partners, ACCESS_SIGNED, 0, "mitra", false},
	{"GET", "/api/v1/partners/{id}", h_partner, ACCESS_SIGNED, 0, "mitra dan perjanjiannya", false},
	{"GET", "/api/v1/partners/{id}/units", h_partner_units, ACCESS_SIGNED, 0,
	 "unit (pemberi kerja) mitra", false},
	{"GET", "/api/v1/agreements", h_agreements, ACCESS_SIGNED, 0, "perjanjian (MoU/PKS)", false},
	{"GET", "/api/v1/agreements/{id}", h_agreement, ACCESS_SIGNED, 0,
	 "kartu skor perjanjian", false},
	{"GET", "/api/v1/agreements/{id}/members", h_agreement_members, ACCESS_SIGNED, 0,
	 "anggota wadah perjanjian", false},
	{"GET", "/api/v1/agreements/{id}/renewals", h_agreement_renewals, ACCESS_SIGNED, 0,
	 "kepesertaan wadah yang akan berakhir", false},
	{"POST", "/api/v1/agreements/{id}/cohorts", h_agreement_cohort, ACCESS_WRITE, UPLOAD,
	 "daftarkan daftar mitra sebagai wadah (CSV)", false},
	{"GET", "/api/v1/persons", h_persons, ACCESS_SIGNED, 0, "cari orang", false},
	{"GET", "/api/v1/persons/{nik}", h_person, ACCESS_SIGNED, 0, "orang dan kepesertaannya", false},
	{"GET", "/api/v1/employers", h_employers, ACCESS_SIGNED, 0, "cari pemberi kerja", false},
	{"GET", "/api/v1/employers/{id}", h_employer, ACCESS_SIGNED, 0, "pemberi kerja", false},
	{"GET", "/api/v1/employers/{id}/workers", h_employer_workers, ACCESS_SIGNED, 0,
	 "tenaga kerja pemberi kerja", false},
	{"GET", "/api/v1/bills", h_bills, ACCESS_SIGNED, 0, "tagihan", false},
	{"GET", "/api/v1/bills.csv", h_bills_csv, ACCESS_SIGNED, 0, "tagihan (CSV)", false},
	{"GET", "/api/v1/bills.xlsx", h_bills_xlsx, ACCESS_SIGNED, 0, "tagihan (XLSX)", false},
	{"GET", "/api/v1/arrears", h_arrears, ACCESS_SIGNED, 0, "tunggakan per pembayar", false},
	{"GET", "/api/v1/arrears.csv", h_arrears_csv, ACCESS_SIGNED, 0, "tunggakan (CSV)", false},
	{"GET", "/api/v1/arrears.xlsx", h_arrears_xlsx, ACCESS_SIGNED, 0, "tunggakan (XLSX)", false},
	{"POST", "/api/v1/imports", h_imports, ACCESS_OFFICE, UPLOAD, "impor CSV", false},
	{"POST", "/api/v1/imports/errors.csv", h_import_errors_csv, ACCESS_OFFICE, UPLOAD,
	 "laporan baris ditolak (CSV)", false},
	{"GET", "/api/v1/users", h_users, ACCESS_ADMIN, 0, "pengguna", false},
	{"POST", "/api/v1/users", h_users_post, ACCESS_ADMIN, JSON_BODY, "tambah pengguna", false},
	{"PATCH", "/api/v1/users/{name}", h_user_patch, ACCESS_ADMIN, JSON_BODY,
	 "ubah pengguna (nonaktif, kata sandi)", false},
	{"GET", "/api/v1/audit", h_audit, ACCESS_ADMIN, 0, "jejak audit", false},
	{"GET", "/api/v1/audit.csv", h_audit_csv, ACCESS_ADMIN, 0, "jejak audit (CSV)", false},
};
const size_t http_route_count = ARRAY_SIZE(http_routes);

static const char *access_name(enum http_access a)
{
	static const char *const names[] = {"public", "signed", "staff", "write", "office", "admin"};
	return names[a];
}

void http_routes_print(FILE *f)
{
	for (size_t i = 0; i < http_route_count; i++)
		fprintf(f, "%s %s %s\n", http_routes[i].method, http_routes[i].path,
			access_name(http_routes[i].access));
}

bool http_list_begin(struct http_req *r, struct http_list *l, struct store_browse_query *q)
{
	memset(l, 0, sizeof(*l));
	memset(q, 0, sizeof(*q));
	l->r = r;
	if (!http_parse_limit(http_query(r, "limit"), &l->limit)) {
		http_reply_error(r, 400, "bad_parameter", json_pack("{s:s}", "limit", "1 sampai 500"),
				 "parameter limit harus bilangan 1 sampai %d", HTTP_LIST_MAX);
		return false;
	}
	if (!http_parse_cursor(http_query(r, "cursor"), &q->after)) {
		http_reply_error(r, 400, "bad_parameter",
				 json_pack("{s:s}", "cursor", "bukan kursor dari halaman sebelumnya"),
				 "parameter cursor tidak sah");
		return false;
	}
	l->items = json_array();
	q->limit = l->limit + 1;
	q->partner = http_partner_scope(r);
	return l->items != NULL;
}

json_t *http_record_json(const struct store_record *rec)
{
	json_t *o = json_object();
	for (size_t i = 0; o && i < rec->n; i++) {
		const struct store_field *f = &rec->field[i];
		if (f->name[0] == '_')
			continue;
		json_t *v = f->type == STORE_FIELD_INT ? json_integer(f->i)
			  : f->type == STORE_FIELD_TEXT ? json_string(f->s)
							: json_null();
		if (!v) /* text that is not UTF-8 */
			v = json_null();
		json_object_set_new(o, f->name, v);
	}
	return o;
}

jr_err http_list_add(void *ctx, const struct store_record *rec)
{
	struct http_list *l = ctx;
	if (l->count >= l->limit) {
		l->more = true;
		return JR_EOK;
	}
	json_t *o = http_record_json(rec);
	if (!o)
		return JR_ENOMEM;
	if (rec->n && rec->field[0].type == STORE_FIELD_INT)
		l->last_key = rec->field[0].i;
	if (l->mask_nik) {
		const char *nik = json_string_value(json_object_get(o, "nik"));
		bool in = false;
		struct errbuf eb;
		if (nik && store_browse_person_in_scope(l->r->s, strtoll(nik, NULL, 10),
							http_partner_scope(l->r), &in, &eb) == JR_EOK &&
		    !in) {
			char masked[NIK_DIGITS + 1];
			http_mask_nik(nik, masked);
			json_object_set_new(o, "nik", json_string(masked));
		}
	}
	json_array_append_new(l->items, o);
	l->count++;
	return JR_EOK;
}

void http_list_reply(struct http_req *r, struct http_list *l, jr_err err,
		     const struct errbuf *eb)
{
	if (err != JR_EOK) {
		json_decref(l->items);
		http_reply_store_error(r, err, eb);
		return;
	}
	char cursor[32];
	http_format_cursor(l->last_key, cursor);
	http_reply_json(r, 200,
			json_pack("{s:o, s:s?}", "items", l->items, "next_cursor",
				  l->more ? cursor : NULL));
}

jr_err http_audit(struct http_req *r, const char *action, const char *object, json_t *before,
		  json_t *after, struct errbuf *eb)
{
	char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *a = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	jr_err err = account_audit(r->s, r->user.name, action, object, b, a, eb);
	free(b);
	free(a);
	return err;
}
