/*
 * handlers_session.c - health, sign-in and sign-out, users and the audit
 * log (docs/api.yaml; rules in docs/rules.md "Accounts, roles and sessions").
 */
#include "compat.h"

#include <time.h>

#include "accounts/accounts.h"
#include "http/http_int.h"
#include "report/report.h"

void h_healthz(struct http_req *r)
{
	http_reply_json(r, 200, json_pack("{s:s}", "status", "ok"));
}

static json_t *user_brief(const struct store_user *u)
{
	return json_pack("{s:s, s:s, s:o}", "name", u->name, "role", role_name(u->role),
			 "partner_id", u->partner_id ? json_integer(u->partner_id) : json_null());
}

void h_session_get(struct http_req *r)
{
	http_reply_json(r, 200,
			json_pack("{s:s?, s:o, s:s}", "csrf", r->by_token ? NULL : r->csrf, "user",
				  user_brief(&r->user), "via", r->by_token ? "token" : "session"));
}

void h_session_post(struct http_req *r)
{
	struct errbuf eb;
	json_t *fields = NULL;
	json_t *body = http_json_object(r->body, r->body_len, &eb);
	if (!body) {
		http_reply_error(r, 400, "bad_json", NULL, "%s", eb.msg);
		return;
	}
	const char *name = http_json_string(body, "username", USER_NAME_MAX, true, &fields);
	const char *password = http_json_string(body, "password", ACCOUNT_PASSWORD_MAX, true,
						&fields);
	if (fields) {
		json_decref(body);
		http_reply_error(r, 422, "invalid", fields, "nama pengguna dan kata sandi wajib");
		return;
	}
	enum signin_result res;
	struct account_session sess;
	jr_err err = account_sign_in(r->s, name, password, r->addr, (int64_t)time(NULL), &res,
				     &sess, &eb);
	json_decref(body);
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return;
	}
	if (res == SIGNIN_THROTTLED) {
		snprintf(r->retry_after, sizeof(r->retry_after), "%" PRId64, sess.retry_after);
		http_reply_error(r, 429, "too_many_attempts", NULL,
				 "terlalu banyak percobaan masuk gagal; coba lagi dalam %" PRId64
				 " detik",
				 sess.retry_after);
		return;
	}
	if (res != SIGNIN_OK) {
		http_reply_error(r, 401, "bad_credentials", NULL, "nama pengguna atau kata sandi salah");
		return;
	}
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 "jaring_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", sess.token,
		 ACCOUNT_SESSION_SECONDS);
	http_reply_json(r, 200,
			json_pack("{s:s, s:o}", "csrf", sess.csrf, "user", user_brief(&sess.user)));
}

void h_session_delete(struct http_req *r)
{
	struct errbuf eb;
	if (!r->by_token) {
		jr_err err = account_sign_out(r->s, r->cookie, (int64_t)time(NULL), &eb);
		if (err != JR_EOK) {
			http_reply_store_error(r, err, &eb);
			return;
		}
	}
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 "jaring_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	http_reply_json(r, 200, json_pack("{s:b}", "signed_out", 1));
}

static json_t *user_json(const struct store_user *u)
{
	json_t *o = user_brief(u);
	json_object_set_new(o, "disabled", json_boolean(u->disabled));
	json_object_set_new(o, "created_at", json_string(u->created_at));
	return o;
}

static jr_err add_user(void *ctx, const struct store_user *u)
{
	return json_array_append_new(ctx, user_json(u)) ? JR_ENOMEM : JR_EOK;
}

void h_users(struct http_req *r)
{
	struct errbuf eb;
	json_t *items = json_array();
	jr_err err = store_accounts_users_each(r->s, add_user, items, &eb);
	if (err != JR_EOK) {
		json_decref(items);
		http_reply_store_error(r, err, &eb);
		return;
	}
	http_reply_json(r, 200, json_pack("{s:o, s:n}", "items", items, "next_cursor"));
}

static void reply_account_error(struct http_req *r, jr_err err, const struct errbuf *eb,
				const char *field)
{
	if (err == JR_EINVALID)
		http_reply_error(r, 422, "invalid", json_pack("{s:s}", field, eb->msg), "%s",
				 eb->msg);
	else
		http_reply_store_error(r, err, eb);
}

void h_users_post(struct http_req *r)
{
	struct errbuf eb;
	json_t *fields = NULL;
	json_t *body = http_json_object(r->body, r->body_len, &eb);
	if (!body) {
		http_reply_error(r, 400, "bad_json", NULL, "%s", eb.msg);
		return;
	}
	const char *name = http_json_string(body, "name", USER_NAME_MAX, true, &fields);
	const char *role_text = http_json_string(body, "role", 16, true, &fields);
	const char *password = http_json_string(body, "password", ACCOUNT_PASSWORD_MAX, true,
						&fields);
	json_t *pid = json_object_get(body, "partner_id");
	enum role role = role_text ? role_parse(role_text) : ROLE_NONE;
	if (role_text && role == ROLE_NONE)
		json_object_set_new(fields ? fields : (fields = json_object()), "role",
				    json_string("harus admin, officer, partner atau viewer"));
	if (pid && !json_is_null(pid) && (!json_is_integer(pid) || json_integer_value(pid) <= 0))
		json_object_set_new(fields ? fields : (fields = json_object()), "partner_id",
				    json_string("harus bilangan bulat positif"));
	if (name && !account_name_valid(name))
		json_object_set_new(fields ? fields : (fields = json_object()), "name",
				    json_string("huruf kecil, angka, titik, garis bawah, tanda hubung"));
	if (fields) {
		json_decref(body);
		http_reply_error(r, 422, "invalid", fields, "data pengguna tidak sah");
		return;
	}
	struct store_user u;
	int64_t partner = json_is_integer(pid) ? json_integer_value(pid) : 0;
	jr_err err = account_user_add(r->s, r->user.name, name, role, partner, password, &u, &eb);
	json_decref(body);
	if (err != JR_EOK) {
		reply_account_error(r, err, &eb, strstr(eb.msg, "sandi") ? "password" : "partner_id");
		return;
	}
	http_reply_json(r, 201, user_json(&u));
}

void h_user_patch(struct http_req *r)
{
	struct errbuf eb;
	json_t *fields = NULL;
	json_t *body = http_json_object(r->body, r->body_len, &eb);
	if (!body) {
		http_reply_error(r, 400, "bad_json", NULL, "%s", eb.msg);
		return;
	}
	json_t *dis = json_object_get(body, "disabled");
	const char *password = http_json_string(body, "password", ACCOUNT_PASSWORD_MAX, false,
						&fields);
	if (dis && !json_is_boolean(dis))
		json_object_set_new(fields ? fields : (fields = json_object()), "disabled",
				    json_string("harus true atau false"));
	if (!fields && !dis && !password)
		fields = json_pack("{s:s}", "disabled", "isi disabled atau password");
	if (fields) {
		json_decref(body);
		http_reply_error(r, 422, "invalid", fields, "perubahan pengguna tidak sah");
		return;
	}
	jr_err err = JR_EOK;
	if (dis)
		err = account_user_disable(r->s, r->user.name, r->param, json_is_true(dis), &eb);
	if (err == JR_EOK && password)
		err = account_user_passwd(r->s, r->user.name, r->param, password, &eb);
	json_decref(body);
	if (err != JR_EOK) {
		reply_account_error(r, err, &eb, "password");
		return;
	}
	struct store_user u;
	bool found;
	err = store_accounts_user_find(r->s, r->param, &u, &found, &eb);
	if (err != JR_EOK || !found) {
		http_reply_store_error(r, err == JR_EOK ? JR_ENOTFOUND : err, &eb);
		return;
	}
	http_reply_json(r, 200, user_json(&u));
}

static json_t *json_text_or_null(const char *text)
{
	json_t *v = text ? json_loads(text, 0, NULL) : NULL;
	return v ? v : json_null();
}

static jr_err add_audit(void *ctx, const struct store_audit *a)
{
	struct http_list *l = ctx;
	if (l->count >= l->limit) {
		l->more = true;
		return JR_EOK;
	}
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:o}", "id", (json_int_t)a->id,
			      "at", a->at, "user", a->user_name, "action", a->action, "object",
			      a->object, "before", json_text_or_null(a->before_json), "after",
			      json_text_or_null(a->after_json));
	if (!o)
		return JR_ENOMEM;
	json_array_append_new(l->items, o);
	l->last_key = a->id;
	l->count++;
	return JR_EOK;
}

void h_audit(struct http_req *r)
{
	struct http_list l;
	struct store_browse_query q;
	struct errbuf eb;
	if (!http_list_begin(r, &l, &q))
		return;
	jr_err err = store_accounts_audit_each(r->s, q.after, q.limit, add_audit, &l, &eb);
	http_list_reply(r, &l, err, &eb);
}

static jr_err audit_csv_row(void *ctx, const struct store_audit *a)
{
	FILE *f = ctx;
	char id[24];
	snprintf(id, sizeof(id), "%" PRId64, a->id);
	report_csv_field(f, id, false);
	report_csv_field(f, a->at, false);
	report_csv_field(f, a->user_name, false);
	report_csv_field(f, a->action, false);
	report_csv_field(f, a->object, false);
	report_csv_field(f, a->before_json ? a->before_json : "", false);
	report_csv_field(f, a->after_json ? a->after_json : "", true);
	return JR_EOK;
}

void h_audit_csv(struct http_req *r)
{
	char *buf = NULL;
	size_t len = 0;
	struct errbuf eb;
	FILE *f = open_memstream(&buf, &len);
	if (!f) {
		http_reply_error(r, 500, "internal", NULL, "memori tidak cukup");
		return;
	}
	fputs("id,at,user,action,object,before,after\r\n", f);
	jr_err err = store_accounts_audit_each(r->s, 0, 0, audit_csv_row, f, &eb);
	fclose(f);
	if (err != JR_EOK) {
		free(buf);
		http_reply_store_error(r, err, &eb);
		return;
	}
	http_reply_raw(r, 200, "text/csv; charset=utf-8", buf, len, "audit.csv");
}
