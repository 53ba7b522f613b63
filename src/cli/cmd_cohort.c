/*
 * cmd_cohort.c - `jaring cohort enrol|members|renewals`: a partner's list
 * enrolled under an agreement, its members, and whose cover ends soon.
 */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "partners/cohort.h"
#include "partners/partners.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] cohort enrol --agreement ID BERKAS [--date TANGGAL]\n"
	"                     [--dry-run] [--errors OUT.csv] [--json]\n"
	"           jaring [--db PATH] cohort members --agreement ID [--as-of TANGGAL] [--json]\n"
	"           jaring [--db PATH] cohort renewals [--agreement ID] [--as-of TANGGAL]\n"
	"                     [--days N] [--json]\n"
	"\n"
	"  enrol     daftar dari mitra (nik, nama, tgl_lahir, jenis_kelamin, pekerjaan,\n"
	"            alamat, kode_wilayah, telepon; penghasilan bila ada) menjadi peserta BPU\n"
	"            (JKK, JKM) yang iurannya dibayar mitra selama masa PKS: mulai pada\n"
	"            tanggal mulai PKS atau tanggal pendaftaran bila lebih akhir, berakhir\n"
	"            pada tanggal akhir PKS.  Orang yang sudah aktif di kepesertaan lain\n"
	"            ditolak (tidak didaftarkan dua kali); yang sudah terdaftar lewat PKS\n"
	"            ini tidak diubah.  Aturan impor biasa: baris salah dilaporkan, baris\n"
	"            benar masuk, satu transaksi.\n"
	"            --date     tanggal pendaftaran (bawaan: hari ini)\n"
	"  members   anggota kohort PKS itu, aktif atau tidak pada --as-of\n"
	"  renewals  anggota yang perlindungannya berakhir dalam --days hari (bawaan 30)\n"
	"            dan belum diperpanjang\n"
	"\n"
	"Status keluar: 0 selesai, 3 sebagian baris ditolak, 1 gagal (tidak ada yang\n"
	"ditulis), 2 salah pemakaian.\n";

static jr_err run_enrol(void *ctx, struct store *s, const struct refdata *ref,
			const struct import_opts *o, struct import_result *res, struct errbuf *eb)
{
	return cohort_enrol(s, ref, ctx, o, res, eb);
}

static int cohort_enrol_cmd(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"agreement", required_argument, NULL, 'a'},
		{"date", required_argument, NULL, 'd'},
		{"dry-run", no_argument, NULL, 'n'},
		{"errors", required_argument, NULL, 'e'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	struct import_opts o = {.today = cli->today};
	struct cohort_enrolment e = {.on = cli->today};
	const char *errors_path = NULL;
	bool as_json = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (!cli_parse_id("cohort", "--agreement", optarg, &e.agreement_id))
				return EXIT_USAGE;
			break;
		case 'd':
			if (!cli_parse_date_opt("cohort", "--date", optarg, &e.on))
				return EXIT_USAGE;
			break;
		case 'n':
			o.dry_run = true;
			break;
		case 'e':
			errors_path = optarg;
			break;
		case 'j':
			as_json = true;
			break;
		default:
			return cli_usage_error("cohort", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (!e.agreement_id)
		return cli_usage_error("cohort", "enrol perlu --agreement ID");
	if (argc - optind != 1)
		return cli_usage_error("cohort", "enrol perlu satu BERKAS");
	o.path = argv[optind];
	int status = cli_import_file(cli, "cohort", "cohort", &o, errors_path, as_json, run_enrol,
				     &e);
	if ((status == EXIT_DONE || status == EXIT_PARTIAL) && !as_json) {
		char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
		date_format_iso(e.start, a);
		date_format_iso(e.end, b);
		if (e.cohort_id)
			printf("Kohort %" PRId64 " di PKS %" PRId64 ": perlindungan %s s.d. %s, "
			       "iuran dibayar mitra %" PRId64 ".\n",
			       e.cohort_id, e.agreement_id, a, b, e.partner_id);
		if (e.already)
			printf("%zu orang sudah terdaftar lewat PKS ini sebelumnya (tidak diubah).\n",
			       e.already);
	}
	return status;
}

struct members {
	json_t *arr; /* NULL: print */
	bool nomem;
	size_t n;
};

static jr_err one_member(void *ctx, const struct store_cohort_member *m)
{
	struct members *l = ctx;
	char nik[NIK_DIGITS + 1], start[DATE_ISO_SIZE], end[DATE_ISO_SIZE];
	nik_from_int(m->nik, nik);
	date_format_iso(m->start, start);
	date_format_iso(m->end, end);
	l->n++;
	if (!l->arr) {
		printf("%-16s  %-32.32s %-11s %-24.24s %s  %s  %s\n", nik, m->name,
		       m->kpj[0] ? m->kpj : "-", m->occupation[0] ? m->occupation : "-", start, end,
		       m->active ? "aktif" : "tidak aktif");
		return JR_EOK;
	}
	json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:s, s:s, s:I, s:b}", "nik", nik, "name",
			      m->name, "kpj", m->kpj[0] ? json_string(m->kpj) : json_null(),
			      "occupation",
			      m->occupation[0] ? json_string(m->occupation) : json_null(),
			      "region_code",
			      m->region_code[0] ? json_string(m->region_code) : json_null(), "start",
			      start, "end", end, "cohort_id", (json_int_t)m->cohort_id, "active",
			      m->active);
	if (!o || json_array_append_new(l->arr, o) != 0)
		l->nomem = true;
	return JR_EOK;
}

static int cohort_list(const struct cli *cli, int argc, char **argv, bool renewals)
{
	static const struct option opts[] = {
		{"agreement", required_argument, NULL, 'a'},
		{"as-of", required_argument, NULL, 'o'},
		{"days", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	int64_t agreement = 0;
	struct date day = cli->today;
	uint64_t days = COHORT_RENEWAL_DAYS;
	bool as_json = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (!cli_parse_id("cohort", "--agreement", optarg, &agreement))
				return EXIT_USAGE;
			break;
		case 'o':
			if (!cli_parse_date_opt("cohort", "--as-of", optarg, &day))
				return EXIT_USAGE;
			break;
		case 'd':
			if (!renewals || !cli_parse_uint(optarg, 3660, &days))
				return cli_usage_error("cohort", "--days harus 0 sampai 3660 (renewals)");
			break;
		case 'j':
			as_json = true;
			break;
		default:
			return cli_usage_error("cohort", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("cohort", "argumen tidak dikenal: %s", argv[optind]);
	if (!renewals && !agreement)
		return cli_usage_error("cohort", "members perlu --agreement ID");
	struct store *s;
	struct errbuf eb;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	struct members l = {.arr = as_json ? json_array() : NULL};
	struct date until = date_from_days(date_to_days(day) + (int64_t)days);
	jr_err err = renewals
		? store_cohort_renewals_each(s, agreement, day, until, one_member, &l, &eb)
		: store_cohort_members_each(s, agreement, day, one_member, &l, &eb);
	store_close(s);
	if (err != JR_EOK) {
		json_decref(l.arr);
		return cli_fail("%s", eb.msg);
	}
	if (as_json) {
		char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
		date_format_iso(day, a);
		date_format_iso(until, b);
		if (l.nomem) {
			json_decref(l.arr);
			return cli_fail("memori tidak cukup");
		}
		return cli_print_json(renewals
			? json_pack("{s:s, s:s, s:o}", "as_of", a, "ends_by", b, "members", l.arr)
			: json_pack("{s:s, s:o}", "as_of", a, "members", l.arr));
	}
	printf("%zu orang%s.\n", l.n, renewals ? " perlu diperpanjang" : "");
	return EXIT_DONE;
}

int cmd_cohort(const struct cli *cli, int argc, char **argv)
{
	if (argc < 2) {
		fputs(help, stderr);
		return EXIT_USAGE;
	}
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "enrol") || !strcmp(argv[1], "enroll") || !strcmp(argv[1], "daftar"))
		return cohort_enrol_cmd(cli, argc - 1, argv + 1);
	if (!strcmp(argv[1], "members") || !strcmp(argv[1], "anggota"))
		return cohort_list(cli, argc - 1, argv + 1, false);
	if (!strcmp(argv[1], "renewals") || !strcmp(argv[1], "perpanjangan"))
		return cohort_list(cli, argc - 1, argv + 1, true);
	return cli_usage_error("cohort", "subperintah tidak dikenal: %s (enrol, members, renewals)",
			       argv[1]);
}
