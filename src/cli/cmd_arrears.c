/* cmd_arrears.c - `jaring arrears`: who owes what, aged, with fines. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "billing/arrears.h"
#include "billing/terms.h"
#include "cli/cli.h"
#include "core/money.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] arrears [--as-of TANGGAL] [--json] [--limit N]\n"
	"\n"
	"Tunggakan iuran per pembayar pada suatu tanggal: yang belum dibayar menurut umurnya\n"
	"(belum jatuh tempo, terlambat 1-3 bulan, lebih dari 3 bulan), dendanya (2 % per\n"
	"bulan keterlambatan untuk pemberi kerja; 0,5 % untuk iuran Agustus 2020 - Januari\n"
	"2021), dan tanda bila manfaat JKK harus dibayar dulu oleh pemberi kerja (menunggak\n"
	"lebih dari 3 bulan).  Lihat docs/rules.md.\n"
	"\n"
	"  --as-of TANGGAL  tanggal acuan (bawaan: hari ini)\n"
	"  --json           semua pembayar sebagai JSON: as_of, payers[{payer, payer_kind, owed,\n"
	"                   fines, current, months_1_3, over_3, employer_pays_jkk_first}],\n"
	"                   total_owed, total_fines (rupiah)\n"
	"  --limit N        tampilkan N pembayar terbesar (bawaan 20; 0 = semua)\n";

/* Whole rupiah: bill lines and fines are rounded to the rupiah, so every sum is too. */
static json_t *rupiah(int64_t sen)
{
	return json_integer((json_int_t)(sen / SEN_PER_RUPIAH));
}

static bool print_json(const struct arrears_report *r)
{
	char day[DATE_ISO_SIZE];
	bool ok = true;
	date_format_iso(r->as_of, day);
	printf("{\n  \"as_of\": \"%s\",\n  \"payers\": [", day);
	for (size_t i = 0; i < r->n; i++) {
		const struct arrears_payer *p = &r->payer[i];
		json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:b}", "payer", p->code,
				      "payer_kind", payer_kind_name(p->kind), "owed",
				      rupiah(p->owed_sen), "fines", rupiah(p->fines_sen), "current",
				      rupiah(p->current_sen), "months_1_3", rupiah(p->months_1_3_sen),
				      "over_3", rupiah(p->over_3_sen), "employer_pays_jkk_first",
				      p->employer_pays_jkk_first);
		if (!cli_json_item(o, i == 0, "    "))
			ok = false;
	}
	json_t *t = json_pack("{s:o, s:o}", "total_owed", rupiah(r->total_owed_sen), "total_fines",
			      rupiah(r->total_fines_sen));
	if (!t)
		return false;
	char *tail = json_dumps(t, JSON_COMPACT);
	json_decref(t);
	if (!tail)
		return false;
	/* tail is {"total_owed":N,"total_fines":N}: continue the object with its inside. */
	size_t n = strlen(tail);
	printf("%s],\n  %.*s\n}\n", r->n ? "\n  " : "", (int)(n - 2), tail + 1);
	free(tail);
	return ok;
}

static void print_table(const struct arrears_report *r, size_t limit)
{
	char day[64], a[MONEY_FMT_SIZE], b[MONEY_FMT_SIZE], c[MONEY_FMT_SIZE], d[MONEY_FMT_SIZE],
		e[MONEY_FMT_SIZE], n[32], per[PERIOD_TEXT_SIZE];
	cli_fmt_date(r->as_of, day, sizeof(day));
	money_format_rp(r->total_owed_sen, a);
	money_format_rp(r->total_fines_sen, b);
	printf("Tunggakan per %s: %s pembayar, pokok %s, denda %s\n", day,
	       cli_fmt_count((int64_t)r->n, n, sizeof(n)), a, b);
	if (!r->n)
		return;
	printf("%-17s %-8s %16s %14s %16s %16s %16s  %s\n", "pembayar", "jenis", "pokok", "denda",
	       "belum jatuh tempo", "1-3 bulan", ">3 bulan", "sejak");
	size_t shown = limit && limit < r->n ? limit : r->n;
	for (size_t i = 0; i < shown; i++) {
		const struct arrears_payer *p = &r->payer[i];
		money_format_rp(p->owed_sen, a);
		money_format_rp(p->fines_sen, b);
		money_format_rp(p->current_sen, c);
		money_format_rp(p->months_1_3_sen, d);
		money_format_rp(p->over_3_sen, e);
		period_format(p->oldest_period, per);
		printf("%-17s %-8s %16s %14s %16s %16s %16s  %s%s\n", p->code,
		       p->kind == PAYER_KIND_EMPLOYER ? "PK" : p->kind == PAYER_KIND_PARTNER ? "mitra"
											 : "peserta",
		       a, b, c, d, e, p->oldest_period ? per : "-",
		       p->employer_pays_jkk_first ? "  JKK ditanggung PK dulu" : "");
	}
	if (shown < r->n)
		printf("... dan %s pembayar lainnya (--limit 0 untuk semua, --json)\n",
		       cli_fmt_count((int64_t)(r->n - shown), n, sizeof(n)));
}

int cmd_arrears(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"as-of", required_argument, NULL, 'a'},
		{"json", no_argument, NULL, 'j'},
		{"limit", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct date as_of = cli->today;
	bool as_json = false;
	uint64_t limit = 20;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (!cli_parse_date_opt("arrears", "--as-of", optarg, &as_of))
				return EXIT_USAGE;
			break;
		case 'j':
			as_json = true;
			break;
		case 'l':
			if (!cli_parse_uint(optarg, 100000000, &limit))
				return cli_usage_error("arrears", "--limit harus bilangan tak negatif");
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("arrears", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("arrears", "argumen '%s' tidak dikenal", argv[optind]);

	struct store *s;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	struct arrears_report r;
	struct errbuf eb;
	jr_err err = arrears_compute(s, as_of, &r, &eb);
	store_close(s);
	if (err != JR_EOK)
		return cli_fail("tunggakan: %s", eb.msg);
	bool ok = true;
	if (as_json)
		ok = print_json(&r);
	else
		print_table(&r, (size_t)limit);
	arrears_free(&r);
	return ok ? EXIT_DONE : cli_fail("gagal menulis keluaran");
}
