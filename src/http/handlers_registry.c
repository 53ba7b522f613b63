/*
 * handlers_registry.c - registry reads: the summary, persons (search and
 * one person with memberships and bills), employers (search, one employer
 * with workers and bills).  Partner users see only their scope
 * (docs/rules.md "Accounts, roles and sessions").
 */
#include "compat.h"

#include "http/http_int.h"

void h_summary(struct http_req *r)
{
	struct store_counts c;
	struct errbuf eb;
	struct date as_of = r->today;
	const char *a = http_query(r, "as_of");
	if (*a && date_parse(a, strlen(a), &as_of, &eb) != JR_EOK) {
		http_reply_error(r, 400, "bad_parameter", json_pack("{s:s}", "as_of", eb.msg),
				 "parameter as_of: %s", eb.msg);
		return;
	}
	jr_err err = store_counts(r->s, as_of, &c, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	char day[DATE_ISO_SIZE];
	date_format_iso(as_of, day);
	json_t *seg = json_object();
	for (int g = 1; g < SEG_COUNT; g++)
		json_object_set_new(seg, segment_name((enum segment)g),
				    json_integer(c.active_by_segment[g]));
	http_reply_json(r, 200,
			json_pack("{s:s, s:I, s:o, s:I, s:I, s:I}", "as_of", day, "active",
				  (json_int_t)c.active, "active_by_segment", seg, "employers",
				  (json_int_t)c.employers, "persons", (json_int_t)c.persons,
				  "memberships", (json_int_t)c.memberships));
}

/* A search text from ?q=: trimmed, at most 100 bytes. */
static bool search_text(struct http_req *r, char *out, size_t size)
{
	const char *q = http_query(r, "q");
	while (*q == ' ')
		q++;
	size_t n = strlen(q);
	while (n && q[n - 1] == ' ')
		n--;
	if (n >= size || n > 100) {
		http_reply_error(r, 400, "bad_parameter", json_pack("{s:s}", "q", "terlalu panjang"),
				 "parameter q terlalu panjang (maksimal 100 bait)");
		return false;
	}
	memcpy(out, q, n);
	out[n] = '\0';
	return true;
}

void h_persons(struct http_req *r)
{
	struct http_list l;
	struct store_browse_query q;
	struct errbuf eb;
	char text[128];
	if (!search_text(r, text, sizeof(text)) || !http_list_begin(r, &l, &q))
		return;
	q.q = text;
	jr_err err = store_browse_persons(r->s, &q, http_list_add, &l, &eb);
	http_list_reply(r, &l, err, &eb);
}

/* A NIK path segment: 16 digits. */
static bool nik_param(struct http_req *r, int64_t *nik)
{
	const char *p = r->param;
	size_t n = strlen(p);
	if (n != NIK_DIGITS || strspn(p, "0123456789") != n || p[0] == '0') {
		http_reply_error(r, 400, "bad_parameter", json_pack("{s:s}", "nik", "harus 16 angka"),
				 "NIK '%s' harus 16 angka", p);
		return false;
	}
	*nik = strtoll(p, NULL, 10);
	return true;
}

static bool id_param(struct http_req *r, int64_t *id)
{
	const char *p = r->param;
	size_t n = strlen(p);
	if (n == 0 || n > 18 || strspn(p, "0123456789") != n) {
		http_reply_error(r, 400, "bad_parameter", json_pack("{s:s}", "id", "harus bilangan"),
				 "id '%s' harus bilangan", p);
		return false;
	}
	*id = strtoll(p, NULL, 10);
	return true;
}

/* store_record_fn keeping one record as an object in *ctx. */
static jr_err keep_one(void *ctx, const struct store_record *rec)
{
	json_t **o = ctx;
	if (!*o)
		*o = http_record_json(rec);
	return *o ? JR_EOK : JR_ENOMEM;
}

static jr_err append_record(void *ctx, const struct store_record *rec)
{
	json_t *o = http_record_json(rec);
	return o && !json_array_append_new(ctx, o) ? JR_EOK : JR_ENOMEM;
}

void h_person(struct http_req *r)
{
	int64_t nik, partner = http_partner_scope(r);
	struct errbuf eb;
	json_t *person = NULL;
	if (!nik_param(r, &nik))
		return;
	if (partner) {
		bool in = false;
		jr_err err = store_browse_person_in_scope(r->s, nik, partner, &in, &eb);
		if (err != JR_EOK) {
			http_reply_store_error(r, err, &eb);
			return;
		}
		if (!in) {
			http_reply_error(r, 403, "forbidden", NULL,
					 "orang ini di luar cakupan mitra Anda");
			return;
		}
	}
	jr_err err = store_browse_person(r->s, nik, keep_one, &person, &eb);
	if (err == JR_EOK && !person) {
		http_reply_error(r, 404, "not_found", NULL, "NIK %s tidak ada di registri", r->param);
		return;
	}
	json_t *ms = json_array(), *bills = json_array();
	if (err == JR_EOK)
		err = store_browse_person_memberships(r->s, nik, append_record, ms, &eb);
	struct store_browse_query q = {.payer_kind = PAYER_KIND_PARTICIPANT, .payer_ref = nik,
				       .limit = 24};
	if (err == JR_EOK)
		err = store_browse_bills(r->s, &q, append_record, bills, &eb);
	if (err != JR_EOK) {
		json_decref(person);
		json_decref(ms);
		json_decref(bills);
		http_reply_store_error(r, err, &eb);
		return;
	}
	json_object_set_new(person, "memberships", ms);
	json_object_set_new(person, "bills", bills);
	http_reply_json(r, 200, person);
}

void h_employers(struct http_req *r)
{
	struct http_list l;
	struct store_browse_query q;
	struct errbuf eb;
	char text[128];
	if (!search_text(r, text, sizeof(text)) || !http_list_begin(r, &l, &q))
		return;
	q.q = text;
	jr_err err = store_browse_employers(r->s, &q, http_list_add, &l, &eb);
	http_list_reply(r, &l, err, &eb);
}

/* A partner user sees its own units only (403 otherwise, whether or not the id exists). */
static bool employer_allowed(struct http_req *r, int64_t id)
{
	int64_t partner = http_partner_scope(r);
	bool in = false;
	struct errbuf eb;
	if (!partner)
		return true;
	jr_err err = store_browse_employer_in_scope(r->s, id, partner, &in, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return false;
	}
	if (!in)
		http_reply_error(r, 403, "forbidden", NULL,
				 "pemberi kerja ini di luar cakupan mitra Anda");
	return in;
}

void h_employer(struct http_req *r)
{
	int64_t id;
	struct errbuf eb;
	json_t *emp = NULL;
	if (!id_param(r, &id) || !employer_allowed(r, id))
		return;
	jr_err err = store_browse_employer(r->s, id, keep_one, &emp, &eb);
	if (err == JR_EOK && !emp) {
		http_reply_error(r, 404, "not_found", NULL, "pemberi kerja %s tidak ada", r->param);
		return;
	}
	json_t *workers = json_array(), *bills = json_array();
	struct store_browse_query q = {.payer_ref = id, .limit = HTTP_LIST_DEFAULT};
	if (err == JR_EOK)
		err = store_browse_employer_workers(r->s, &q, append_record, workers, &eb);
	struct store_browse_query b = {.payer_kind = PAYER_KIND_EMPLOYER, .payer_ref = id,
				       .limit = 24};
	if (err == JR_EOK)
		err = store_browse_bills(r->s, &b, append_record, bills, &eb);
	if (err != JR_EOK) {
		json_decref(emp);
		json_decref(workers);
		json_decref(bills);
		http_reply_store_error(r, err, &eb);
		return;
	}
	json_object_set_new(emp, "workers", workers);
	json_object_set_new(emp, "bills", bills);
	json_object_set_new(emp, "findings", json_array());
	http_reply_json(r, 200, emp);
}

void h_employer_workers(struct http_req *r)
{
	struct http_list l;
	struct store_browse_query q;
	struct errbuf eb;
	int64_t id;
	if (!id_param(r, &id) || !employer_allowed(r, id) || !http_list_begin(r, &l, &q))
		return;
	q.payer_ref = id;
	l.mask_nik = http_partner_scope(r) != 0;
	jr_err err = store_browse_employer_workers(r->s, &q, http_list_add, &l, &eb);
	http_list_reply(r, &l, err, &eb);
}
