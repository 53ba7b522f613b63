/*
 * cli.h - what the command-line front end shares: exit statuses, the global
 * options, and helpers to open the database and the reference data.
 *
 * Commands only parse arguments, call services and print; no rule or SQL
 * lives in cli/.
 */
#ifndef JARING_CLI_CLI_H
#define JARING_CLI_CLI_H

#include "compat.h"
#include "core/date.h"
#include "ingest/import.h"
#include "ingest/refdata.h"
#include "store/store.h"

/* Exit statuses (DESIGN.md "Command line"). */
enum {
	EXIT_DONE = 0,    /* done */
	EXIT_FAILED = 1,  /* failed, nothing written */
	EXIT_USAGE = 2,   /* wrong usage */
	EXIT_PARTIAL = 3, /* done, but some input was rejected (and reported) */
};

struct cli {
	const char *prog;  /* "jaring" */
	const char *db;    /* --db, $JARING_DB or ./jaring.db */
	struct date today; /* $JARING_TODAY (YYYY-MM-DD) or the local date */
};

/* Prints "jaring: MESSAGE" to stderr and returns EXIT_FAILED. */
int cli_fail(const char *fmt, ...) JR_PRINTF(1, 2);

/* Prints "jaring CMD: MESSAGE" and a pointer to --help; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) JR_PRINTF(2, 3);

/* True when argv holds -h or --help (before a "--"). */
bool cli_wants_help(int argc, char **argv);

/* Opens the store at cli->db; prints the reason and returns false on failure. */
bool cli_open_store(const struct cli *cli, enum store_open_mode mode, struct store **out);

/* Loads the embedded reference data; prints the reason and returns false on failure. */
bool cli_load_refdata(struct refdata **out);

/* Parses a non-negative decimal integer argument (whole string); false if bad. */
bool cli_parse_uint(const char *s, uint64_t max, uint64_t *out);

/* Writes n with Indonesian thousands dots ("22.000") into buf; returns buf. */
char *cli_fmt_count(int64_t n, char *buf, size_t size);

/* Writes a date the Indonesian way ("27 November 2019") into buf; returns buf. */
char *cli_fmt_date(struct date d, char *buf, size_t size);

/* Parses a --json style date option value; prints a usage error when bad. */
bool cli_parse_date_opt(const char *cmd, const char *opt, const char *value, struct date *out);

/* Prints o (indented, keys in order) and releases it; EXIT_DONE or EXIT_FAILED. */
typedef struct json_t json_t;
int cli_print_json(json_t *o);
/*
 * Writes o as one compact element of a JSON array streamed to stdout (a
 * comma unless first, a line break, indent) and releases it; false when o
 * is NULL (out of memory) or the write failed.  Lists of hundreds of
 * thousands of rows are streamed, not built whole.
 */
bool cli_json_item(json_t *o, bool first, const char *indent);
/* Parses a positive id argument; prints a usage error (returns false) when bad. */
bool cli_parse_id(const char *cmd, const char *what, const char *s, int64_t *out);

/* Runs one import of a file into the store (the kind's engine). */
typedef jr_err (*cli_import_fn)(void *ctx, struct store *s, const struct refdata *ref,
				const struct import_opts *o, struct import_result *res,
				struct errbuf *eb);
/*
 * Opens the store, runs run(ctx...) on o->path and reports as every import
 * does: issues on stderr (first ten) and in --errors, summary or --json on
 * stdout; exit 0, 3 (rows rejected) or 1 (nothing written).
 */
int cli_import_file(const struct cli *cli, const char *cmd, const char *kind,
		    struct import_opts *o, const char *errors_path, bool as_json,
		    cli_import_fn run, void *ctx);

typedef int (*cli_command_fn)(const struct cli *cli, int argc, char **argv);

int cmd_init(const struct cli *cli, int argc, char **argv);
int cmd_nik(const struct cli *cli, int argc, char **argv);
int cmd_iuran(const struct cli *cli, int argc, char **argv);
int cmd_import(const struct cli *cli, int argc, char **argv);
int cmd_export(const struct cli *cli, int argc, char **argv);
int cmd_demo(const struct cli *cli, int argc, char **argv);
int cmd_bill(const struct cli *cli, int argc, char **argv);
int cmd_arrears(const struct cli *cli, int argc, char **argv);
int cmd_coverage(const struct cli *cli, int argc, char **argv);
int cmd_partner(const struct cli *cli, int argc, char **argv);
int cmd_mou(const struct cli *cli, int argc, char **argv);
int cmd_cohort(const struct cli *cli, int argc, char **argv);
int cmd_target(const struct cli *cli, int argc, char **argv);
int cmd_serve(const struct cli *cli, int argc, char **argv);
int cmd_user(const struct cli *cli, int argc, char **argv);
int cmd_token(const struct cli *cli, int argc, char **argv);
int cmd_construction(const struct cli *cli, int argc, char **argv);
int cmd_compliance(const struct cli *cli, int argc, char **argv);
int cmd_link(const struct cli *cli, int argc, char **argv);
int cmd_leads(const struct cli *cli, int argc, char **argv);

#endif
