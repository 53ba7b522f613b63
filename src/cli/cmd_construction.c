/* cmd_construction.c - `jaring construction`: procurement packages against registered JAKON projects. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "construction/construction.h"
#include "core/money.h"
#include "store/licensing.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] construction [--json] [--unregistered] [--limit N] [--leads]\n"
	"\n"
	"Paket Pekerjaan Konstruksi dari data pengadaan (jaring import sirup) dicocokkan\n"
	"dengan proyek JAKON yang terdaftar (jaring import projects): menurut kode RUP,\n"
	"atau nama paket + satker + tahun.  Untuk tiap paket: nilai (nilai kontrak, atau\n"
	"HPS, atau pagu), iuran JAKON yang seharusnya menurut tarif bertingkat nilai\n"
	"kontrak (Permenaker 44/2015 jo. 5/2021), terdaftar atau belum, dan satker\n"
	"pemiliknya untuk ditindaklanjuti.  Cakupan tenaga kerja: peserta JAKON pada proyek\n"
	"terdaftar dibanding perkiraan (1 pekerja per Rp100 juta nilai; docs/rules.md).\n"
	"Tender yang gagal/batal tidak dihitung.\n"
	"\n"
	"  --json           {packages: [{kd_rup, name, owner, value, expected_iuran,\n"
	"                   registered, ...}], total_expected, total_registered, workers}\n"
	"                   (rupiah, dibulatkan)\n"
	"  --unregistered   hanya paket yang belum terdaftar\n"
	"  --limit N        baris tabel (bawaan 30; 0 = semua)\n"
	"  --leads          jadikan paket yang belum terdaftar prospek (jaring leads, sumber\n"
	"                   sirup): satker pemilik, perkiraan pekerja, iuran JAKON dibagi 7 bulan\n";

static json_t *rupiah(int64_t sen)
{
	return json_integer((json_int_t)(money_round_rupiah(sen) / SEN_PER_RUPIAH));
}

static int print_json(const struct construction_report *r, bool only_unreg)
{
	json_t *o = json_object(), *a = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct construction_row *w = &r->row[i];
		if (only_unreg && w->registered)
			continue;
		json_t *j = json_pack(
			"{s:s, s:s, s:s, s:o, s:o, s:b, s:s, s:s, s:I, s:s, s:I, s:I, s:s, s:s}",
			"kd_rup", w->pk.p.kd_rup, "name", w->pk.p.name, "owner", w->pk.p.owner,
			"value", rupiah(w->pk.p.value_sen), "expected_iuran",
			rupiah(w->pk.p.expected_sen), "registered", w->registered, "value_source",
			sirup_value_source_name(w->pk.p.value_source), "status", w->pk.p.status,
			"year", (json_int_t)w->pk.p.year, "match", w->match, "expected_workers",
			(json_int_t)w->pk.p.expected_workers, "registered_workers",
			(json_int_t)w->registered_workers, "contractor_npp", w->contractor_npp,
			"contractor_name", w->contractor_name);
		if (!j) {
			json_decref(o);
			json_decref(a);
			return cli_fail("gagal menyusun JSON");
		}
		json_array_append_new(a, j);
	}
	json_object_set_new(o, "packages", a);
	json_object_set_new(o, "total_expected", rupiah(r->total_expected_sen));
	json_object_set_new(o, "total_registered", rupiah(r->total_registered_sen));
	json_object_set_new(o, "total_value", rupiah(r->total_value_sen));
	json_object_set_new(o, "packages_registered", json_integer((json_int_t)r->registered));
	json_object_set_new(o, "packages_failed", json_integer((json_int_t)r->failed));
	json_object_set_new(o, "workers",
			    json_pack("{s:I, s:I}", "expected", (json_int_t)r->workers_expected,
				      "registered", (json_int_t)r->workers_registered));
	int rc = json_dumpf(o, stdout, JSON_INDENT(2)) == 0 ? EXIT_DONE : EXIT_FAILED;
	fputc('\n', stdout);
	json_decref(o);
	return rc;
}

static void print_table(const struct construction_report *r, bool only_unreg, size_t limit)
{
	char a[MONEY_FMT_SIZE], b[MONEY_FMT_SIZE], c[MONEY_FMT_SIZE], n1[32], n2[32];
	money_format_rp(money_round_rupiah(r->total_value_sen), a);
	money_format_rp(r->total_expected_sen, b);
	money_format_rp(r->total_registered_sen, c);
	printf("Paket konstruksi: %zu (nilai %s), terdaftar %zu; %zu tender gagal/batal tidak "
	       "dihitung.\n",
	       r->n, a, r->registered, r->failed);
	printf("Iuran JAKON seharusnya %s, dari paket terdaftar %s.\n", b, c);
	printf("Tenaga kerja konstruksi: %s terdaftar dari perkiraan %s",
	       cli_fmt_count(r->workers_registered, n1, sizeof(n1)),
	       cli_fmt_count(r->workers_expected, n2, sizeof(n2)));
	if (r->workers_expected)
		printf(" (%lld%%)", (long long)(r->workers_registered * 100 / r->workers_expected));
	printf(".\n");
	if (!r->n)
		return;
	printf("\n%-12s %-44s %-32s %18s %12s  %s\n", "kd_rup", "paket", "satker", "nilai",
	       "iuran", "terdaftar");
	size_t shown = 0, left = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct construction_row *w = &r->row[i];
		if (only_unreg && w->registered)
			continue;
		if (limit && shown == limit) {
			left++;
			continue;
		}
		shown++;
		money_format_rp(money_round_rupiah(w->pk.p.value_sen), a);
		money_format_rp(w->pk.p.expected_sen, b);
		printf("%-12.12s %-44.44s %-32.32s %18s %12s  %s\n", w->pk.p.kd_rup, w->pk.p.name,
		       w->pk.p.owner, a, b, w->registered ? w->contractor_npp : "BELUM");
	}
	if (left)
		printf("... dan %zu paket lainnya (--limit 0 untuk semua, --json)\n", left);
}

int cmd_construction(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"unregistered", no_argument, NULL, 'u'},
		{"limit", required_argument, NULL, 'l'},
		{"leads", no_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool as_json = false, only_unreg = false, leads = false;
	uint64_t limit = 30;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			as_json = true;
			break;
		case 'u':
			only_unreg = true;
			break;
		case 'L':
			leads = true;
			break;
		case 'l':
			if (!cli_parse_uint(optarg, 100000000, &limit))
				return cli_usage_error("construction",
						       "--limit harus bilangan tak negatif");
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("construction",
					       "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("construction", "argumen '%s' tidak dikenal", argv[optind]);
	struct store *s;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	struct construction_report r;
	struct errbuf eb;
	struct store_leads_refresh lr = {0};
	jr_err err = construction_report(s, &r, &eb);
	if (err == JR_EOK && leads) {
		err = construction_leads_refresh(s, &r, cli->today, &lr, &eb);
		if (err != JR_EOK)
			construction_report_free(&r);
	}
	store_close(s);
	if (err != JR_EOK)
		return cli_fail("konstruksi: %s", eb.msg);
	if (leads)
		fprintf(as_json ? stderr : stdout,
			"Prospek konstruksi: %zu baru, %zu diperbarui, %zu sama, %zu gugur.\n",
			lr.inserted, lr.updated, lr.unchanged, lr.dropped);
	int rc = EXIT_DONE;
	if (as_json)
		rc = print_json(&r, only_unreg);
	else
		print_table(&r, only_unreg, (size_t)limit);
	construction_report_free(&r);
	return rc;
}
