/*
 * http.h - `jaring serve`: the web UI and the JSON API under /api/v1/
 * (docs/api.yaml) on libmicrohttpd's internal epoll thread pool.
 */
#ifndef JARING_HTTP_HTTP_H
#define JARING_HTTP_HTTP_H

#include "compat.h"
#include "core/date.h"
#include "core/err.h"

struct http_opts {
	const char *db;          /* database path */
	const char *host;        /* listen address, e.g. "127.0.0.1" */
	unsigned port;           /* 0: any free port */
	const char *web_dir;     /* the UI's files */
	const char *vendor_dir;  /* node_modules of the UI's npm packages */
	const char *package_json;/* the UI's package.json: its dependencies are the allowlist */
	unsigned threads;        /* worker threads; 0: one per CPU */
	bool fixed_today;        /* use today below instead of the clock (tests, demos) */
	struct date today;
	FILE *url_out;           /* where the URL line goes (stdout) */
};

/*
 * Serves until SIGTERM or SIGINT, then lets requests in flight finish and
 * closes the database.  Prints "http://HOST:PORT/" as the first line of
 * url_out once listening.  JR_EOK after a clean shutdown; otherwise eb says
 * why it could not start.
 */
jr_err http_serve(const struct http_opts *o, struct errbuf *eb);

/* Writes every route as "METHOD PATH ACCESS" lines (the API description test). */
void http_routes_print(FILE *f);

#endif
