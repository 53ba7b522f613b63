/*
 * parse.c - the server's parsing of outside input that libmicrohttpd does
 * not do for us: path patterns, cookies, bearer tokens, paging parameters
 * and JSON bodies.  Pure functions, fuzzed by tests/fuzz/fuzz_http.c.
 */
#include "compat.h"

#include <strings.h>

#include "http/http_int.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes s[0..n) into out; false on a bad escape, NUL, or overflow. */
static bool decode_segment(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%') {
			if (i + 2 >= n)
				return false;
			int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
			if (h < 0 || l < 0)
				return false;
			c = (char)(h * 16 + l);
			i += 2;
		}
		if (c == '\0' || c == '/' || o + 1 >= size)
			return false;
		out[o++] = c;
	}
	out[o] = '\0';
	return o > 0 && strcmp(out, "..") && strcmp(out, ".");
}

bool http_path_match(const char *pattern, const char *path, char param[HTTP_PARAM_MAX])
{
	const char *p = pattern, *u = path;
	param[0] = '\0';
	while (*p && *u) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			const char *end = strchr(u, '/');
			size_t n = end ? (size_t)(end - u) : strlen(u);
			if (!close || !decode_segment(u, n, param, HTTP_PARAM_MAX))
				return false;
			p = close + 1;
			u += n;
			continue;
		}
		if (*p != *u)
			return false;
		p++;
		u++;
	}
	return *p == '\0' && *u == '\0';
}

bool http_cookie_get(const char *header, const char *name, char *out, size_t size)
{
	size_t nlen = strlen(name);
	const char *c = header;
	if (!c)
		return false;
	while (*c) {
		while (*c == ' ' || *c == ';')
			c++;
		const char *end = strchr(c, ';');
		size_t n = end ? (size_t)(end - c) : strlen(c);
		if (n > nlen && !strncmp(c, name, nlen) && c[nlen] == '=') {
			size_t vlen = n - nlen - 1;
			if (vlen == 0 || vlen >= size)
				return false;
			memcpy(out, c + nlen + 1, vlen);
			out[vlen] = '\0';
			return true;
		}
		c += n;
	}
	return false;
}

bool http_bearer_get(const char *header, char *out, size_t size)
{
	if (!header || strncasecmp(header, "Bearer ", 7))
		return false;
	const char *t = header + 7;
	while (*t == ' ')
		t++;
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		n--;
	if (n == 0 || n >= size)
		return false;
	for (size_t i = 0; i < n; i++)
		if (t[i] <= ' ' || t[i] > '~')
			return false;
	memcpy(out, t, n);
	out[n] = '\0';
	return true;
}

static bool parse_digits(const char *s, int64_t max, int64_t *out)
{
	int64_t v = 0;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		int d = *s - '0';
		if (v > (max - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

bool http_parse_limit(const char *s, int64_t *out)
{
	if (!s || !*s) {
		*out = HTTP_LIST_DEFAULT;
		return true;
	}
	return parse_digits(s, HTTP_LIST_MAX, out) && *out >= 1;
}

bool http_parse_cursor(const char *s, int64_t *out)
{
	if (!s || !*s) {
		*out = 0;
		return true;
	}
	return s[0] == 'c' && parse_digits(s + 1, INT64_MAX, out) && *out > 0;
}

void http_format_cursor(int64_t key, char out[32])
{
	snprintf(out, 32, "c%" PRId64, key);
}

json_t *http_json_object(const char *body, size_t len, struct errbuf *eb)
{
	json_error_t je;
	if (!body || len == 0) {
		errbuf_set(eb, JR_EPARSE, "badan permintaan kosong; harus objek JSON");
		return NULL;
	}
	json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	if (!o) {
		errbuf_set(eb, JR_EPARSE, "JSON tidak sah pada baris %d kolom %d: %s", je.line,
			   je.column, je.text);
		return NULL;
	}
	if (!json_is_object(o)) {
		json_decref(o);
		errbuf_set(eb, JR_EPARSE, "badan permintaan harus objek JSON");
		return NULL;
	}
	return o;
}

static void field_problem(json_t **fields, const char *name, const char *reason)
{
	if (!*fields)
		*fields = json_object();
	if (*fields)
		json_object_set_new(*fields, name, json_string(reason));
}

const char *http_json_string(json_t *obj, const char *name, size_t max, bool required,
			     json_t **fields)
{
	json_t *v = json_object_get(obj, name);
	if (!v || json_is_null(v)) {
		if (required)
			field_problem(fields, name, "wajib diisi");
		return NULL;
	}
	if (!json_is_string(v)) {
		field_problem(fields, name, "harus teks");
		return NULL;
	}
	size_t n = json_string_length(v);
	const char *s = json_string_value(v);
	if (n > max) {
		field_problem(fields, name, "terlalu panjang");
		return NULL;
	}
	if (strlen(s) != n) {
		field_problem(fields, name, "mengandung karakter NUL");
		return NULL;
	}
	if (required && n == 0) {
		field_problem(fields, name, "wajib diisi");
		return NULL;
	}
	return s;
}

void http_mask_nik(const char *nik, char out[NIK_DIGITS + 1])
{
	size_t n = strlen(nik);
	if (n != NIK_DIGITS) {
		memset(out, '*', NIK_DIGITS);
		out[NIK_DIGITS] = '\0';
		return;
	}
	memcpy(out, nik, 4);
	memset(out + 4, '*', NIK_DIGITS - 8);
	memcpy(out + NIK_DIGITS - 4, nik + NIK_DIGITS - 4, 4);
	out[NIK_DIGITS] = '\0';
}
