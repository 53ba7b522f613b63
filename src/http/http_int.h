/*
 * http_int.h - what the server's files share: the request being handled,
 * the route table's shape, responses and the pure parsing helpers (parse.c,
 * fuzzed by tests/fuzz/fuzz_http.c).  Private to src/http/.
 */
#ifndef JARING_HTTP_HTTP_INT_H
#define JARING_HTTP_HTTP_INT_H

#include "compat.h"

#include <jansson.h>

#include "core/date.h"
#include "ingest/refdata.h"
#include "store/accounts.h"
#include "store/browse.h"

/* Bodies: JSON requests are small; an uploaded CSV may be large. */
#define HTTP_JSON_BODY_MAX (64 * 1024)
#define HTTP_UPLOAD_BODY_MAX (32 * 1024 * 1024)
#define HTTP_LIST_DEFAULT 50
#define HTTP_LIST_MAX 500
#define HTTP_PARAM_MAX 128

/* Who may call a route (docs/rules.md "Accounts, roles and sessions"). */
enum http_access {
	ACCESS_PUBLIC = 0, /* no sign-in */
	ACCESS_SIGNED,     /* any signed-in role; partners see only their scope */
	ACCESS_STAFF,      /* admin, officer, viewer */
	ACCESS_WRITE,      /* admin, officer, partner (its own scope) */
	ACCESS_OFFICE,     /* admin, officer */
	ACCESS_ADMIN,
};

struct http_req;
typedef void (*http_handler)(struct http_req *r);

struct http_route {
	const char *method;
	const char *path; /* segments; "{name}" matches one segment */
	http_handler fn;
	enum http_access access;
	size_t body_max;  /* 0: no body accepted */
	const char *summary;
	bool own_tx;      /* the handler's service opens its own transactions */
};

extern const struct http_route http_routes[];
extern const size_t http_route_count;

struct http_server;

struct http_req {
	struct http_server *srv;
	void *conn;               /* struct MHD_Connection */
	const char *method, *path;
	const struct http_route *route;
	char param[HTTP_PARAM_MAX]; /* the {name} segment, decoded */
	char *body;
	size_t body_len, body_cap;
	bool body_too_big;
	size_t dropped;           /* body bytes read and dropped */
	struct store *s;
	const struct refdata *ref;
	struct date today;
	const char *addr;         /* client address text */
	char addr_buf[64];
	struct http_req *next_job;  /* queue of slow requests */
	bool job_done;
	/* who is asking */
	bool signed_in, by_token;
	struct store_user user;
	char csrf[SECRET_HEX_SIZE];
	char cookie[SECRET_HEX_SIZE];
	/* the response */
	unsigned status;
	json_t *json;             /* owned */
	char *raw;                /* owned (malloc), or NULL */
	size_t raw_len;
	const char *content_type;
	char disposition[160];    /* Content-Disposition, "" none */
	char set_cookie[256];     /* "" none */
	char retry_after[24];     /* "" none */
	bool in_flight_counted;
	bool queued;              /* a response has been queued */
};

/* ---- responses (server.c) ---- */
void http_reply_json(struct http_req *r, unsigned status, json_t *body); /* takes body */
/* {"error":{"code","message","fields"?}}; fields taken (may be NULL). */
void http_reply_error(struct http_req *r, unsigned status, const char *code, json_t *fields,
		      const char *fmt, ...) JR_PRINTF(5, 6);
void http_reply_raw(struct http_req *r, unsigned status, const char *content_type, char *data,
		    size_t len, const char *filename); /* takes data */
/* 500 for a store failure (the message goes to the log, not the client). */
void http_reply_store_error(struct http_req *r, jr_err err, const struct errbuf *eb);
/* A query argument ("" when absent). */
const char *http_query(struct http_req *r, const char *name);
/* A request header, or NULL. */
const char *http_header(struct http_req *r, const char *name);

/* ---- parsing (parse.c): pure functions of outside input ---- */

/*
 * Matches path against pattern ("/api/v1/persons/{nik}"); the one {name}
 * segment is copied to param (percent-decoded).  False when it does not
 * match or the segment is empty, too long, or holds '/', NUL or "..".
 */
bool http_path_match(const char *pattern, const char *path, char param[HTTP_PARAM_MAX]);
/* The value of cookie `name` in a Cookie header into out; false when absent or bad. */
bool http_cookie_get(const char *header, const char *name, char *out, size_t size);
/* The token of "Bearer TOKEN" into out; false when absent or malformed. */
bool http_bearer_get(const char *header, char *out, size_t size);
/* limit: "" -> default; 1..HTTP_LIST_MAX; false when bad. */
bool http_parse_limit(const char *s, int64_t *out);
/* cursor: "" -> 0; the opaque text we hand out ("c" + decimal key); false when bad. */
bool http_parse_cursor(const char *s, int64_t *out);
void http_format_cursor(int64_t key, char out[32]);
/*
 * Decodes a JSON object body.  NULL with a message in eb (Bahasa
 * Indonesia, with line and column) when it is not one.
 */
json_t *http_json_object(const char *body, size_t len, struct errbuf *eb);
/*
 * A required string member of at most max bytes; fills *fields (created on
 * demand) with the member's problem.  NULL when missing or bad.
 */
const char *http_json_string(json_t *obj, const char *name, size_t max, bool required,
			     json_t **fields);
/* "3374********0001": the first and last four digits of a NIK. */
void http_mask_nik(const char *nik, char out[NIK_DIGITS + 1]);

/* ---- lists (list.c) ---- */

struct http_list {
	json_t *items;
	int64_t limit, last_key, count;
	bool more;
	bool mask_nik;            /* partner users: NIKs outside their scope are masked */
	struct http_req *r;
};
/* Reads ?limit= and ?cursor= into q; replies 400 and returns false when bad. */
bool http_list_begin(struct http_req *r, struct http_list *l, struct store_browse_query *q);
/* store_record_fn collecting into l->items (a record becomes an object). */
jr_err http_list_add(void *ctx, const struct store_record *rec);
/* A record as a JSON object (fields named "_..." are left out). */
json_t *http_record_json(const struct store_record *rec);
/* Replies {"items": [...], "next_cursor": ...} (or 500 on err). */
void http_list_reply(struct http_req *r, struct http_list *l, jr_err err,
		     const struct errbuf *eb);

/* Whether the signed-in user's role is partner (scoped reads). */
static inline int64_t http_partner_scope(const struct http_req *r)
{
	return r->user.role == ROLE_PARTNER ? (r->user.partner_id ? r->user.partner_id : -1) : 0;
}

struct store_agreement;
/* The agreement named by the path if the user may see it (a partner user:
 * its tree's only, 403 otherwise); false after a reply. */
bool http_agreement_of(struct http_req *r, struct store_agreement *a);

/* Records a write in the audit log (inside the caller's transaction). */
jr_err http_audit(struct http_req *r, const char *action, const char *object, json_t *before,
		  json_t *after, struct errbuf *eb);

/* ---- handlers ---- */
void h_healthz(struct http_req *r);
void h_session_get(struct http_req *r);
void h_session_post(struct http_req *r);
void h_session_delete(struct http_req *r);
void h_summary(struct http_req *r);
void h_persons(struct http_req *r);
void h_person(struct http_req *r);
void h_employers(struct http_req *r);
void h_employer(struct http_req *r);
void h_employer_workers(struct http_req *r);
void h_bills(struct http_req *r);
void h_bills_csv(struct http_req *r);
void h_bills_xlsx(struct http_req *r);
void h_arrears(struct http_req *r);
void h_arrears_csv(struct http_req *r);
void h_arrears_xlsx(struct http_req *r);
void h_imports(struct http_req *r);
void h_import_errors_csv(struct http_req *r);
void h_users(struct http_req *r);
void h_users_post(struct http_req *r);
void h_user_patch(struct http_req *r);
void h_audit(struct http_req *r);
void h_audit_csv(struct http_req *r);
void h_coverage(struct http_req *r);
void h_coverage_monthly(struct http_req *r);
void h_partners(struct http_req *r);
void h_partner(struct http_req *r);
void h_partner_units(struct http_req *r);
void h_agreements(struct http_req *r);
void h_agreement(struct http_req *r);
void h_agreement_members(struct http_req *r);
void h_agreement_renewals(struct http_req *r);
void h_agreement_cohort(struct http_req *r);

#endif
