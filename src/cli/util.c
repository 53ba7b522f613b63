/* util.c - helpers shared by the commands (see cli.h). */
#include "compat.h"

#include <jansson.h>

#include "cli/cli.h"

int cli_fail(const char *fmt, ...)
{
	va_list ap;
	fputs("jaring: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_FAILED;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "jaring %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nLihat `jaring %s --help`.\n", cmd);
	return EXIT_USAGE;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return true;
	}
	return false;
}

bool cli_open_store(const struct cli *cli, enum store_open_mode mode, struct store **out)
{
	struct errbuf eb;
	if (store_open(cli->db, mode, out, &eb) != JR_EOK) {
		cli_fail("%s", eb.msg);
		return false;
	}
	return true;
}

bool cli_load_refdata(struct refdata **out)
{
	struct errbuf eb;
	if (refdata_load(out, &eb) != JR_EOK) {
		cli_fail("data referensi rusak: %s", eb.msg);
		return false;
	}
	return true;
}

bool cli_parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	if (!s || !*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		unsigned d = (unsigned)(*s - '0');
		if (v > (max - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

char *cli_fmt_count(int64_t n, char *buf, size_t size)
{
	char digits[24];
	uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	int len = snprintf(digits, sizeof(digits), "%" PRIu64, u);
	size_t o = 0;
	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (int i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0 && o + 1 < size)
			buf[o++] = '.';
		if (o + 1 < size)
			buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

char *cli_fmt_date(struct date d, char *buf, size_t size)
{
	static const char *const months[] = {
		"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
		"Juli",    "Agustus",  "September", "Oktober", "November", "Desember",
	};
	if (d.month < 1 || d.month > 12)
		snprintf(buf, size, "?");
	else
		snprintf(buf, size, "%d %s %d", d.day, months[d.month - 1], d.year);
	return buf;
}

bool cli_parse_date_opt(const char *cmd, const char *opt, const char *value, struct date *out)
{
	struct errbuf eb;
	if (date_parse(value, strlen(value), out, &eb) != JR_EOK) {
		cli_usage_error(cmd, "%s '%s': %s", opt, value, eb.msg);
		return false;
	}
	return true;
}

int cli_print_json(json_t *o)
{
	if (!o)
		return cli_fail("memori tidak cukup");
	int rc = json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	fputc('\n', stdout);
	json_decref(o);
	return rc == 0 ? EXIT_DONE : cli_fail("gagal menulis JSON");
}

bool cli_parse_id(const char *cmd, const char *what, const char *s, int64_t *out)
{
	uint64_t v;
	if (!cli_parse_uint(s, INT64_MAX, &v) || v == 0) {
		cli_usage_error(cmd, "%s harus bilangan bulat positif: %s", what, s);
		return false;
	}
	*out = (int64_t)v;
	return true;
}

bool cli_json_item(json_t *o, bool first, const char *indent)
{
	if (!o)
		return false;
	printf("%s\n%s", first ? "" : ",", indent);
	int rc = json_dumpf(o, stdout, JSON_COMPACT);
	json_decref(o);
	return rc == 0;
}
