/* cmd_init.c - `jaring init`: create or migrate the database, install reference data. */
#include "compat.h"

#include "cli/cli.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] init\n"
	"\n"
	"Membuat basis data (bila belum ada), menjalankan migrasi skema, dan memasang\n"
	"data referensi yang dibawa program: kode wilayah Kemendagri (provinsi sampai\n"
	"kelurahan/desa), UMK Jawa Tengah 2019-2025, dan KBLI 2020.  Aman dijalankan\n"
	"berulang: yang sudah terpasang tidak ditulis ulang.\n";

int cmd_init(const struct cli *cli, int argc, char **argv)
{
	struct store *s;
	struct refdata *ref;
	struct errbuf eb;
	bool installed = false;
	int64_t regions = 0;
	char n[32];

	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_DONE;
	}
	if (argc > 1)
		return cli_usage_error("init", "argumen '%s' tidak dikenal", argv[1]);
	if (!cli_load_refdata(&ref))
		return EXIT_FAILED;
	if (!cli_open_store(cli, STORE_CREATE, &s)) {
		refdata_free(ref);
		return EXIT_FAILED;
	}
	jr_err err = store_begin(s, &eb);
	if (err == JR_EOK)
		err = refdata_install(s, ref, &installed, &eb);
	if (err == JR_EOK)
		err = store_commit(s, &eb);
	else
		store_rollback(s);
	if (err == JR_EOK)
		err = store_region_count(s, &regions, &eb);
	int version = store_schema_version(s);
	store_close(s);
	refdata_free(ref);
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	printf("Basis data %s siap: skema versi %d, %s wilayah%s.\n", cli->db, version,
	       cli_fmt_count(regions, n, sizeof(n)),
	       installed ? " (data referensi dipasang)" : "");
	return EXIT_DONE;
}
