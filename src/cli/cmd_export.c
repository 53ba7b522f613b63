/* cmd_export.c - `jaring export KIND`: write the registry as CSV. */
#include "compat.h"

#include <getopt.h>

#include "cli/cli.h"
#include "billing/terms.h"
#include "ingest/export.h"
#include "report/tables.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] export JENIS [-o BERKAS] [--format csv]\n"
	"           jaring [--db PATH] export bills|arrears [-o BERKAS] [--format csv|xlsx]\n"
	"                  [--period YYYY-MM] [--as-of TANGGAL]\n"
	"\n"
	"JENIS: employers (pemberi_kerja) atau workers (tenaga_kerja).  Menulis CSV dengan\n"
	"kolom yang sama seperti impor, sehingga berkas hasil ekspor dapat diimpor kembali.\n"
	"Tanpa -o, keluaran ke stdout.\n"
	"\n"
	"bills (tagihan): tagihan, terbaru dulu (--period: satu bulan saja); arrears\n"
	"(tunggakan): tunggakan per pembayar pada --as-of (bawaan hari ini).  Tabel yang sama\n"
	"dengan unduhan di antarmuka web; XLSX perlu -o.\n";

/* Writes len bytes to path through a temporary file (no half file on failure). */
static bool write_file(const char *path, const char *data, size_t len)
{
	char tmp[4096];
	int n = snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	FILE *f = n > 0 && (size_t)n < sizeof(tmp) ? fopen(tmp, "wb") : NULL;
	if (!f)
		return false;
	bool ok = fwrite(data, 1, len, f) == len;
	ok = fclose(f) == 0 && ok;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok)
		remove(tmp);
	return ok;
}

static int export_table(const struct cli *cli, const char *kind, bool xlsx, const char *out_path,
			int period, struct date as_of)
{
	struct store *s;
	struct report_table t;
	struct errbuf eb;
	if (xlsx && !out_path)
		return cli_usage_error("export", "--format xlsx perlu -o BERKAS");
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	struct store_browse_query q = {.period = period};
	jr_err err = !strcmp(kind, "bills")
			     ? report_bills_table(s, &q, &t, &eb)
			     : report_arrears_table(s, as_of, PAYER_KIND_NONE, 0, &t, &eb);
	store_close(s);
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	char *data = NULL;
	size_t len = 0, rows = json_array_size(t.rows);
	err = xlsx ? report_xlsx(&t, &data, &len, &eb) : report_csv(&t, &data, &len, &eb);
	report_table_free(&t);
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	bool ok = out_path ? write_file(out_path, data, len) : fwrite(data, 1, len, stdout) == len;
	free(data);
	if (!ok)
		return cli_fail("gagal menulis %s", out_path ? out_path : "keluaran");
	if (out_path)
		fprintf(stderr, "%zu baris ditulis ke %s\n", rows, out_path);
	return EXIT_DONE;
}

int cmd_export(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"period", required_argument, NULL, 'p'},
		{"as-of", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out_path = NULL;
	bool xlsx = false;
	int period = 0;
	struct date as_of = cli->today;
	struct errbuf eb;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_path = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "csv") && strcmp(optarg, "xlsx"))
				return cli_usage_error("export", "format '%s' belum didukung (csv, xlsx)",
						       optarg);
			xlsx = !strcmp(optarg, "xlsx");
			break;
		case 'p':
			if (period_parse(optarg, strlen(optarg), &period, &eb) != JR_EOK)
				return cli_usage_error("export", "--period '%s': %s", optarg, eb.msg);
			break;
		case 'a':
			if (!cli_parse_date_opt("export", "--as-of", optarg, &as_of))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("export", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error("export", "perlu JENIS (employers atau workers)");
	if (!strcmp(argv[optind], "bills") || !strcmp(argv[optind], "tagihan"))
		return export_table(cli, "bills", xlsx, out_path, period, as_of);
	if (!strcmp(argv[optind], "arrears") || !strcmp(argv[optind], "tunggakan"))
		return export_table(cli, "arrears", xlsx, out_path, period, as_of);
	if (xlsx)
		return cli_usage_error("export", "--format xlsx hanya untuk bills dan arrears");
	enum import_kind kind = import_kind_parse(argv[optind]);
	if (!kind)
		return cli_usage_error("export", "jenis '%s' tidak dikenal (employers atau workers)",
				       argv[optind]);
	struct store *s;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	/* Write to a temporary file and rename it, so a failed export leaves no half file. */
	char tmp[4096];
	FILE *out = stdout;
	if (out_path) {
		int n = snprintf(tmp, sizeof(tmp), "%s.tmp", out_path);
		if (n < 0 || (size_t)n >= sizeof(tmp) || !(out = fopen(tmp, "w"))) {
			store_close(s);
			return cli_fail("tidak dapat menulis %s: %s", out_path, strerror(errno));
		}
	}
	size_t rows = 0;
	jr_err err = export_csv(s, kind, out, &rows, &eb);
	store_close(s);
	if (out_path) {
		if (fclose(out) != 0 && err == JR_EOK)
			err = errbuf_set(&eb, JR_EIO, "gagal menulis %s", out_path);
		if (err == JR_EOK && rename(tmp, out_path) != 0)
			err = errbuf_set(&eb, JR_EIO, "gagal menulis %s: %s", out_path,
					 strerror(errno));
		if (err != JR_EOK)
			remove(tmp);
	}
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	if (out_path)
		fprintf(stderr, "%zu baris ditulis ke %s\n", rows, out_path);
	return EXIT_DONE;
}
