/*
 * handlers_partners.c - coverage (the JSON of `jaring coverage --json`),
 * partners (`jaring partner show --json`), agreement scorecards (`jaring mou
 * show --json`: target against enrolled and active), all built by the same
 * service functions as the command line; a partner's units, cohort members
 * and renewal lists.  A partner user sees its own partner and the partners
 * below it; another partner's partner or agreement is 403.
 */
#include "compat.h"

#include "billing/terms.h"
#include "core/money.h"
#include "coverage/coverage.h"
#include "http/http_int.h"
#include "partners/partners.h"
#include "store/partners.h"

static bool bad(struct http_req *r, const char *name, const char *why)
{
	http_reply_error(r, 400, "bad_parameter", json_pack("{s:s}", name, why),
			 "parameter %s: %s", name, why);
	return false;
}

/* ?name=YYYY-MM-DD into d (d unchanged when absent). */
static bool date_param(struct http_req *r, const char *name, struct date *d)
{
	const char *v = http_query(r, name);
	if (*v && date_parse(v, strlen(v), d, NULL) != JR_EOK)
		return bad(r, name, "harus tanggal YYYY-MM-DD");
	return true;
}

void h_coverage(struct http_req *r)
{
	/* One dimension, or two separated by a comma (district,segment), as --by takes. */
	const char *by_text = http_query(r, "by");
	enum coverage_by by = COV_BY_SEGMENT, by2 = COV_BY_NONE;
	struct date as_of = r->today;
	struct coverage_report rep;
	struct errbuf eb;
	if (*by_text) {
		char first[32];
		const char *comma = strchr(by_text, ',');
		size_t len = comma ? (size_t)(comma - by_text) : strlen(by_text);
		snprintf(first, sizeof(first), "%.*s", (int)(len < 31 ? len : 31), by_text);
		by = len < 31 ? coverage_by_parse(first) : COV_BY_NONE;
		by2 = comma ? coverage_by_parse(comma + 1) : COV_BY_NONE;
		if (comma && !by2)
			by = COV_BY_NONE;
	}
	if (by == COV_BY_NONE) {
		bad(r, "by", "region, district, sector, segment, partner atau employer-kind "
			     "(satu, atau dua dipisah koma)");
		return;
	}
	if (!date_param(r, "as_of", &as_of))
		return;
	jr_err err = coverage_report(r->s, by, by2, as_of, r->today, &rep, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	json_t *o = coverage_report_json(&rep);
	coverage_report_free(&rep);
	if (!o)
		http_reply_error(r, 500, "internal", NULL, "memori tidak cukup");
	else
		http_reply_json(r, 200, o);
}

void h_coverage_monthly(struct http_req *r)
{
	int from, to;
	struct errbuf eb;
	const char *f = http_query(r, "from"), *t = http_query(r, "to");
	if (period_parse(f, strlen(f), &from, &eb) != JR_EOK) {
		bad(r, "from", "harus bulan YYYY-MM");
		return;
	}
	if (period_parse(t, strlen(t), &to, &eb) != JR_EOK) {
		bad(r, "to", "harus bulan YYYY-MM");
		return;
	}
	struct coverage_month *m;
	size_t n;
	jr_err err = coverage_monthly(r->s, from, to, r->today, &m, &n, &eb);
	if (err == JR_EUSAGE || err == JR_EINVALID) {
		bad(r, "to", eb.msg);
		return;
	}
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	json_t *o = coverage_monthly_json(m, n);
	free(m);
	if (!o)
		http_reply_error(r, 500, "internal", NULL, "memori tidak cukup");
	else
		http_reply_json(r, 200, o);
}

/* Whether the signed-in partner user may see partner id (anyone else may). */
static bool partner_visible(struct http_req *r, int64_t id, bool *ok)
{
	int64_t scope = http_partner_scope(r);
	struct errbuf eb;
	*ok = true;
	if (!scope)
		return true;
	jr_err err = store_partner_is_within(r->s, id, scope, ok, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return false;
	}
	return true;
}

static json_t *date_json(struct date d)
{
	char buf[DATE_ISO_SIZE];
	if (!d.year)
		return json_null();
	date_format_iso(d, buf);
	return json_string(buf);
}

static json_t *opt_text(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

/* Items of an in-memory list, paged by position: {"items", "next_cursor"}. */
static void reply_page(struct http_req *r, json_t *all, json_t *extra)
{
	int64_t limit, from;
	if (!http_parse_limit(http_query(r, "limit"), &limit)) {
		json_decref(all);
		json_decref(extra);
		bad(r, "limit", "1 sampai 500");
		return;
	}
	if (!http_parse_cursor(http_query(r, "cursor"), &from)) {
		json_decref(all);
		json_decref(extra);
		bad(r, "cursor", "bukan kursor dari halaman sebelumnya");
		return;
	}
	size_t n = json_array_size(all);
	json_t *items = json_array();
	for (size_t i = (size_t)from; i < n && i < (size_t)(from + limit); i++)
		json_array_append(items, json_array_get(all, i));
	char cursor[32];
	http_format_cursor(from + limit, cursor);
	json_t *o = extra ? extra : json_object();
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "next_cursor",
			    (size_t)(from + limit) < n ? json_string(cursor) : json_null());
	json_decref(all);
	http_reply_json(r, 200, o);
}

struct collect {
	struct http_req *r;
	json_t *list;
	jr_err err;
	struct errbuf eb;
};

static jr_err add_partner(void *ctx, const struct store_partner *p)
{
	struct collect *c = ctx;
	bool ok = true;
	int64_t scope = http_partner_scope(c->r);
	if (scope) {
		jr_err err = store_partner_is_within(c->r->s, p->id, scope, &ok, &c->eb);
		if (err != JR_EOK)
			return err;
	}
	if (ok)
		json_array_append_new(c->list, partner_json(p));
	return JR_EOK;
}

void h_partners(struct http_req *r)
{
	struct collect c = {.r = r, .list = json_array()};
	jr_err err = store_partners_each(r->s, add_partner, &c, &c.eb);
	if (err != JR_EOK) {
		json_decref(c.list);
		http_reply_store_error(r, err, &c.eb);
		return;
	}
	reply_page(r, c.list, NULL);
}

static bool id_param(struct http_req *r, int64_t *id)
{
	const char *p = r->param;
	size_t n = strlen(p);
	if (n == 0 || n > 18 || strspn(p, "0123456789") != n)
		return bad(r, "id", "harus bilangan");
	*id = strtoll(p, NULL, 10);
	return true;
}

struct agreements {
	struct http_req *r;
	json_t *list;
	struct errbuf eb;
};

static jr_err add_agreement(void *ctx, const struct store_agreement *a)
{
	struct agreements *x = ctx;
	bool ok = true;
	jr_err err = JR_EOK;
	int64_t scope = http_partner_scope(x->r);
	if (scope && (err = store_partner_is_within(x->r->s, a->partner_id, scope, &ok, &x->eb)))
		return err;
	if (!ok)
		return JR_EOK;
	json_t *o;
	if ((err = agreement_scorecard_json(x->r->s, a, x->r->today, &o, &x->eb)) != JR_EOK)
		return err;
	json_array_append_new(x->list, o);
	return JR_EOK;
}

void h_partner(struct http_req *r)
{
	int64_t id;
	bool ok, found;
	struct store_partner p;
	struct errbuf eb;
	json_t *o = NULL;
	if (!id_param(r, &id) || !partner_visible(r, id, &ok))
		return;
	if (!ok) {
		http_reply_error(r, 403, "forbidden", NULL, "mitra ini di luar cakupan Anda");
		return;
	}
	jr_err err = store_partner_get(r->s, id, &p, &found, &eb);
	if (err == JR_EOK && !found) {
		http_reply_error(r, 404, "not_found", NULL, "mitra %s tidak ada", r->param);
		return;
	}
	if (err == JR_EOK)
		err = partner_detail_json(r->s, &p, r->today, &o, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	http_reply_json(r, 200, o);
}

static jr_err add_unit(void *ctx, const struct store_unit *u)
{
	json_t *list = ctx;
	return json_array_append_new(
		       list, json_pack("{s:I, s:I, s:s, s:s, s:s, s:I, s:I, s:o, s:o}", "employer_id",
				       (json_int_t)u->employer_id, "partner_id",
				       (json_int_t)u->partner_id, "npp", u->npp, "name", u->name,
				       "kind", u->kind, "active", (json_int_t)u->active, "registered",
				       (json_int_t)u->active, "reported",
				       u->reported >= 0 ? json_integer(u->reported) : json_null(),
				       "unregistered",
				       u->reported >= 0 ? json_integer(u->reported > u->active
									   ? u->reported - u->active
									   : 0)
							: json_null()))
		       ? JR_ENOMEM
		       : JR_EOK;
}

void h_partner_units(struct http_req *r)
{
	int64_t id;
	bool ok;
	struct errbuf eb;
	if (!id_param(r, &id) || !partner_visible(r, id, &ok))
		return;
	if (!ok) {
		http_reply_error(r, 403, "forbidden", NULL, "mitra ini di luar cakupan Anda");
		return;
	}
	json_t *list = json_array();
	jr_err err = store_units_each(r->s, id, r->today, add_unit, list, &eb);
	if (err != JR_EOK) {
		json_decref(list);
		http_reply_store_error(r, err, &eb);
		return;
	}
	reply_page(r, list, NULL);
}

void h_agreements(struct http_req *r)
{
	int64_t partner = 0;
	const char *p = http_query(r, "partner_id");
	if (*p && (strspn(p, "0123456789") != strlen(p) || strlen(p) > 18)) {
		bad(r, "partner_id", "harus bilangan");
		return;
	}
	if (*p)
		partner = strtoll(p, NULL, 10);
	struct agreements x = {.r = r, .list = json_array()};
	jr_err err = store_agreements_each(r->s, partner, add_agreement, &x, &x.eb);
	if (err != JR_EOK) {
		json_decref(x.list);
		http_reply_store_error(r, err, &x.eb);
		return;
	}
	reply_page(r, x.list, NULL);
}

/* The agreement of the path, if the user may see it; false after a reply. */
bool http_agreement_of(struct http_req *r, struct store_agreement *a)
{
	int64_t id;
	bool found, ok;
	struct errbuf eb;
	if (!id_param(r, &id))
		return false;
	jr_err err = store_agreement_get(r->s, id, a, &found, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return false;
	}
	/* A partner user learns nothing of others' agreements: 403 for them and for unknown ids. */
	if (http_partner_scope(r)) {
		if (found && !partner_visible(r, a->partner_id, &ok))
			return false;
		if (!found || !ok) {
			http_reply_error(r, 403, "forbidden", NULL,
					 "perjanjian ini di luar cakupan Anda");
			return false;
		}
	}
	if (!found) {
		http_reply_error(r, 404, "not_found", NULL, "perjanjian %s tidak ada", r->param);
		return false;
	}
	return true;
}

void h_agreement(struct http_req *r)
{
	struct store_agreement a;
	struct errbuf eb;
	json_t *o;
	if (!http_agreement_of(r, &a))
		return;
	jr_err err = agreement_scorecard_json(r->s, &a, r->today, &o, &eb);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	http_reply_json(r, 200, o);
}

static jr_err add_member(void *ctx, const struct store_cohort_member *m)
{
	json_t *list = ctx;
	char nik[NIK_DIGITS + 1];
	nik_from_int(m->nik, nik);
	json_t *o = json_pack("{s:s, s:s?, s:o, s:o, s:o, s:o, s:o, s:I, s:I, s:b}", "nik", nik,
			      "name", m->name, "kpj", opt_text(m->kpj), "occupation",
			      opt_text(m->occupation), "region_code", opt_text(m->region_code),
			      "start_date", date_json(m->start), "end_date", date_json(m->end),
			      "cohort_id", (json_int_t)m->cohort_id, "membership_id",
			      (json_int_t)m->membership_id, "active", m->active);
	return o && !json_array_append_new(list, o) ? JR_EOK : JR_ENOMEM;
}

void h_agreement_members(struct http_req *r)
{
	struct store_agreement a;
	struct errbuf eb;
	struct date day = r->today;
	if (!http_agreement_of(r, &a) || !date_param(r, "as_of", &day))
		return;
	json_t *list = json_array();
	jr_err err = store_cohort_members_each(r->s, a.id, day, add_member, list, &eb);
	if (err != JR_EOK) {
		json_decref(list);
		http_reply_store_error(r, err, &eb);
		return;
	}
	reply_page(r, list, NULL);
}

void h_agreement_renewals(struct http_req *r)
{
	struct store_agreement a;
	struct errbuf eb;
	struct date from = r->today, to = date_add_months(r->today, 2);
	if (!http_agreement_of(r, &a) || !date_param(r, "from", &from) || !date_param(r, "to", &to))
		return;
	if (date_cmp(from, to) > 0) {
		bad(r, "to", "tidak boleh sebelum from");
		return;
	}
	json_t *list = json_array();
	jr_err err = store_cohort_renewals_each(r->s, a.id, from, to, add_member, list, &eb);
	if (err != JR_EOK) {
		json_decref(list);
		http_reply_store_error(r, err, &eb);
		return;
	}
	json_t *extra = json_pack("{s:o, s:o}", "from", date_json(from), "to", date_json(to));
	reply_page(r, list, extra);
}
