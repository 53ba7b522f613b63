/* cmd_import.c - `jaring import KIND FILE`: bring a CSV file into the registry. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "billing/payments.h"
#include "cli/cli.h"
#include "coverage/figures.h"
#include "partners/import.h"
#include "ingest/csvread.h"
#include "ingest/import.h"
#include "ingest/licences.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] import JENIS BERKAS [--dry-run] [--errors OUT.csv] [--json]\n"
	"\n"
	"JENIS: employers (pemberi_kerja), workers (tenaga_kerja), payments (pembayaran),\n"
	"partners (mitra), agreements (pks), units (unit mitra), workforce (angkatan_kerja),\n"
	"targets (target) atau licensing (perizinan: daftar izin usaha dari DPMPTSP/OSS).\n"
	"BERKAS: CSV\n"
	"(koma atau titik koma, UTF-8 dengan/tanpa BOM).  Judul kolom boleh bahasa Inggris\n"
	"atau Indonesia, urutan bebas; lihat docs/formats.md.\n"
	"\n"
	"Setiap baris diperiksa.  Baris yang salah ditolak dan dilaporkan (baris, kolom,\n"
	"nilai, alasan), baris yang benar masuk, semuanya dalam satu transaksi.  Impor\n"
	"ulang berkas yang sama tidak mengubah apa pun.\n"
	"\n"
	"  --dry-run        periksa dan laporkan saja, tanpa menyimpan\n"
	"  --errors FILE    tulis laporan baris ditolak/peringatan (line,column,value,reason)\n"
	"  --json           ringkasan sebagai JSON di stdout\n"
	"\n"
	"Status keluar: 0 semua baris masuk, 3 sebagian ditolak, 1 tidak ada yang ditulis.\n";

/* How many issues are echoed to stderr before the rest go only to --errors. */
#define ISSUES_SHOWN 10

struct issue_sink {
	FILE *report;    /* --errors file, or NULL */
	size_t shown, total;
	bool write_failed;
};

static void on_issue(void *ctx, const struct row_issue *is)
{
	struct issue_sink *k = ctx;
	char line[24];
	char reason[400];
	snprintf(reason, sizeof(reason), "%s%s", is->warning ? "peringatan: " : "", is->reason);
	k->total++;
	if (k->report) {
		snprintf(line, sizeof(line), "%zu", is->line);
		bool ok = csvout_field(k->report, line, strlen(line), ',') &&
			  fputc(',', k->report) != EOF &&
			  csvout_field(k->report, is->column, strlen(is->column), ',') &&
			  fputc(',', k->report) != EOF &&
			  csvout_field(k->report, is->value, is->value_len, ',') &&
			  fputc(',', k->report) != EOF &&
			  csvout_field(k->report, reason, strlen(reason), ',') &&
			  fputc('\n', k->report) != EOF;
		if (!ok)
			k->write_failed = true;
	}
	if (k->shown < ISSUES_SHOWN) {
		k->shown++;
		int vlen = is->value_len > 60 ? 60 : (int)is->value_len;
		fprintf(stderr, "baris %zu%s%s: %s%s%.*s%s\n", is->line, is->column[0] ? ", kolom " : "",
			is->column, reason, vlen ? " ('" : "", vlen, is->value, vlen ? "')" : "");
	}
}

struct progress {
	struct timespec start;
};

static double elapsed(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void on_progress(void *ctx, size_t rows, size_t offset, size_t size)
{
	struct progress *p = ctx;
	double secs = elapsed(&p->start);
	double rate = secs > 0 ? (double)rows / secs : 0;
	double left = (offset > 0 && size > offset) ? secs * (double)(size - offset) / (double)offset : 0;
	fprintf(stderr, "\r%zu baris, %.0f baris/detik, sisa sekitar %.0f detik   ", rows, rate, left);
}

static void print_summary(const struct import_result *r, const char *kind, bool dry_run,
			  const char *errors_path)
{
	char a[32], b[32], c[32], d[32], e[32];
	printf("%s %s: %s baris, %s masuk (%s baru, %s diperbarui, %s sama), %zu ditolak",
	       dry_run ? "Uji impor" : "Impor", kind, cli_fmt_count((int64_t)r->rows, a, sizeof(a)),
	       cli_fmt_count((int64_t)r->accepted, b, sizeof(b)),
	       cli_fmt_count((int64_t)r->inserted, c, sizeof(c)),
	       cli_fmt_count((int64_t)r->updated, d, sizeof(d)),
	       cli_fmt_count((int64_t)r->unchanged, e, sizeof(e)), r->rejected);
	if (r->warnings)
		printf(", %zu peringatan", r->warnings);
	printf(".\n");
	if (r->unknown_columns)
		printf("Kolom tidak dikenal diabaikan: %s.\n", r->unknown);
	if (dry_run)
		printf("Uji saja (--dry-run): tidak ada yang disimpan.\n");
	if ((r->rejected || r->warnings) && errors_path)
		printf("Laporan baris: %s\n", errors_path);
	else if (r->rejected)
		printf("Gunakan --errors FILE untuk laporan lengkap baris yang ditolak.\n");
}

static void print_json(const struct import_result *r, const char *kind, bool dry_run)
{
	json_t *o = json_pack("{s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:s}", "kind", kind,
			      "dry_run", dry_run, "rows", (json_int_t)r->rows, "accepted",
			      (json_int_t)r->accepted, "rejected", (json_int_t)r->rejected,
			      "warnings", (json_int_t)r->warnings, "inserted",
			      (json_int_t)r->inserted, "updated", (json_int_t)r->updated,
			      "unchanged", (json_int_t)r->unchanged, "unknown_columns", r->unknown);
	json_dumpf(o, stdout, JSON_INDENT(2));
	fputc('\n', stdout);
	json_decref(o);
}

/* True when both paths name one existing file (so writing one would destroy the other). */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* The runner of each kind: registry (pipeline), payments, small tables. */
struct kind_run {
	const char *kind; /* canonical */
	enum import_kind registry;
};

static jr_err run_kind(void *ctx, struct store *s, const struct refdata *ref,
		       const struct import_opts *o, struct import_result *res, struct errbuf *eb)
{
	const struct kind_run *k = ctx;
	if (k->registry)
		return import_run(s, ref, o, res, eb);
	if (!strcmp(k->kind, "payments"))
		return payments_import(s, o, res, eb);
	if (!strcmp(k->kind, "licensing"))
		return licensing_import(s, ref, o, res, eb);
	if (figures_import_kind(k->kind))
		return figures_import(s, ref, k->kind, o, res, eb);
	return partners_import(s, ref, k->kind, o, res, eb);
}

int cli_import_file(const struct cli *cli, const char *cmd, const char *kind,
		    struct import_opts *o, const char *errors_path, bool as_json,
		    cli_import_fn run, void *ctx)
{
	if (errors_path && same_file(errors_path, o->path))
		return cli_usage_error(cmd, "--errors tidak boleh menimpa berkas yang diimpor (%s)",
				       o->path);

	struct refdata *ref;
	struct store *s;
	if (!cli_load_refdata(&ref))
		return EXIT_FAILED;
	if (!cli_open_store(cli, STORE_EXISTING, &s)) {
		refdata_free(ref);
		return EXIT_FAILED;
	}
	struct issue_sink sink = {0};
	if (errors_path) {
		sink.report = fopen(errors_path, "w");
		if (!sink.report) {
			store_close(s);
			refdata_free(ref);
			return cli_fail("tidak dapat menulis %s: %s", errors_path, strerror(errno));
		}
		fputs("line,column,value,reason\n", sink.report);
	}
	struct progress prog;
	clock_gettime(CLOCK_MONOTONIC, &prog.start);
	o->on_issue = on_issue;
	o->issue_ctx = &sink;
	if (isatty(STDERR_FILENO)) {
		o->on_progress = on_progress;
		o->progress_ctx = &prog;
	}
	struct import_result res;
	struct errbuf eb;
	jr_err err = run(ctx, s, ref, o, &res, &eb);
	if (o->on_progress && res.rows >= 50000)
		fputs("\r\033[K", stderr);
	store_close(s);
	refdata_free(ref);
	if (sink.report && (fclose(sink.report) != 0 || sink.write_failed))
		fprintf(stderr, "jaring: gagal menulis laporan %s\n", errors_path);
	if (sink.shown < sink.total)
		fprintf(stderr, "... dan %zu lainnya%s\n", sink.total - sink.shown,
			errors_path ? " (lihat laporan)" : " (gunakan --errors FILE)");
	if (err != JR_EOK)
		return cli_fail("%s: %s; tidak ada yang disimpan", o->path, eb.msg);
	if (as_json)
		print_json(&res, kind, o->dry_run);
	else
		print_summary(&res, kind, o->dry_run, errors_path);
	return res.rejected ? EXIT_PARTIAL : EXIT_DONE;
}

int cmd_import(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dry-run", no_argument, NULL, 'n'},
		{"errors", required_argument, NULL, 'e'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct import_opts o = {.today = cli->today};
	const char *errors_path = NULL;
	bool as_json = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			o.dry_run = true;
			break;
		case 'e':
			errors_path = optarg;
			break;
		case 'j':
			as_json = true;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("import", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error("import", "perlu JENIS dan BERKAS");
	const char *name = argv[optind];
	struct kind_run k = {.registry = import_kind_parse(name)};
	if (k.registry)
		k.kind = import_kind_name(k.registry);
	else if (payments_kind_parse(name))
		k.kind = "payments";
	else if (licensing_kind_parse(name))
		k.kind = "licensing";
	else if (!(k.kind = figures_import_kind(name)))
		k.kind = partners_import_kind(name);
	if (!k.kind)
		return cli_usage_error("import",
				       "jenis '%s' tidak dikenal (employers, workers, payments, "
				       "partners, agreements, units, workforce, targets atau licensing)",
				       name);
	o.kind = k.registry;
	o.path = argv[optind + 1];
	return cli_import_file(cli, "import", k.kind, &o, errors_path, as_json, run_kind, &k);
}
