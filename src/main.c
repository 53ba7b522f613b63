/*
 * main.c - the `jaring` command: global options, then one command.
 *
 *   jaring [--db PATH] COMMAND [ARGS...]
 *
 * Exit status: 0 done, 1 failed (nothing written), 2 wrong usage, 3 done but
 * some input rows were rejected (and reported).
 */
#include "compat.h"

#include <time.h>

#include "cli/cli.h"

static const struct {
	const char *name;
	cli_command_fn fn;
	const char *summary;
} commands[] = {
	{"init", cmd_init, "buat atau perbarui basis data dan data referensinya"},
	{"nik", cmd_nik, "periksa dan uraikan NIK"},
	{"iuran", cmd_iuran, "hitung iuran satu peserta untuk satu bulan, per program"},
	{"import", cmd_import,
	 "impor berkas CSV: employers, workers, payments, partners, agreements, units, workforce, targets"},
	{"export", cmd_export, "ekspor pemberi kerja atau tenaga kerja ke CSV"},
	{"demo", cmd_demo, "bangun basis data demonstrasi (Kota Pekalongan)"},
	{"bill", cmd_bill, "tagihan iuran satu bulan untuk setiap pembayar"},
	{"partner", cmd_partner, "mitra: pemerintah daerah, OPD, ormas, asosiasi, dan unitnya"},
	{"mou", cmd_mou, "PKS/MoU dengan mitra dan kartu capaiannya"},
	{"cohort", cmd_cohort, "daftarkan kohort peserta yang dibayar mitra; anggota, perpanjangan"},
	{"target", cmd_target, "target peserta aktif per wilayah, tahun dan segmen"},
	{"coverage", cmd_coverage, "cakupan: peserta aktif dibanding angkatan kerja dan target"},
	{"arrears", cmd_arrears, "tunggakan iuran per pembayar, menurut umur, dengan denda"},
	{"serve", cmd_serve, "sajikan antarmuka web dan API JSON"},
	{"user", cmd_user, "akun pengguna dan perannya"},
	{"token", cmd_token, "token Bearer untuk klien API"},
};

static void usage(FILE *f)
{
	fprintf(f,
		"Jaring - kepesertaan dan iuran BPJS Ketenagakerjaan untuk kantor cabang dan mitra\n"
		"\n"
		"Pemakaian: jaring [--db PATH] PERINTAH [ARGUMEN...]\n"
		"\n"
		"Perintah:\n");
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f,
		"\n"
		"Opsi umum:\n"
		"  --db PATH   berkas basis data SQLite (bawaan: $JARING_DB, lalu ./jaring.db)\n"
		"  --version   tampilkan versi\n"
		"  -h, --help  bantuan ini; `jaring PERINTAH --help` untuk tiap perintah\n"
		"\n"
		"Status keluar: 0 selesai, 1 gagal (tidak ada yang ditulis), 2 salah pemakaian,\n"
		"3 selesai tetapi sebagian baris ditolak (dan dilaporkan).\n");
}

/* Today, or $JARING_TODAY (YYYY-MM-DD) so that tests and demos are reproducible. */
static bool today(struct date *d)
{
	const char *env = getenv("JARING_TODAY");
	if (env && *env)
		return date_parse(env, strlen(env), d, NULL) == JR_EOK;
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return false;
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
	return true;
}

int main(int argc, char **argv)
{
	struct cli cli = {.prog = "jaring"};
	int i = 1;

	cli.db = getenv("JARING_DB");
	if (!cli.db || !*cli.db)
		cli.db = "jaring.db";
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--db")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "jaring: --db perlu PATH berkas basis data\n");
				return EXIT_USAGE;
			}
			cli.db = argv[++i];
		} else if (!strncmp(a, "--db=", 5)) {
			cli.db = a + 5;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return EXIT_DONE;
		} else if (!strcmp(a, "--version")) {
			printf("jaring 0.1.0\n");
			return EXIT_DONE;
		} else {
			fprintf(stderr, "jaring: opsi '%s' tidak dikenal\n\n", a);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!*cli.db) {
		fprintf(stderr, "jaring: --db kosong\n");
		return EXIT_USAGE;
	}
	if (!today(&cli.today)) {
		fprintf(stderr, "jaring: JARING_TODAY harus YYYY-MM-DD\n");
		return EXIT_USAGE;
	}
	for (size_t c = 0; c < ARRAY_SIZE(commands); c++)
		if (!strcmp(argv[i], commands[c].name))
			return commands[c].fn(&cli, argc - i, argv + i);
	fprintf(stderr, "jaring: perintah '%s' tidak dikenal\n\n", argv[i]);
	usage(stderr);
	return EXIT_USAGE;
}
