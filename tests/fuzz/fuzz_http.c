/*
 * fuzz_http.c - libFuzzer harness for the server's parsing of requests
 * (src/http/parse.c): path matching against every route, the Cookie and
 * Authorization headers, the paging parameters and JSON body decoding.
 *
 * The input is split at its first five newlines: path, Cookie header,
 * Authorization header, limit, cursor; the rest is the body.  Checked:
 * nothing crashes or leaks; a matched {param} never holds '/' or is "..";
 * a cursor read back after formatting is the same key; limits stay in range.
 */
#include "compat.h"
#include "http/http_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The next line of in[*off..size) as a NUL-terminated copy in buf. */
static void next_line(const uint8_t *in, size_t size, size_t *off, char *buf, size_t cap)
{
	size_t n = 0;
	while (*off < size && in[*off] != '\n') {
		if (n + 1 < cap && in[*off] != '\0')
			buf[n++] = (char)in[*off];
		(*off)++;
	}
	if (*off < size)
		(*off)++;
	buf[n] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[2048], cookie[2048], auth[2048], limit[64], cursor[64], out[256];
	char param[HTTP_PARAM_MAX];
	size_t off = 0;
	next_line(data, size, &off, path, sizeof(path));
	next_line(data, size, &off, cookie, sizeof(cookie));
	next_line(data, size, &off, auth, sizeof(auth));
	next_line(data, size, &off, limit, sizeof(limit));
	next_line(data, size, &off, cursor, sizeof(cursor));

	for (size_t i = 0; i < http_route_count; i++) {
		if (http_path_match(http_routes[i].path, path, param)) {
			if (strchr(param, '/') || !strcmp(param, ".."))
				abort();
			if (!strchr(http_routes[i].path, '{') && strcmp(path, http_routes[i].path))
				abort();
		}
	}
	if (http_cookie_get(cookie, "jaring_session", out, sizeof(out)) && strchr(out, ';'))
		abort();
	if (http_bearer_get(auth, out, sizeof(out)) && (strchr(out, ' ') || !*out))
		abort();
	int64_t v;
	if (http_parse_limit(limit, &v) && (v < 1 || v > HTTP_LIST_MAX))
		abort();
	if (http_parse_cursor(cursor, &v) && v) {
		char again[32];
		int64_t w;
		http_format_cursor(v, again);
		if (!http_parse_cursor(again, &w) || w != v)
			abort();
	}
	struct errbuf eb;
	json_t *o = http_json_object((const char *)data + off, size - off, &eb);
	if (o) {
		json_t *fields = NULL;
		const char *u = http_json_string(o, "username", USER_NAME_MAX, true, &fields);
		const char *p = http_json_string(o, "password", 256, true, &fields);
		if ((!u || !p) == (fields == NULL))
			abort();
		json_decref(fields);
		json_decref(o);
	} else if (!eb.msg[0]) {
		abort();
	}
	char masked[NIK_DIGITS + 1];
	http_mask_nik(path, masked);
	if (strlen(masked) != NIK_DIGITS)
		abort();
	return 0;
}
