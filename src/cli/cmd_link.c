/* cmd_link.c - `jaring link`: licences linked to the employer registry, and their review. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>

#include "cli/cli.h"
#include "leads/link.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] link [--json] [--only match|review|none] [--limit N]\n"
	"           jaring [--db PATH] link review [--json]\n"
	"           jaring [--db PATH] link review --confirm ID [--npp NPP] --officer NAMA\n"
	"           jaring [--db PATH] link review --reject ID --officer NAMA\n"
	"\n"
	"Mencocokkan setiap izin usaha (jaring import licensing) dengan pemberi kerja\n"
	"terdaftar: NIB sama, lalu NPWP sama, lalu nama yang dinormalkan (bentuk usaha,\n"
	"tanda baca, ejaan lama, singkatan) di kabupaten/kota yang sama.  Keputusan:\n"
	"match (cocok), review (perlu diperiksa petugas) atau none (tidak terdaftar: menjadi\n"
	"prospek, lihat `jaring leads`).  Keputusan petugas tidak pernah diubah.  Lihat\n"
	"docs/rules.md \"Record linkage\".\n"
	"\n"
	"  --json           setiap izin sebagai JSON: [{licence_id, nib, name, decision,\n"
	"                   employer_npp, score, why, confirmed}]\n"
	"  --only KEPUTUSAN tampilkan hanya match, review atau none\n"
	"  --limit N        tampilkan N izin pertama (teks; bawaan semua)\n"
	"\n"
	"review: antrean izin yang perlu diperiksa; --confirm ID menetapkan izin ID milik\n"
	"calon pemberi kerjanya (atau --npp NPP), --reject ID menolak calonnya (izin menjadi\n"
	"prospek).  --officer wajib.\n";

struct printer {
	bool json;
	size_t shown, limit, total;
	bool failed;
};

static json_t *nullable(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static jr_err print_row(void *ctx, const struct store_link_row *r)
{
	struct printer *p = ctx;
	const struct licence *l = r->licence;
	const struct store_link *k = r->link;
	const char *decision = k->decision ? link_decision_name(k->decision) : "none";
	p->total++;
	if (p->json) {
		json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:o, s:f, s:s, s:i}", "licence_id",
				      (json_int_t)l->id, "nib", l->nib, "name", l->name, "decision",
				      decision, "employer_npp", nullable(r->employer_npp), "score",
				      round(k->score * 1000.0) / 1000.0, "why",
				      k->decision ? k->why : "belum dicocokkan", "confirmed",
				      k->confirmed);
		if (!o)
			return JR_ENOMEM;
		if (!cli_json_item(o, p->total == 1, "  "))
			p->failed = true;
		return JR_EOK;
	}
	if (p->limit && p->shown >= p->limit)
		return JR_EOK;
	p->shown++;
	printf("%6" PRId64 "  %-13s  %-6s %4.2f  %-11s %-34.34s  %s%s\n", l->id, l->nib, decision,
	       k->score, r->employer_npp[0] ? r->employer_npp : "-", l->name,
	       k->confirmed == 1 ? "[dikonfirmasi] " : k->confirmed == -1 ? "[ditolak] " : "",
	       k->why);
	return JR_EOK;
}

static int print_rows(struct store *s, enum link_decision only, bool json, size_t limit)
{
	struct printer p = {.json = json, .limit = limit};
	struct errbuf eb;
	if (json)
		fputs("[", stdout);
	else
		printf("%6s  %-13s  %-6s %4s  %-11s %-34s  %s\n", "izin", "NIB", "hasil", "skor",
		       "NPP", "nama", "alasan");
	jr_err err = store_link_rows_each(s, only, 0, print_row, &p, &eb);
	if (json)
		fputs(p.total ? "\n]\n" : "]\n", stdout);
	else if (p.shown < p.total)
		printf("... dan %zu izin lainnya (--limit 0 untuk semua, --json)\n",
		       p.total - p.shown);
	if (err != JR_EOK)
		return cli_fail("membaca hasil pencocokan: %s", eb.msg);
	return p.failed ? cli_fail("gagal menulis keluaran") : EXIT_DONE;
}

static bool parse_decision(const char *s, enum link_decision *d)
{
	if (!strcmp(s, "match") || !strcmp(s, "cocok"))
		*d = LINK_MATCH;
	else if (!strcmp(s, "review") || !strcmp(s, "periksa"))
		*d = LINK_REVIEW;
	else if (!strcmp(s, "none") || !strcmp(s, "tidak"))
		*d = LINK_NO_MATCH;
	else
		return false;
	return true;
}

static int review(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"confirm", required_argument, NULL, 'c'},
		{"reject", required_argument, NULL, 'r'},
		{"npp", required_argument, NULL, 'n'},
		{"officer", required_argument, NULL, 'o'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	uint64_t id = 0;
	bool confirm = false, decide = false, json = false;
	const char *npp = "", *officer = "";
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
		case 'r':
			if (decide)
				return cli_usage_error("link review", "--confirm atau --reject, satu saja");
			if (!cli_parse_uint(optarg, INT64_MAX, &id) || id == 0)
				return cli_usage_error("link review", "ID izin harus bilangan positif");
			decide = true;
			confirm = c == 'c';
			break;
		case 'n':
			npp = optarg;
			break;
		case 'o':
			officer = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("link review", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("link review", "argumen '%s' tidak dikenal", argv[optind]);
	if (decide && !*officer)
		return cli_usage_error("link review", "--officer NAMA wajib untuk keputusan");
	if (*npp && !confirm)
		return cli_usage_error("link review", "--npp hanya bersama --confirm");
	struct store *s;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	int rc = EXIT_DONE;
	if (!decide) {
		rc = print_rows(s, LINK_REVIEW, json, 0);
		store_close(s);
		return rc;
	}
	struct refdata *ref;
	if (!cli_load_refdata(&ref)) {
		store_close(s);
		return EXIT_FAILED;
	}
	struct errbuf eb;
	jr_err err = link_decide(s, ref, (int64_t)id, confirm, npp, officer, cli->today, &eb);
	if (err != JR_EOK)
		rc = cli_fail("izin %" PRIu64 ": %s; tidak ada yang disimpan", id, eb.msg);
	else
		printf("Izin %" PRIu64 " %s oleh %s.\n", id, confirm ? "dikonfirmasi" : "ditolak",
		       officer);
	refdata_free(ref);
	store_close(s);
	return rc;
}

int cmd_link(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"only", required_argument, NULL, 'o'},
		{"limit", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false;
	enum link_decision only = LINK_NONE_YET;
	uint64_t limit = 0;
	int c;
	optind = 1;
	opterr = 0;
	if (argc > 1 && !strcmp(argv[1], "review")) {
		optind = 2;
		return review(cli, argc, argv);
	}
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = true;
			break;
		case 'o':
			if (!parse_decision(optarg, &only))
				return cli_usage_error("link", "--only harus match, review atau none");
			break;
		case 'l':
			if (!cli_parse_uint(optarg, 100000000, &limit))
				return cli_usage_error("link", "--limit harus bilangan tak negatif");
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("link", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("link", "argumen '%s' tidak dikenal", argv[optind]);

	struct refdata *ref;
	struct store *s;
	if (!cli_load_refdata(&ref))
		return EXIT_FAILED;
	if (!cli_open_store(cli, STORE_EXISTING, &s)) {
		refdata_free(ref);
		return EXIT_FAILED;
	}
	struct link_opts o = {.today = cli->today};
	struct link_summary sum;
	struct errbuf eb;
	jr_err err = link_run(s, ref, &o, &sum, &eb);
	refdata_free(ref);
	if (err != JR_EOK) {
		store_close(s);
		return cli_fail("pencocokan: %s; tidak ada yang disimpan", eb.msg);
	}
	if (!json) {
		char a[32], b[32];
		printf("Pencocokan %s izin dengan %s pemberi kerja: %zu cocok, %zu perlu diperiksa, "
		       "%zu tidak terdaftar",
		       cli_fmt_count((int64_t)sum.licences, a, sizeof(a)),
		       cli_fmt_count((int64_t)sum.employers, b, sizeof(b)), sum.match, sum.review,
		       sum.none);
		if (sum.kept)
			printf(" (%zu keputusan petugas dipertahankan)", sum.kept);
		printf(".\nProspek: %zu baru, %zu diperbarui, %zu gugur.\n", sum.leads.inserted,
		       sum.leads.updated, sum.leads.dropped);
	}
	int rc = print_rows(s, only, json, (size_t)limit);
	store_close(s);
	return rc;
}
