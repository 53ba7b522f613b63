/*
 * cmd_coverage.c - `jaring coverage`: active participants against workforce
 * and targets, by a dimension or month by month.
 */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "coverage/coverage.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] coverage [--by DIMENSI] [--as-of TANGGAL] [--json]\n"
	"           jaring [--db PATH] coverage --monthly DARI SAMPAI [--json]\n"
	"\n"
	"Cakupan kepesertaan: kepesertaan aktif dibanding angkatan kerja (jaring import\n"
	"workforce) dan target (jaring import targets), serta pemberi kerja terdaftar\n"
	"dibanding yang diketahui (terdaftar + data perizinan yang belum terdaftar).\n"
	"\n"
	"  --by DIMENSI     region (kabupaten/kota), district (kecamatan), sector (kategori\n"
	"                   KBLI), segment (PU, BPU, JAKON, PMI), partner (mitra) atau\n"
	"                   employer-kind (jenis pemberi kerja); bawaan: segment.  Dua\n"
	"                   dimensi dengan koma: --by district,segment\n"
	"  --as-of TANGGAL  hari penghitungan (bawaan: hari ini)\n"
	"  --monthly DARI SAMPAI\n"
	"                   per bulan (YYYY-MM): aktif di akhir bulan, baru, berhenti,\n"
	"                   pertumbuhan, dan target tahun itu\n"
	"  --json           keluaran JSON: {as_of, by, rows[{key, label, active, workforce,\n"
	"                   coverage_pct, target, gap}], total, employers}; dengan\n"
	"                   --monthly: {months[{month, active, new, lapsed, growth,\n"
	"                   growth_pct, target}]}\n"
	"\n"
	"Kepesertaan aktif pada suatu hari: sudah mulai, belum berakhir, dan (BPU) tidak\n"
	"non-aktif karena menunggak.  Lihat docs/rules.md \"Cakupan\".\n"
	"\n"
	"Status keluar: 0 selesai, 1 gagal, 2 salah pemakaian.\n";

static bool parse_month(const char *s, int *out)
{
	struct date d;
	char buf[16];
	if (strlen(s) != 7 || s[4] != '-')
		return false;
	snprintf(buf, sizeof(buf), "%s-01", s);
	if (date_parse(buf, strlen(buf), &d, NULL) != JR_EOK)
		return false;
	*out = d.year * 100 + d.month;
	return true;
}

static void print_json(json_t *o)
{
	json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	fputc('\n', stdout);
}

static const char *fmt_opt(int64_t v, char *buf, size_t size)
{
	if (v < 0)
		return "-";
	return cli_fmt_count(v, buf, size);
}

/* "65,23 %" the Indonesian way; "-" unknown. */
static const char *fmt_pct(int64_t x100, char *buf, size_t size)
{
	if (x100 < 0)
		return "-";
	snprintf(buf, size, "%" PRId64 ",%02" PRId64 " %%", x100 / 100, x100 % 100);
	return buf;
}

static void print_row(const struct coverage_row *r)
{
	char a[32], w[32], p[32], t[32], g[32];
	int64_t gap = r->target < 0 ? -1 : r->target > r->active ? r->target - r->active : 0;
	printf("%-44.44s %10s %14s %9s %10s %10s\n", r->label, cli_fmt_count(r->active, a, sizeof(a)),
	       fmt_opt(r->workforce, w, sizeof(w)),
	       fmt_pct(coverage_pct_x100(r->active, r->workforce), p, sizeof(p)),
	       fmt_opt(r->target, t, sizeof(t)), fmt_opt(gap, g, sizeof(g)));
}

static void print_report(const struct coverage_report *r)
{
	char day[64], a[32], b[32], p[32];
	static const char *const head[COV_BY_COUNT] = {
		[COV_BY_REGION] = "Kabupaten/kota", [COV_BY_DISTRICT] = "Kecamatan",
		[COV_BY_SECTOR] = "Sektor (KBLI)", [COV_BY_SEGMENT] = "Segmen",
		[COV_BY_PARTNER] = "Mitra", [COV_BY_EKIND] = "Jenis pemberi kerja",
	};
	printf("Cakupan per %s%s%s pada %s", head[r->by] ? head[r->by] : "",
	       r->by2 ? " dan " : "", r->by2 && head[r->by2] ? head[r->by2] : "",
	       cli_fmt_date(r->as_of, day, sizeof(day)));
	if (r->workforce_year)
		printf(" (angkatan kerja %d)", r->workforce_year);
	printf("\n%-44s %10s %14s %9s %10s %10s\n", head[r->by] ? head[r->by] : "", "Aktif",
	       "Angkatan kerja", "Cakupan", "Target", "Kekurangan");
	for (size_t i = 0; i < r->n; i++)
		print_row(&r->rows[i]);
	print_row(&r->total);
	int64_t known = r->employers_registered + r->employers_unregistered;
	printf("Pemberi kerja: %s terdaftar dari %s yang diketahui (%s)\n",
	       cli_fmt_count(r->employers_registered, a, sizeof(a)),
	       cli_fmt_count(known, b, sizeof(b)),
	       fmt_pct(coverage_pct_x100(r->employers_registered, known), p, sizeof(p)));
}

static void print_months(const struct coverage_month *m, size_t n)
{
	static const char *const bulan[12] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
					      "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
	char a[32], b[32], c[32], d[32], t[32];
	printf("%-9s %10s %9s %9s %10s %10s\n", "Bulan", "Aktif", "Baru", "Berhenti", "Tumbuh",
	       "Target");
	for (size_t i = 0; i < n; i++) {
		char g[34];
		snprintf(g, sizeof(g), "%s%s", m[i].growth > 0 ? "+" : m[i].growth < 0 ? "-" : "",
			 cli_fmt_count(m[i].growth < 0 ? -m[i].growth : m[i].growth, d, sizeof(d)));
		printf("%s %04d  %10s %9s %9s %10s %10s\n", bulan[m[i].month % 100 - 1],
		       m[i].month / 100, cli_fmt_count(m[i].active, a, sizeof(a)),
		       cli_fmt_count(m[i].new_members, b, sizeof(b)),
		       cli_fmt_count(m[i].lapsed, c, sizeof(c)), g, fmt_opt(m[i].target, t, sizeof(t)));
	}
}

int cmd_coverage(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"by", required_argument, NULL, 'b'},
		{"as-of", required_argument, NULL, 'a'},
		{"monthly", no_argument, NULL, 'm'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum coverage_by by = COV_BY_SEGMENT, by2 = COV_BY_NONE;
	struct date as_of = cli->today;
	bool as_json = false, monthly = false;
	int c;

	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_DONE;
	}
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'b': {
			/* One dimension, or two separated by a comma (district,segment). */
			char first[32];
			const char *comma = strchr(optarg, ',');
			size_t len = comma ? (size_t)(comma - optarg) : strlen(optarg);
			snprintf(first, sizeof(first), "%.*s", (int)(len < 31 ? len : 31), optarg);
			by = coverage_by_parse(first);
			by2 = comma ? coverage_by_parse(comma + 1) : COV_BY_NONE;
			if (!by || (comma && !by2) || len > 31)
				return cli_usage_error("coverage", "--by tidak dikenal: %s", optarg);
			break;
		}
		case 'a':
			if (!cli_parse_date_opt("coverage", "--as-of", optarg, &as_of))
				return EXIT_USAGE;
			break;
		case 'm':
			monthly = true;
			break;
		case 'j':
			as_json = true;
			break;
		default:
			return cli_usage_error("coverage", "pilihan tidak dikenal: %s", argv[optind - 1]);
		}
	}
	int from = 0, to = 0;
	if (monthly) {
		if (argc - optind != 2)
			return cli_usage_error("coverage", "--monthly perlu DARI dan SAMPAI (YYYY-MM)");
		if (!parse_month(argv[optind], &from) || !parse_month(argv[optind + 1], &to))
			return cli_usage_error("coverage", "bulan harus YYYY-MM: %s %s", argv[optind],
					       argv[optind + 1]);
		if (to < from)
			return cli_usage_error("coverage", "SAMPAI sebelum DARI");
	} else if (optind < argc) {
		return cli_usage_error("coverage", "argumen tidak dikenal: %s", argv[optind]);
	}

	struct store *s;
	struct errbuf eb;
	int status = EXIT_DONE;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	if (monthly) {
		struct coverage_month *m;
		size_t n;
		jr_err err = coverage_monthly(s, from, to, cli->today, &m, &n, &eb);
		if (err != JR_EOK) {
			status = err == JR_EUSAGE ? cli_usage_error("coverage", "%s", eb.msg)
						  : cli_fail("%s", eb.msg);
		} else {
			if (as_json) {
				json_t *o = coverage_monthly_json(m, n);
				if (!o)
					status = cli_fail("memori tidak cukup");
				else
					print_json(o);
				json_decref(o);
			} else {
				print_months(m, n);
			}
			free(m);
		}
	} else {
		struct coverage_report r;
		jr_err err = coverage_report(s, by, by2, as_of, cli->today, &r, &eb);
		if (err != JR_EOK) {
			status = err == JR_EUSAGE ? cli_usage_error("coverage", "%s", eb.msg)
						  : cli_fail("%s", eb.msg);
		} else {
			if (as_json) {
				json_t *o = coverage_report_json(&r);
				if (!o)
					status = cli_fail("memori tidak cukup");
				else
					print_json(o);
				json_decref(o);
			} else {
				print_report(&r);
			}
			coverage_report_free(&r);
		}
	}
	store_close(s);
	return status;
}
