/*
 * server.c - libmicrohttpd glue: the daemon on its internal epoll thread
 * pool, bounded requests, a pool of database connections (a store is used
 * by one thread at a time), static files of the UI, responses, and a
 * graceful shutdown on SIGTERM/SIGINT.
 *
 * A request is read whole (within its route's body limit) before its
 * handler runs; headers are bounded by the connection memory limit and
 * slow clients by the connection timeout.
 */
#include "compat.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <sodium.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "accounts/accounts.h"
#include "http/http.h"
#include "http/http_int.h"

#define HEADER_MEMORY (32 * 1024)
#define IDLE_TIMEOUT_SECONDS 30
#define SHUTDOWN_WAIT_SECONDS 30
#define VENDOR_MAX 32
#define JOB_THREADS 2
/* Body bytes dropped before the connection is closed instead. */
#define DROP_MAX (1024 * 1024)
/* Bearer tokens recently seen, so that an API client's every request does
 * not look its token up again: a disabled user's token works at most this
 * many seconds longer (docs/rules.md). */
#define TOKEN_CACHE_SLOTS 64
#define TOKEN_CACHE_SECONDS 5

struct token_slot {
	char hash[SECRET_HEX_SIZE];
	struct store_user user;
	int64_t until;
};

struct http_server {
	const struct http_opts *o;
	struct MHD_Daemon *d;
	struct refdata *ref;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct store **conns;
	bool *busy;
	size_t nconns;
	int in_flight;
	char *vendor[VENDOR_MAX]; /* npm packages the UI may load */
	size_t nvendor;
	pthread_mutex_t token_mu;
	struct token_slot tokens[TOKEN_CACHE_SLOTS];
	/* slow requests, run by job threads while their connection is suspended */
	pthread_mutex_t job_mu;
	pthread_cond_t job_cv;
	struct http_req *job_head, *job_tail;
	bool jobs_stop;
	pthread_t job_threads[JOB_THREADS];
	size_t njob_threads;
};

static const char CSP[] = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			  "script-src 'self'; object-src 'none'; base-uri 'none'; "
			  "frame-ancestors 'none'; form-action 'self'";

/* ---- database connections ---- */

static struct store *pool_take(struct http_server *srv)
{
	pthread_mutex_lock(&srv->mu);
	for (;;) {
		for (size_t i = 0; i < srv->nconns; i++) {
			if (!srv->busy[i]) {
				srv->busy[i] = true;
				pthread_mutex_unlock(&srv->mu);
				return srv->conns[i];
			}
		}
		pthread_cond_wait(&srv->cv, &srv->mu);
	}
}

static void pool_give(struct http_server *srv, struct store *s)
{
	pthread_mutex_lock(&srv->mu);
	for (size_t i = 0; i < srv->nconns; i++)
		if (srv->conns[i] == s)
			srv->busy[i] = false;
	pthread_cond_signal(&srv->cv);
	pthread_mutex_unlock(&srv->mu);
}

/* ---- responses ---- */

void http_reply_json(struct http_req *r, unsigned status, json_t *body)
{
	json_decref(r->json);
	free(r->raw);
	r->raw = NULL;
	r->status = status;
	r->json = body;
}

void http_reply_error(struct http_req *r, unsigned status, const char *code, json_t *fields,
		      const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	json_t *err = json_pack("{s:s, s:s}", "code", code, "message", msg);
	if (err && fields)
		json_object_set_new(err, "fields", fields);
	else
		json_decref(fields);
	http_reply_json(r, status, json_pack("{s:o*}", "error", err));
}

void http_reply_raw(struct http_req *r, unsigned status, const char *content_type, char *data,
		    size_t len, const char *filename)
{
	json_decref(r->json);
	r->json = NULL;
	free(r->raw);
	r->status = status;
	r->raw = data;
	r->raw_len = len;
	r->content_type = content_type;
	r->disposition[0] = '\0';
	if (filename)
		snprintf(r->disposition, sizeof(r->disposition), "attachment; filename=\"%s\"",
			 filename);
}

void http_reply_store_error(struct http_req *r, jr_err err, const struct errbuf *eb)
{
	fprintf(stderr, "jaring serve: %s %s: %s\n", r->method, r->path, eb->msg);
	if (err == JR_ENOTFOUND)
		http_reply_error(r, 404, "not_found", NULL, "%s", eb->msg);
	else if (err == JR_ECONFLICT)
		http_reply_error(r, 409, "conflict", NULL, "%s", eb->msg);
	else if (err == JR_EINVALID)
		http_reply_error(r, 422, "invalid", NULL, "%s", eb->msg);
	else
		http_reply_error(r, 500, "internal", NULL, "kesalahan server; lihat log server");
}

const char *http_query(struct http_req *r, const char *name)
{
	const char *v = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
	return v ? v : "";
}

const char *http_header(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

static void add_common_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
}

static enum MHD_Result send_reply(struct http_req *r)
{
	struct MHD_Response *resp;
	if (r->json) {
		char *text = json_dumps(r->json, JSON_COMPACT | JSON_REAL_PRECISION(10));
		if (!text)
			return MHD_NO;
		size_t n = strlen(text);
		text[n] = '\n'; /* the NUL becomes a final newline */
		resp = MHD_create_response_from_buffer_with_free_callback(n + 1, text, free);
		if (!resp) {
			free(text);
			return MHD_NO;
		}
		MHD_add_response_header(resp, "Content-Type", "application/json; charset=utf-8");
	} else {
		resp = MHD_create_response_from_buffer_with_free_callback(
			r->raw_len, r->raw ? r->raw : (char *)"", r->raw ? free : NULL);
		if (!resp)
			return MHD_NO;
		r->raw = NULL;
		if (r->content_type)
			MHD_add_response_header(resp, "Content-Type", r->content_type);
		if (r->disposition[0])
			MHD_add_response_header(resp, "Content-Disposition", r->disposition);
	}
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (r->set_cookie[0])
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (r->retry_after[0])
		MHD_add_response_header(resp, "Retry-After", r->retry_after);
	if (r->status == 405 && r->route == NULL && r->disposition[0])
		MHD_add_response_header(resp, "Allow", r->disposition);
	if (r->status == 401)
		MHD_add_response_header(resp, "WWW-Authenticate", "Bearer realm=\"jaring\"");
	add_common_headers(resp);
	enum MHD_Result ret = MHD_queue_response(r->conn, r->status, resp);
	MHD_destroy_response(resp);
	r->queued = true;
	return ret;
}

/* ---- static files ---- */

static const char *content_type_of(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".html", "text/html; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".json", "application/json; charset=utf-8"},
		{".map", "application/json; charset=utf-8"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".jpg", "image/jpeg"},
		{".ico", "image/x-icon"},
		{".woff2", "font/woff2"},
		{".woff", "font/woff"},
		{".txt", "text/plain; charset=utf-8"},
		{".csv", "text/csv; charset=utf-8"},
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < ARRAY_SIZE(types); i++)
		if (!strcmp(dot, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

/* A relative path of the URL is safe when no segment is empty, "." or ".." or hidden. */
static bool safe_relative(const char *rel)
{
	if (!*rel || strlen(rel) > 1024)
		return false;
	const char *seg = rel;
	for (;;) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if (n == 0 || seg[0] == '.')
			return false;
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)seg[i] < 0x20 || seg[i] == '\\')
				return false;
		if (!end)
			return true;
		seg = end + 1;
	}
}

static enum MHD_Result send_file(struct http_req *r, const char *dir, const char *rel)
{
	char path[4096];
	struct stat st;
	int n = snprintf(path, sizeof(path), "%s/%s", dir, rel);
	int fd = -1;
	if (n > 0 && (size_t)n < sizeof(path))
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		http_reply_error(r, 404, "not_found", NULL, "berkas %s tidak ada", r->path);
		return send_reply(r);
	}
	struct MHD_Response *resp = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (!resp) {
		close(fd);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type", content_type_of(rel));
	MHD_add_response_header(resp, "Cache-Control", "no-cache");
	add_common_headers(resp);
	enum MHD_Result ret = MHD_queue_response(r->conn, 200, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result serve_static(struct http_req *r)
{
	const char *p = r->path;
	if (strcmp(r->method, "GET") && strcmp(r->method, "HEAD")) {
		snprintf(r->disposition, sizeof(r->disposition), "GET, HEAD");
		http_reply_error(r, 405, "method_not_allowed", NULL,
				 "metode %s tidak diizinkan untuk %s", r->method, p);
		return send_reply(r);
	}
	if (!strcmp(p, "/"))
		return send_file(r, r->srv->o->web_dir, "index.html");
	if (!strncmp(p, "/vendor/", 8)) {
		const char *pkg = p + 8, *slash = strchr(pkg, '/');
		size_t n = slash ? (size_t)(slash - pkg) : 0;
		for (size_t i = 0; slash && i < r->srv->nvendor; i++)
			if (strlen(r->srv->vendor[i]) == n && !strncmp(r->srv->vendor[i], pkg, n) &&
			    safe_relative(pkg))
				return send_file(r, r->srv->o->vendor_dir, pkg);
		http_reply_error(r, 404, "not_found", NULL, "paket %s tidak tersedia", p);
		return send_reply(r);
	}
	if (!safe_relative(p + 1)) {
		http_reply_error(r, 404, "not_found", NULL, "berkas %s tidak ada", p);
		return send_reply(r);
	}
	return send_file(r, r->srv->o->web_dir, p + 1);
}

/* The npm packages of the UI: the keys of "dependencies" in package.json. */
static void load_vendor_allowlist(struct http_server *srv)
{
	json_error_t je;
	json_t *pkg = srv->o->package_json ? json_load_file(srv->o->package_json, 0, &je) : NULL;
	json_t *deps = json_object_get(pkg, "dependencies");
	const char *name;
	json_t *v;
	json_object_foreach(deps, name, v) {
		if (srv->nvendor < VENDOR_MAX && safe_relative(name) && !strchr(name, '/'))
			srv->vendor[srv->nvendor++] = strdup(name);
	}
	json_decref(pkg);
}

/* ---- dispatch ---- */

static bool role_allowed(enum http_access a, enum role role)
{
	switch (a) {
	case ACCESS_PUBLIC:
	case ACCESS_SIGNED:
		return true;
	case ACCESS_STAFF:
		return role == ROLE_ADMIN || role == ROLE_OFFICER || role == ROLE_VIEWER;
	case ACCESS_WRITE:
		return role == ROLE_ADMIN || role == ROLE_OFFICER || role == ROLE_PARTNER;
	case ACCESS_OFFICE:
		return role == ROLE_ADMIN || role == ROLE_OFFICER;
	case ACCESS_ADMIN:
		return role == ROLE_ADMIN;
	}
	return false;
}

static int64_t now_seconds(void)
{
	return (int64_t)time(NULL);
}

/* The user of a bearer token, from the cache or the store. */
static jr_err token_user(struct http_req *r, const char *token, bool *found, struct errbuf *eb)
{
	struct http_server *srv = r->srv;
	char hash[SECRET_HEX_SIZE];
	int64_t now = now_seconds();
	account_secret_hash(token, strlen(token), hash);
	unsigned idx = 0;
	for (int i = 0; i < 4; i++) /* the hash is random: its first digits pick the slot */
		idx = idx * 16 + (unsigned)(hash[i] <= '9' ? hash[i] - '0' : hash[i] - 'a' + 10);
	struct token_slot *slot = &srv->tokens[idx % TOKEN_CACHE_SLOTS];
	pthread_mutex_lock(&srv->token_mu);
	if (slot->until > now && !strcmp(slot->hash, hash)) {
		r->user = slot->user;
		pthread_mutex_unlock(&srv->token_mu);
		*found = true;
		return JR_EOK;
	}
	pthread_mutex_unlock(&srv->token_mu);
	jr_err err = store_accounts_token_find(r->s, hash, &r->user, found, eb);
	if (err == JR_EOK && *found) {
		memset(r->user.password_hash, 0, sizeof(r->user.password_hash));
		pthread_mutex_lock(&srv->token_mu);
		memcpy(slot->hash, hash, sizeof(hash));
		slot->user = r->user;
		slot->until = now + TOKEN_CACHE_SECONDS;
		pthread_mutex_unlock(&srv->token_mu);
	}
	return err;
}

/* Who is asking: a bearer token, else the session cookie.  False when a store error replied. */
static bool identify(struct http_req *r)
{
	char secret[128];
	struct errbuf eb;
	bool found = false;
	jr_err err = JR_EOK;
	const char *auth = http_header(r, "Authorization");
	if (auth && http_bearer_get(auth, secret, sizeof(secret))) {
		err = token_user(r, secret, &found, &eb);
		r->by_token = found;
	} else if (http_cookie_get(http_header(r, "Cookie"), "jaring_session", r->cookie,
				   sizeof(r->cookie))) {
		err = account_session_user(r->s, r->cookie, now_seconds(), &r->user, r->csrf,
					   &found, &eb);
	}
	if (err != JR_EOK) {
		http_reply_store_error(r, err, &eb);
		return false;
	}
	r->signed_in = found;
	if (!found)
		memset(&r->user, 0, sizeof(r->user));
	memset(r->user.password_hash, 0, sizeof(r->user.password_hash));
	return true;
}

static bool is_write(const char *method)
{
	return strcmp(method, "GET") && strcmp(method, "HEAD");
}

static bool csrf_ok(struct http_req *r)
{
	const char *t = http_header(r, "X-CSRF-Token");
	size_t n = strlen(r->csrf);
	return t && n == SECRET_HEX_SIZE - 1 && strlen(t) == n && !sodium_memcmp(t, r->csrf, n);
}

static void guarded_route(struct http_req *r);

static void run_route(struct http_req *r)
{
	const struct http_route *rt = r->route;
	if (r->body_too_big) {
		http_reply_error(r, 413, "too_large", NULL,
				 "badan permintaan melebihi batas %zu bait", rt->body_max);
		return;
	}
	/* A JSON body must say so: a cross-site HTML form cannot send
	 * application/json, so no other site can post a sign-in or a write. */
	if (rt->body_max == HTTP_JSON_BODY_MAX) {
		const char *ct = http_header(r, "Content-Type");
		if (!ct || strncasecmp(ct, "application/json", 16) ||
		    (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
			http_reply_error(r, 415, "unsupported_media_type", NULL,
					 "badan permintaan harus JSON (Content-Type: "
					 "application/json)");
			return;
		}
	}
	if (rt->access == ACCESS_PUBLIC) {
		rt->fn(r);
		return;
	}
	/* A read request sees one snapshot and takes the database's locks once. */
	bool reading = !is_write(r->method) && !rt->own_tx;
	struct errbuf eb;
	if (reading && store_browse_begin(r->s, &eb) != JR_EOK) {
		http_reply_store_error(r, JR_EDB, &eb);
		return;
	}
	guarded_route(r);
	if (reading)
		store_browse_end(r->s);
}

/* Who asks, and may they: then the handler. */
static void guarded_route(struct http_req *r)
{
	const struct http_route *rt = r->route;
	if (!identify(r))
		return;
	if (!r->signed_in) {
		http_reply_error(r, 401, "unauthenticated", NULL,
				 "perlu masuk (sesi atau token Bearer)");
		return;
	}
	if (is_write(r->method) && !r->by_token && !csrf_ok(r)) {
		http_reply_error(r, 403, "csrf", NULL, "header X-CSRF-Token tidak ada atau salah");
		return;
	}
	if (!role_allowed(rt->access, r->user.role)) {
		http_reply_error(r, 403, "forbidden", NULL, "peran %s tidak berhak atas %s %s",
				 role_name(r->user.role), r->method, rt->path);
		return;
	}
	rt->fn(r);
}

/* Finds the route; *path_known says whether some method serves the path. */
static const struct http_route *find_route(const char *method, const char *path,
					   char param[HTTP_PARAM_MAX], char *allow,
					   size_t allow_size)
{
	const struct http_route *hit = NULL;
	char p[HTTP_PARAM_MAX];
	size_t o = 0;
	allow[0] = '\0';
	for (size_t i = 0; i < http_route_count; i++) {
		const struct http_route *rt = &http_routes[i];
		if (!http_path_match(rt->path, path, p))
			continue;
		if (!strcmp(rt->method, method) ||
		    (!strcmp(method, "HEAD") && !strcmp(rt->method, "GET"))) {
			if (!hit) {
				hit = rt;
				memcpy(param, p, sizeof(p));
			}
		}
		int n = snprintf(allow + o, allow_size - o, "%s%s", o ? ", " : "", rt->method);
		if (n > 0 && (size_t)n < allow_size - o)
			o += (size_t)n;
	}
	return hit;
}

/* Runs the route on a database connection of the pool. */
static void handle(struct http_req *r)
{
	r->s = pool_take(r->srv);
	run_route(r);
	pool_give(r->srv, r->s);
	r->s = NULL;
	if (!r->status)
		http_reply_error(r, 500, "internal", NULL, "tidak ada jawaban");
}

/* Uploads, downloads and services that refresh aggregates may take long. */
static bool route_is_slow(const struct http_route *rt)
{
	return rt->body_max > HTTP_JSON_BODY_MAX || rt->own_tx || strstr(rt->path, ".csv") ||
	       strstr(rt->path, ".xlsx");
}

static void jobs_push(struct http_server *srv, struct http_req *r)
{
	pthread_mutex_lock(&srv->job_mu);
	r->next_job = NULL;
	if (srv->job_tail)
		srv->job_tail->next_job = r;
	else
		srv->job_head = r;
	srv->job_tail = r;
	pthread_cond_signal(&srv->job_cv);
	pthread_mutex_unlock(&srv->job_mu);
}

static void *job_thread(void *arg)
{
	struct http_server *srv = arg;
	for (;;) {
		pthread_mutex_lock(&srv->job_mu);
		while (!srv->job_head && !srv->jobs_stop)
			pthread_cond_wait(&srv->job_cv, &srv->job_mu);
		struct http_req *r = srv->job_head;
		if (!r) {
			pthread_mutex_unlock(&srv->job_mu);
			return NULL;
		}
		srv->job_head = r->next_job;
		if (!srv->job_head)
			srv->job_tail = NULL;
		pthread_mutex_unlock(&srv->job_mu);
		handle(r);
		r->job_done = true;
		MHD_resume_connection(r->conn);
	}
}

static void request_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			      enum MHD_RequestTerminationCode toe)
{
	struct http_server *srv = cls;
	struct http_req *r = *con_cls;
	(void)c;
	(void)toe;
	if (!r)
		return;
	if (r->in_flight_counted) {
		pthread_mutex_lock(&srv->mu);
		srv->in_flight--;
		pthread_cond_broadcast(&srv->cv);
		pthread_mutex_unlock(&srv->mu);
	}
	json_decref(r->json);
	free(r->raw);
	free(r->body);
	free(r);
	*con_cls = NULL;
}

static void today_of(const struct http_server *srv, struct date *d)
{
	if (srv->o->fixed_today) {
		*d = srv->o->today;
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	struct http_server *srv = cls;
	struct http_req *r = *con_cls;
	(void)version;
	if (!r) {
		char allow[128];
		r = calloc(1, sizeof(*r));
		if (!r)
			return MHD_NO;
		*con_cls = r;
		r->srv = srv;
		r->conn = conn;
		r->method = method;
		r->path = url;
		r->ref = srv->ref;
		pthread_mutex_lock(&srv->mu);
		srv->in_flight++;
		pthread_mutex_unlock(&srv->mu);
		r->in_flight_counted = true;
		if (strncmp(url, "/api/", 5) && strcmp(url, "/healthz"))
			return MHD_YES; /* static: no body, served at the end */
		r->route = find_route(method, url, r->param, allow, sizeof(allow));
		if (!r->route) {
			if (allow[0]) {
				snprintf(r->disposition, sizeof(r->disposition), "%s", allow);
				http_reply_error(r, 405, "method_not_allowed", NULL,
						 "metode %s tidak diizinkan untuk %s (boleh: %s)",
						 method, url, allow);
			} else {
				http_reply_error(r, 404, "not_found", NULL, "alamat %s tidak dikenal",
						 url);
			}
			return MHD_YES;
		}
		/* Refuse a declared body over the limit before reading it. */
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl) {
			char *end;
			errno = 0;
			unsigned long long v = strtoull(cl, &end, 10);
			if (errno || *end || v > r->route->body_max) {
				r->body_too_big = true;
				http_reply_error(r, 413, "too_large", NULL,
						 "badan permintaan melebihi batas %zu bait",
						 r->route->body_max);
				return send_reply(r);
			}
		}
		return MHD_YES;
	}
	if (r->queued) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (!r->route || r->status || r->body_too_big) {
			/* A body nobody reads, or past the limit (chunked, so not refused
			 * up front): dropped, and a client that keeps sending loses the
			 * connection (libmicrohttpd cannot answer before the body ends). */
			r->dropped += n;
			return r->dropped > DROP_MAX ? MHD_NO : MHD_YES;
		}
		if (n > r->route->body_max - r->body_len || r->body_len + n > r->route->body_max) {
			r->body_too_big = true;
			free(r->body);
			r->body = NULL;
			r->body_len = r->body_cap = 0;
			return MHD_YES;
		}
		if (r->body_len + n + 1 > r->body_cap) {
			size_t cap = r->body_cap ? r->body_cap : 4096;
			while (cap < r->body_len + n + 1)
				cap *= 2;
			char *b = realloc(r->body, cap);
			if (!b)
				return MHD_NO;
			r->body = b;
			r->body_cap = cap;
		}
		memcpy(r->body + r->body_len, upload_data, n);
		r->body_len += n;
		r->body[r->body_len] = '\0';
		return MHD_YES;
	}
	if (!r->route && !r->status)
		return serve_static(r);
	if (r->route && !r->status) {
		if (r->job_done) /* resumed after a job thread ran it */
			return send_reply(r);
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		snprintf(r->addr_buf, sizeof(r->addr_buf), "?");
		if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr,
				  r->addr_buf, sizeof(r->addr_buf));
		else if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6,
				  &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr,
				  r->addr_buf, sizeof(r->addr_buf));
		r->addr = r->addr_buf;
		today_of(srv, &r->today);
		if (route_is_slow(r->route)) {
			/* Off the connection thread, so that its other connections
			 * are served meanwhile; resumed when done. */
			MHD_suspend_connection(conn);
			jobs_push(srv, r);
			return MHD_YES;
		}
		handle(r);
	}
	return send_reply(r);
}

static void log_mhd(void *cls, const char *fmt, va_list ap) JR_PRINTF(2, 0);
static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("jaring serve: ", stderr);
	vfprintf(stderr, fmt, ap);
}

static void server_free(struct http_server *srv)
{
	for (size_t i = 0; i < srv->nconns; i++)
		store_close(srv->conns[i]);
	free(srv->conns);
	free(srv->busy);
	for (size_t i = 0; i < srv->nvendor; i++)
		free(srv->vendor[i]);
	refdata_free(srv->ref);
	pthread_mutex_lock(&srv->job_mu);
	srv->jobs_stop = true;
	pthread_cond_broadcast(&srv->job_cv);
	pthread_mutex_unlock(&srv->job_mu);
	for (size_t i = 0; i < srv->njob_threads; i++)
		pthread_join(srv->job_threads[i], NULL);
	pthread_mutex_destroy(&srv->mu);
	pthread_mutex_destroy(&srv->token_mu);
	pthread_mutex_destroy(&srv->job_mu);
	pthread_cond_destroy(&srv->job_cv);
	pthread_cond_destroy(&srv->cv);
}

jr_err http_serve(const struct http_opts *o, struct errbuf *eb)
{
	struct http_server srv = {.o = o};
	sigset_t sigs;
	unsigned threads = o->threads;
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 && n < 64 ? (unsigned)n : 2;
	}
	if (!account_init())
		return errbuf_set(eb, JR_EIO, "libsodium tidak dapat dimulai");
	pthread_mutex_init(&srv.mu, NULL);
	pthread_mutex_init(&srv.token_mu, NULL);
	pthread_mutex_init(&srv.job_mu, NULL);
	pthread_cond_init(&srv.job_cv, NULL);
	pthread_cond_init(&srv.cv, NULL);
	jr_err err = refdata_load(&srv.ref, eb);
	if (err != JR_EOK) {
		server_free(&srv);
		return err;
	}
	/* One connection per worker and per job thread. */
	srv.nconns = threads + JOB_THREADS;
	srv.conns = calloc(srv.nconns, sizeof(*srv.conns));
	srv.busy = calloc(srv.nconns, sizeof(*srv.busy));
	if (!srv.conns || !srv.busy) {
		server_free(&srv);
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	}
	for (size_t i = 0; i < srv.nconns; i++) {
		if ((err = store_open(o->db, STORE_EXISTING, &srv.conns[i], eb)) != JR_EOK) {
			srv.nconns = i;
			server_free(&srv);
			return err;
		}
	}
	load_vendor_allowlist(&srv);

	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)o->port)};
	if (inet_pton(AF_INET, o->host, &sa.sin_addr) != 1) {
		server_free(&srv);
		return errbuf_set(eb, JR_EUSAGE, "alamat %s bukan alamat IPv4", o->host);
	}
	/* Signals are taken by sigwait below, not by the worker threads. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	for (; srv.njob_threads < JOB_THREADS; srv.njob_threads++)
		if (pthread_create(&srv.job_threads[srv.njob_threads], NULL, job_thread, &srv))
			break;
	signal(SIGPIPE, SIG_IGN);
	srv.d = MHD_start_daemon(
		MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_USE_TURBO |
			MHD_ALLOW_SUSPEND_RESUME,
		0,
		NULL, NULL, on_request, &srv, MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT,
		(unsigned)IDLE_TIMEOUT_SECONDS, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		(size_t)HEADER_MEMORY, MHD_OPTION_CONNECTION_LIMIT, 1024u,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_NOTIFY_COMPLETED,
		request_completed, &srv, MHD_OPTION_END);
	if (!srv.d) {
		server_free(&srv);
		pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
		return errbuf_set(eb, JR_EIO, "tidak dapat mendengarkan di %s:%u (port terpakai?)",
				  o->host, o->port);
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(srv.d, MHD_DAEMON_INFO_BIND_PORT);
	fprintf(o->url_out, "http://%s:%u/\n", o->host, di ? di->port : o->port);
	fflush(o->url_out);

	int sig = 0;
	sigwait(&sigs, &sig);
	fprintf(stderr, "jaring serve: berhenti (sinyal %d); menunggu permintaan yang berjalan\n",
		sig);
	/* Stop accepting, let requests in flight finish, then stop. */
	MHD_socket ls = MHD_quiesce_daemon(srv.d);
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += SHUTDOWN_WAIT_SECONDS;
	pthread_mutex_lock(&srv.mu);
	while (srv.in_flight > 0 && pthread_cond_timedwait(&srv.cv, &srv.mu, &until) == 0)
		;
	pthread_mutex_unlock(&srv.mu);
	MHD_stop_daemon(srv.d);
	if (ls != MHD_INVALID_SOCKET)
		close(ls);
	server_free(&srv);
	pthread_sigmask(SIG_UNBLOCK, &sigs, NULL);
	return JR_EOK;
}
