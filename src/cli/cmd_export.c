/* cmd_export.c - `jaring export KIND`: write the registry as CSV. */
#include "compat.h"

#include <getopt.h>

#include "cli/cli.h"
#include "ingest/export.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] export JENIS [-o BERKAS] [--format csv]\n"
	"\n"
	"JENIS: employers (pemberi_kerja) atau workers (tenaga_kerja).  Menulis CSV dengan\n"
	"kolom yang sama seperti impor, sehingga berkas hasil ekspor dapat diimpor kembali.\n"
	"Tanpa -o, keluaran ke stdout.\n";

int cmd_export(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out_path = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_path = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "csv") != 0)
				return cli_usage_error("export", "format '%s' belum didukung (csv)",
						       optarg);
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
	struct errbuf eb;
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
