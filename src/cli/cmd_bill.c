/* cmd_bill.c - `jaring bill --period YYYY-MM`: the month's bills for every payer. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "billing/bill.h"
#include "billing/terms.h"
#include "cli/cli.h"
#include "core/money.h"
#include "ingest/rates.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] bill --period YYYY-MM [--json]\n"
	"\n"
	"Menagih iuran satu bulan: setiap kepesertaan yang aktif pada salah satu hari di\n"
	"bulan itu mendapat satu baris tagihan (iuran per program) pada tagihan pembayarnya:\n"
	"pemberi kerja (PU, Jakon), peserta (BPU), atau mitra yang membayar untuk kohort.\n"
	"Satu tagihan per pembayar per bulan.  Menjalankan ulang bulan yang sama tidak\n"
	"menggandakan apa pun, tidak mengubah tagihan yang sudah dibayar, dan menambahkan\n"
	"kepesertaan yang baru didaftarkan.  Peserta BPU yang menunggak 3 bulan menjadi\n"
	"non-aktif dan tidak ditagih.  Lihat docs/rules.md.\n"
	"\n"
	"  --period YYYY-MM  bulan iuran (wajib; paling awal 2015-07)\n"
	"  --json            tagihan bulan itu sebagai JSON: period, bills[{payer, payer_kind,\n"
	"                    lines, total}], total (rupiah)\n"
	"  --threads N       jumlah utas penghitung iuran (bawaan: satu per CPU)\n"
	"\n"
	"Status keluar: 0 selesai, 3 selesai tetapi ada kepesertaan yang tidak dapat\n"
	"dihitung (dilaporkan), 1 gagal (tidak ada yang ditulis), 2 salah pemakaian.\n";

#define ISSUES_SHOWN 10

struct issues {
	size_t shown, total;
};

static void on_issue(void *ctx, int64_t membership_id, const char *reason)
{
	struct issues *k = ctx;
	k->total++;
	if (k->shown < ISSUES_SHOWN) {
		k->shown++;
		fprintf(stderr, "kepesertaan %" PRId64 " tidak ditagih: %s\n", membership_id,
			reason);
	}
}

/* Whole rupiah: every line is rounded to the rupiah, so totals are too. */
static json_int_t rupiah(int64_t sen)
{
	return (json_int_t)(sen / SEN_PER_RUPIAH);
}

struct json_out {
	bool first;
	int64_t total_sen;
	bool failed;
};

static jr_err print_bill(void *ctx, const struct store_bill *b)
{
	struct json_out *j = ctx;
	json_t *o = json_pack("{s:s, s:s, s:I, s:I}", "payer", b->payer_code, "payer_kind",
			      payer_kind_name(b->payer_kind), "lines", (json_int_t)b->lines,
			      "total", rupiah(b->total_sen));
	if (!o)
		return JR_ENOMEM;
	if (!cli_json_item(o, j->first, "    "))
		j->failed = true;
	j->first = false;
	j->total_sen += b->total_sen;
	return JR_EOK;
}

/* Streams the period's bills: a large branch has hundreds of thousands. */
static bool print_json(struct store *s, int period, struct errbuf *eb)
{
	char p[PERIOD_TEXT_SIZE];
	struct json_out j = {.first = true};
	period_format(period, p);
	printf("{\n  \"period\": \"%s\",\n  \"bills\": [", p);
	if (store_bills_each(s, period, print_bill, &j, eb) != JR_EOK)
		return false;
	printf("%s],\n  \"total\": %" PRId64 "\n}\n", j.first ? "" : "\n  ",
	       j.total_sen / SEN_PER_RUPIAH);
	return !j.failed;
}

static void print_summary(const struct bill_summary *m)
{
	char p[PERIOD_TEXT_SIZE], a[32], b[32], c[32], d[32], rp[MONEY_FMT_SIZE];
	static const char *const kind_label[PAYER_KIND_COUNT] = {
		[PAYER_KIND_EMPLOYER] = "pemberi kerja",
		[PAYER_KIND_PARTICIPANT] = "peserta BPU",
		[PAYER_KIND_PARTNER] = "mitra",
	};
	period_format(m->period, p);
	money_format_rp(m->total_sen, rp);
	printf("Tagihan %s: %s tagihan, %s baris, total %s\n", p,
	       cli_fmt_count(m->bills, a, sizeof(a)), cli_fmt_count(m->lines, b, sizeof(b)), rp);
	for (int k = 1; k < PAYER_KIND_COUNT; k++) {
		if (!m->bills_by_kind[k])
			continue;
		money_format_rp(m->total_by_kind[k], rp);
		printf("  %-14s %10s tagihan  %s\n", kind_label[k],
		       cli_fmt_count(m->bills_by_kind[k], a, sizeof(a)), rp);
	}
	printf("Proses ini: %s baris baru, %s diubah, %s dihapus; %s tagihan baru",
	       cli_fmt_count(m->lines_added, a, sizeof(a)),
	       cli_fmt_count(m->lines_changed, b, sizeof(b)),
	       cli_fmt_count(m->lines_removed, c, sizeof(c)),
	       cli_fmt_count(m->bills_added, d, sizeof(d)));
	if (m->lines_kept_paid)
		printf("; %s baris pada tagihan yang sudah dibayar tidak diubah",
		       cli_fmt_count(m->lines_kept_paid, a, sizeof(a)));
	printf(".\n");
	if (m->skipped_lapsed || m->skipped_pmi || m->skipped_project || m->skipped_invalid) {
		printf("Tidak ditagih: %s BPU non-aktif (menunggak 3 bulan), %s Jakon tanpa upah "
		       "(iuran proyek dari nilai kontrak), %s PMI (iuran paket), %s tidak dapat "
		       "dihitung.\n",
		       cli_fmt_count(m->skipped_lapsed, a, sizeof(a)),
		       cli_fmt_count(m->skipped_project, b, sizeof(b)),
		       cli_fmt_count(m->skipped_pmi, c, sizeof(c)),
		       cli_fmt_count(m->skipped_invalid, d, sizeof(d)));
	}
	if (m->lapsed || m->reactivated)
		printf("Status BPU: %s menjadi non-aktif, %s aktif kembali.\n",
		       cli_fmt_count(m->lapsed, a, sizeof(a)),
		       cli_fmt_count(m->reactivated, b, sizeof(b)));
	if (m->credit_applied_sen) {
		money_format_rp(m->credit_applied_sen, rp);
		printf("Kredit lebih bayar dipakai: %s.\n", rp);
	}
}

int cmd_bill(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"json", no_argument, NULL, 'j'},
		{"threads", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct bill_opts o = {.today = cli->today};
	struct issues issues = {0};
	bool as_json = false, have_period = false;
	struct errbuf eb;
	uint64_t v;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (period_parse(optarg, strlen(optarg), &o.period, &eb) != JR_EOK)
				return cli_usage_error("bill", "--period '%s': %s", optarg, eb.msg);
			have_period = true;
			break;
		case 'j':
			as_json = true;
			break;
		case 't':
			if (!cli_parse_uint(optarg, 8, &v))
				return cli_usage_error("bill", "--threads harus 0 sampai 8");
			o.threads = (int)v;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("bill", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("bill", "argumen '%s' tidak dikenal", argv[optind]);
	if (!have_period)
		return cli_usage_error("bill", "perlu --period YYYY-MM");

	struct rates *rates;
	if (rates_load(&rates, &eb) != JR_EOK)
		return cli_fail("tabel tarif rusak: %s", eb.msg);
	struct store *s;
	if (!cli_open_store(cli, STORE_EXISTING, &s)) {
		rates_free(rates);
		return EXIT_FAILED;
	}
	o.on_issue = on_issue;
	o.issue_ctx = &issues;
	struct bill_summary sum;
	jr_err err = bill_run(s, rates, &o, &sum, &eb);
	if (issues.shown < issues.total)
		fprintf(stderr, "... dan %zu kepesertaan lainnya tidak dapat dihitung\n",
			issues.total - issues.shown);
	if (err == JR_EOK) {
		if (as_json) {
			errbuf_clear(&eb);
			if (!print_json(s, o.period, &eb))
				err = eb.msg[0] ? JR_EDB : JR_EIO;
		} else {
			print_summary(&sum);
		}
	}
	store_close(s);
	rates_free(rates);
	if (err != JR_EOK)
		return cli_fail("tagihan: %s", eb.msg[0] ? eb.msg : jr_strerror(err));
	return sum.skipped_invalid ? EXIT_PARTIAL : EXIT_DONE;
}
