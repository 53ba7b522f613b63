/* cmd_leads.c - `jaring leads`: leads ranked by potential, their follow-up and conversion. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "core/money.h"
#include "leads/leads.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] leads [--status S] [--json] [--limit N]\n"
	"           jaring [--db PATH] leads step ID STATUS --officer NAMA [--date TANGGAL]\n"
	"                                     [--note TEKS]\n"
	"           jaring [--db PATH] leads history ID [--json]\n"
	"           jaring [--db PATH] leads conversion [--by month|officer] [--json]\n"
	"\n"
	"Prospek: usaha yang seharusnya terdaftar tetapi belum (PWBD), dari izin usaha yang\n"
	"tidak cocok dengan pemberi kerja mana pun (`jaring link`), diurutkan menurut potensi:\n"
	"tenaga kerja dan perkiraan iuran sebulan (upah rata-rata atau UMK kabupaten/kota,\n"
	"kelompok risiko JKK yang lazim untuk sektornya).  Lihat docs/rules.md \"Leads\".\n"
	"\n"
	"  --status S   hanya prospek berstatus S: new (baru), contacted (dihubungi),\n"
	"               visited (dikunjungi), registered (terdaftar), refused (menolak)\n"
	"  --json       [{id, source, source_ref, name, region_code, kbli, risk_group,\n"
	"               workers, monthly (rupiah), status, status_on, officer, note}]\n"
	"  --limit N    tampilkan N prospek teratas (teks; bawaan 20; 0 = semua)\n"
	"\n"
	"step: catat langkah tindak lanjut (maju saja: new -> contacted -> visited ->\n"
	"registered/refused; boleh melompat).  TANGGAL bawaan hari ini.\n"
	"history: semua langkah satu prospek.\n"
	"conversion: per bulan atau per petugas: langkah yang dicatat, yang terdaftar, yang\n"
	"menolak, tingkat konversi (terdaftar / selesai) dan potensi iuran yang terdaftar.\n";

static json_t *nullable(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

struct lister {
	bool json;
	size_t shown, limit, total;
	int64_t total_sen, workers;
	bool failed;
};

static jr_err print_lead(void *ctx, const struct store_lead *l)
{
	struct lister *p = ctx;
	char day[DATE_ISO_SIZE], money[MONEY_FMT_SIZE];
	date_format_iso(l->status_on, day);
	p->total++;
	p->total_sen += l->monthly_sen;
	p->workers += l->workers;
	if (p->json) {
		json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:I, s:I, s:s, s:s, s:o, s:o}",
				      "id", (json_int_t)l->id, "source", l->source, "source_ref",
				      l->source_ref, "name", l->name, "region_code",
				      nullable(l->region_code), "kbli", nullable(l->kbli),
				      "risk_group",
				      l->risk_group ? json_integer(l->risk_group) : json_null(),
				      "workers", (json_int_t)l->workers, "monthly",
				      (json_int_t)(l->monthly_sen / SEN_PER_RUPIAH), "status",
				      lead_status_name(l->status), "status_on", day, "officer",
				      nullable(l->officer), "note", nullable(l->note));
		if (!o)
			return JR_ENOMEM;
		if (!cli_json_item(o, p->total == 1, "  "))
			p->failed = true;
		return JR_EOK;
	}
	if (p->limit && p->shown >= p->limit)
		return JR_EOK;
	p->shown++;
	money_format_rp(l->monthly_sen, money);
	printf("%5" PRId64 "  %-13s %-34.34s %-13s %6" PRId64 " %14s  %-10s %s  %s\n", l->id,
	       l->source_ref, l->name, l->region_code[0] ? l->region_code : "-", l->workers, money,
	       lead_status_name(l->status), day, l->officer[0] ? l->officer : "-");
	return JR_EOK;
}

static int list(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"status", required_argument, NULL, 's'},
		{"json", no_argument, NULL, 'j'},
		{"limit", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum lead_status only = LEAD_NONE;
	struct lister p = {.limit = 20};
	uint64_t limit = 20;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (!(only = lead_status_parse(optarg, strlen(optarg))))
				return cli_usage_error("leads", "status harus new, contacted, visited, "
							"registered atau refused");
			break;
		case 'j':
			p.json = true;
			break;
		case 'l':
			if (!cli_parse_uint(optarg, 100000000, &limit))
				return cli_usage_error("leads", "--limit harus bilangan tak negatif");
			p.limit = (size_t)limit;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("leads", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("leads", "argumen '%s' tidak dikenal", argv[optind]);
	struct store *s;
	struct errbuf eb;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	if (p.json)
		fputs("[", stdout);
	else
		printf("%5s  %-13s %-34s %-13s %6s %14s  %-10s %-10s  %s\n", "id", "NIB", "nama",
		       "wilayah", "TK", "iuran/bulan", "status", "sejak", "petugas");
	jr_err err = store_leads_each(s, only, print_lead, &p, &eb);
	store_close(s);
	if (p.json) {
		fputs(p.total ? "\n]\n" : "]\n", stdout);
	} else {
		char a[32], b[32], m[MONEY_FMT_SIZE];
		money_format_rp(p.total_sen, m);
		if (p.shown < p.total)
			printf("... dan %zu prospek lainnya (--limit 0 untuk semua, --json)\n",
			       p.total - p.shown);
		printf("%s prospek, %s tenaga kerja, potensi iuran %s sebulan.\n",
		       cli_fmt_count((int64_t)p.total, a, sizeof(a)),
		       cli_fmt_count(p.workers, b, sizeof(b)), m);
	}
	if (err != JR_EOK)
		return cli_fail("membaca prospek: %s", eb.msg);
	return p.failed ? cli_fail("gagal menulis keluaran") : EXIT_DONE;
}

static int step(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"officer", required_argument, NULL, 'o'},
		{"date", required_argument, NULL, 'd'},
		{"note", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *officer = "", *note = "";
	struct date on = cli->today;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			officer = optarg;
			break;
		case 'd':
			if (!cli_parse_date_opt("leads step", "--date", optarg, &on))
				return EXIT_USAGE;
			break;
		case 'n':
			note = optarg;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("leads step", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error("leads step", "perlu ID dan STATUS");
	uint64_t id;
	if (!cli_parse_uint(argv[optind], INT64_MAX, &id) || id == 0)
		return cli_usage_error("leads step", "ID prospek harus bilangan positif");
	enum lead_status to = lead_status_parse(argv[optind + 1], strlen(argv[optind + 1]));
	if (!to || to == LEAD_NEW)
		return cli_usage_error("leads step", "STATUS harus contacted, visited, registered "
				       "atau refused");
	if (!*officer)
		return cli_usage_error("leads step", "--officer NAMA wajib");
	if (strlen(officer) >= OFFICER_SIZE || strlen(note) > TEXT_MAX_BYTES)
		return cli_usage_error("leads step", "nama petugas atau catatan terlalu panjang");
	struct store *s;
	struct errbuf eb;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	jr_err err = leads_step(s, (int64_t)id, to, on, officer, note, cli->today, &eb);
	store_close(s);
	if (err != JR_EOK)
		return cli_fail("prospek %" PRIu64 ": %s; tidak ada yang disimpan", id, eb.msg);
	char day[DATE_ISO_SIZE];
	date_format_iso(on, day);
	printf("Prospek %" PRIu64 ": %s pada %s oleh %s.\n", id, lead_status_name(to), day, officer);
	return EXIT_DONE;
}

struct history {
	bool json;
	size_t n;
	bool failed; /* writing the JSON failed */
};

static jr_err print_event(void *ctx, const struct store_lead_event *e)
{
	struct history *h = ctx;
	char day[DATE_ISO_SIZE];
	date_format_iso(e->on, day);
	if (h->json) {
		json_t *o = json_pack("{s:s, s:s, s:o, s:o}", "status", lead_status_name(e->status),
				      "on", day, "officer", nullable(e->officer), "note",
				      nullable(e->note));
		if (!o)
			return JR_ENOMEM;
		if (!cli_json_item(o, h->n == 0, "  "))
			h->failed = true;
	} else {
		printf("%s  %-10s  %-20s  %s\n", day, lead_status_name(e->status),
		       e->officer[0] ? e->officer : "-", e->note);
	}
	h->n++;
	return JR_EOK;
}

static int history(const struct cli *cli, int argc, char **argv)
{
	struct history h = {0};
	uint64_t id = 0;
	for (int i = optind; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			h.json = true;
		else if (!id && cli_parse_uint(argv[i], INT64_MAX, &id) && id)
			continue;
		else
			return cli_usage_error("leads history", "argumen '%s' tidak dikenal", argv[i]);
	}
	if (!id)
		return cli_usage_error("leads history", "perlu ID prospek");
	struct store *s;
	struct errbuf eb;
	struct store_lead l;
	bool found;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	jr_err err = store_lead_get(s, (int64_t)id, &l, &found, &eb);
	if (err == JR_EOK && !found) {
		store_close(s);
		return cli_fail("prospek %" PRIu64 " tidak ada", id);
	}
	if (err == JR_EOK) {
		if (h.json)
			fputs("[", stdout);
		else
			printf("Prospek %" PRIu64 ": %s (%s %s)\n", id, l.name, l.source, l.source_ref);
		err = store_lead_events_each(s, (int64_t)id, print_event, &h, &eb);
		if (h.json)
			fputs(h.n ? "\n]\n" : "]\n", stdout);
	}
	store_close(s);
	if (err == JR_EOK && h.failed)
		return cli_fail("gagal menulis JSON");
	return err == JR_EOK ? EXIT_DONE : cli_fail("membaca prospek: %s", eb.msg);
}

static int conversion(const struct cli *cli, int argc, char **argv)
{
	enum conversion_by by = CONVERSION_BY_MONTH;
	bool json = false;
	for (int i = optind; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!strcmp(argv[i], "--by") && i + 1 < argc) {
			const char *v = argv[++i];
			if (!strcmp(v, "month") || !strcmp(v, "bulan"))
				by = CONVERSION_BY_MONTH;
			else if (!strcmp(v, "officer") || !strcmp(v, "petugas"))
				by = CONVERSION_BY_OFFICER;
			else
				return cli_usage_error("leads conversion", "--by harus month atau officer");
		} else {
			return cli_usage_error("leads conversion", "argumen '%s' tidak dikenal", argv[i]);
		}
	}
	struct store *s;
	struct errbuf eb;
	struct conversion_row *rows;
	size_t n;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	jr_err err = leads_conversion(s, by, &rows, &n, &eb);
	store_close(s);
	if (err != JR_EOK)
		return cli_fail("konversi prospek: %s", eb.msg);
	const char *key = by == CONVERSION_BY_MONTH ? "month" : "officer";
	if (json)
		fputs("[", stdout);
	else
		printf("%-20s %6s %9s %10s %9s %7s %9s %16s\n",
		       by == CONVERSION_BY_MONTH ? "bulan" : "petugas", "baru", "dihubungi",
		       "dikunjungi", "terdaftar", "menolak", "konversi", "iuran terdaftar");
	for (size_t i = 0; i < n; i++) {
		const struct conversion_row *r = &rows[i];
		int64_t closed = r->registered + r->refused;
		if (json) {
			json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:o, s:I}", key, r->key,
					      "new", (json_int_t)r->created, "contacted",
					      (json_int_t)r->contacted, "visited",
					      (json_int_t)r->visited, "registered",
					      (json_int_t)r->registered, "refused",
					      (json_int_t)r->refused, "conversion",
					      closed ? json_real((double)r->registered / (double)closed)
						     : json_null(),
					      "registered_monthly",
					      (json_int_t)(r->registered_sen / SEN_PER_RUPIAH));
			if (!cli_json_item(o, i == 0, "  ")) {
				free(rows);
				return cli_fail("gagal menulis JSON");
			}
			continue;
		}
		char pct[16], money[MONEY_FMT_SIZE];
		if (closed)
			snprintf(pct, sizeof(pct), "%" PRId64 " %%", r->registered * 100 / closed);
		else
			snprintf(pct, sizeof(pct), "-");
		money_format_rp(r->registered_sen, money);
		printf("%-20.20s %6" PRId64 " %9" PRId64 " %10" PRId64 " %9" PRId64 " %7" PRId64
		       " %9s %16s\n",
		       r->key, r->created, r->contacted, r->visited, r->registered, r->refused, pct,
		       money);
	}
	if (json)
		fputs(n ? "\n]\n" : "]\n", stdout);
	free(rows);
	return EXIT_DONE;
}

int cmd_leads(const struct cli *cli, int argc, char **argv)
{
	optind = 1;
	opterr = 0;
	if (argc > 1 && !strcmp(argv[1], "step")) {
		optind = 2;
		return step(cli, argc, argv);
	}
	if (argc > 1 && !strcmp(argv[1], "history")) {
		optind = 2;
		return cli_wants_help(argc, argv) ? (fputs(help, stdout), EXIT_DONE)
						  : history(cli, argc, argv);
	}
	if (argc > 1 && !strcmp(argv[1], "conversion")) {
		optind = 2;
		return cli_wants_help(argc, argv) ? (fputs(help, stdout), EXIT_DONE)
						  : conversion(cli, argc, argv);
	}
	return list(cli, argc, argv);
}
