/*
 * cmd_mou.c - `jaring mou add|list|show`: agreements (MoU / PKS) with
 * partners, and each one's scorecard.
 */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "core/money.h"
#include "partners/partners.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] mou add --partner ID --title JUDUL --signed TANGGAL\n"
	"                     --from TANGGAL --to TANGGAL [--number NOMOR] [--target N]\n"
	"                     [--pays partner|members|none] [--role pays|encourages|data]\n"
	"                     [--funding SG|SA|SD|SL|SC|SB] [--segments PU,BPU]\n"
	"                     [--sectors C,G] [--json]\n"
	"           jaring [--db PATH] mou list [--partner ID] [--json]\n"
	"           jaring [--db PATH] mou show ID [--as-of TANGGAL] [--json]\n"
	"\n"
	"PKS / MoU dengan mitra.\n"
	"  add   mencatat PKS dan mencetak id-nya (--json: {\"id\": N})\n"
	"        --pays      siapa membayar iuran orang yang dibawa PKS: mitra (partner),\n"
	"                    peserta sendiri (members) atau tidak ada (none, bawaan)\n"
	"        --role      peran mitra: membayar (pays), mendorong unitnya mendaftar\n"
	"                    (encourages, bawaan bila tidak membayar), pertukaran data (data)\n"
	"        --funding   kode sumber dana kelompok yang dibayar mitra: SG pemerintah, SA\n"
	"                    APBD desa, SD APBDes, SL dana desa lain, SC perusahaan, SB bank\n"
	"                    (bawaan menurut jenis mitra)\n"
	"  list  semua PKS (atau PKS satu mitra)\n"
	"  show  kartu capaian: target, terdaftar (enrolled), aktif, tagihan mitra dibayar\n"
	"        dan belum, pertumbuhan peserta mitra sejak penandatanganan\n"
	"\n"
	"Status keluar: 0 selesai, 1 gagal (tidak ada yang ditulis), 2 salah pemakaian.\n";

static bool copy_opt(const char *v, char *dst, size_t size, const char *name)
{
	if (strlen(v) >= size) {
		cli_usage_error("mou", "%s terlalu panjang", name);
		return false;
	}
	snprintf(dst, size, "%s", v);
	return true;
}

static int mou_add(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"partner", required_argument, NULL, 'p'},
		{"title", required_argument, NULL, 't'},
		{"signed", required_argument, NULL, 's'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 'u'},
		{"number", required_argument, NULL, 'n'},
		{"target", required_argument, NULL, 'g'},
		{"pays", required_argument, NULL, 'y'},
		{"role", required_argument, NULL, 'r'},
		{"funding", required_argument, NULL, 'd'},
		{"segments", required_argument, NULL, 'S'},
		{"sectors", required_argument, NULL, 'K'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	struct store_agreement a = {.target = -1};
	bool as_json = false, has_signed = false, has_from = false, has_to = false;
	int c;
	const char *w;
	uint64_t n;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		const char *v = optarg;
		switch (c) {
		case 'p':
			if (!cli_parse_id("mou", "--partner", v, &a.partner_id))
				return EXIT_USAGE;
			break;
		case 't':
			if (!copy_opt(v, a.title, sizeof(a.title), "--title"))
				return EXIT_USAGE;
			break;
		case 'n':
			if (!copy_opt(v, a.number, sizeof(a.number), "--number"))
				return EXIT_USAGE;
			break;
		case 's':
			if (!cli_parse_date_opt("mou", "--signed", v, &a.signed_on))
				return EXIT_USAGE;
			has_signed = true;
			break;
		case 'f':
			if (!cli_parse_date_opt("mou", "--from", v, &a.valid_from))
				return EXIT_USAGE;
			has_from = true;
			break;
		case 'u':
			if (!cli_parse_date_opt("mou", "--to", v, &a.valid_to))
				return EXIT_USAGE;
			has_to = true;
			break;
		case 'g':
			if (!cli_parse_uint(v, 100000000, &n))
				return cli_usage_error("mou", "--target harus bilangan bulat: %s", v);
			a.target = (int64_t)n;
			break;
		case 'y':
			if (!(w = agreement_pays_parse(v, strlen(v))))
				return cli_usage_error("mou", "--pays harus partner, members atau none");
			snprintf(a.pays, sizeof(a.pays), "%s", w);
			break;
		case 'r':
			if (!(w = agreement_role_parse(v, strlen(v))))
				return cli_usage_error("mou", "--role harus pays, encourages atau data");
			snprintf(a.role, sizeof(a.role), "%s", w);
			break;
		case 'd':
			if (!(w = agreement_funding_parse(v, strlen(v))))
				return cli_usage_error("mou", "--funding harus SG, SA, SD, SL, SC atau SB");
			snprintf(a.funding, sizeof(a.funding), "%s", w);
			break;
		case 'S':
			if (!copy_opt(v, a.segments, sizeof(a.segments), "--segments"))
				return EXIT_USAGE;
			break;
		case 'K':
			if (!copy_opt(v, a.sectors, sizeof(a.sectors), "--sectors"))
				return EXIT_USAGE;
			break;
		case 'j':
			as_json = true;
			break;
		default:
			return cli_usage_error("mou", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("mou", "argumen tidak dikenal: %s", argv[optind]);
	if (!a.partner_id || !a.title[0] || !has_signed || !has_from || !has_to)
		return cli_usage_error("mou", "add perlu --partner, --title, --signed, --from dan --to");

	struct store *s;
	struct errbuf eb;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	enum store_upsert did = STORE_UNCHANGED;
	jr_err err = store_begin(s, &eb);
	if (err == JR_EOK)
		err = agreement_check(s, &a, &eb);
	if (err == JR_EOK)
		err = store_agreement_upsert(s, &a, 0, &did, &eb);
	if (err == JR_EOK && did != STORE_INSERTED)
		err = errbuf_set(&eb, JR_ECONFLICT, "PKS nomor %s sudah ada (id %" PRId64 ")",
				 a.number, a.id);
	if (err == JR_EOK)
		err = store_commit(s, &eb);
	if (err != JR_EOK)
		store_rollback(s);
	store_close(s);
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	if (as_json)
		return cli_print_json(json_pack("{s:I}", "id", (json_int_t)a.id));
	printf("%" PRId64 "\n", a.id);
	return EXIT_DONE;
}

struct listing {
	json_t *arr;
	bool nomem;
};

static jr_err list_one(void *ctx, const struct store_agreement *a)
{
	struct listing *l = ctx;
	if (l->arr) {
		if (json_array_append_new(l->arr, agreement_json(a)) != 0)
			l->nomem = true;
		return JR_EOK;
	}
	char from[DATE_ISO_SIZE], to[DATE_ISO_SIZE], target[24] = "-";
	date_format_iso(a->valid_from, from);
	date_format_iso(a->valid_to, to);
	if (a->target >= 0)
		snprintf(target, sizeof(target), "%" PRId64, a->target);
	printf("%5" PRId64 "  %5" PRId64 "  %-52.52s %s  %s  %8s  %s\n", a->id, a->partner_id,
	       a->title, from, to, target, a->pays);
	return JR_EOK;
}

/* "75,00": the Indonesian decimal comma. */
static const char *fmt_pct_comma(double pct, char *buf, size_t size)
{
	snprintf(buf, size, "%.2f", pct);
	char *dot = strchr(buf, '.');
	if (dot)
		*dot = ',';
	return buf;
}

static void print_scorecard(json_t *o)
{
	char a[32], b[32], rp1[MONEY_FMT_SIZE], rp2[MONEY_FMT_SIZE], day[64], pbuf[32];
	struct date d;
	const char *as_of = json_string_value(json_object_get(o, "as_of"));
	json_t *target = json_object_get(o, "target"), *pct = json_object_get(o, "realised_pct");
	printf("PKS %" JSON_INTEGER_FORMAT ": %s\n", json_integer_value(json_object_get(o, "id")),
	       json_string_value(json_object_get(o, "title")));
	printf("Mitra: %s\n", json_string_value(json_object_get(o, "partner_name")));
	printf("Berlaku: %s s.d. %s%s\n", json_string_value(json_object_get(o, "valid_from")),
	       json_string_value(json_object_get(o, "valid_to")),
	       json_is_true(json_object_get(o, "in_force")) ? "" : " (tidak berlaku pada hari ini)");
	if (as_of && date_parse(as_of, strlen(as_of), &d, NULL) == JR_EOK)
		printf("Per %s\n", cli_fmt_date(d, day, sizeof(day)));
	printf("Target: %s; terdaftar %s", json_is_integer(target)
		       ? cli_fmt_count(json_integer_value(target), a, sizeof(a)) : "-",
	       cli_fmt_count(json_integer_value(json_object_get(o, "enrolled")), b, sizeof(b)));
	if (json_is_number(pct))
		printf(" (%s %%)", fmt_pct_comma(json_number_value(pct), pbuf, sizeof(pbuf)));
	printf(", aktif %s\n",
	       cli_fmt_count(json_integer_value(json_object_get(o, "active")), a, sizeof(a)));
	money_format_rp(json_integer_value(json_object_get(o, "billed")) * SEN_PER_RUPIAH, rp1);
	money_format_rp(json_integer_value(json_object_get(o, "paid")) * SEN_PER_RUPIAH, rp2);
	printf("Tagihan mitra: %" JSON_INTEGER_FORMAT " (%" JSON_INTEGER_FORMAT
	       " lunas, %" JSON_INTEGER_FORMAT " belum), ditagih %s, dibayar %s\n",
	       json_integer_value(json_object_get(o, "bills")),
	       json_integer_value(json_object_get(o, "bills_paid")),
	       json_integer_value(json_object_get(o, "bills_unpaid")), rp1, rp2);
	printf("Peserta aktif mitra: %s saat penandatanganan, %s sekarang (%+" JSON_INTEGER_FORMAT
	       ")\n",
	       cli_fmt_count(json_integer_value(json_object_get(o, "partner_active_at_signing")), a,
			     sizeof(a)),
	       cli_fmt_count(json_integer_value(json_object_get(o, "partner_active")), b, sizeof(b)),
	       json_integer_value(json_object_get(o, "growth_since_signing")));
}

static int mou_read(const struct cli *cli, int argc, char **argv, bool show)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"as-of", required_argument, NULL, 'a'},
		{"partner", required_argument, NULL, 'p'},
		{NULL, 0, NULL, 0},
	};
	bool as_json = false;
	struct date day = cli->today;
	int64_t partner = 0, id = 0;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'j') {
			as_json = true;
		} else if (c == 'a' && show) {
			if (!cli_parse_date_opt("mou", "--as-of", optarg, &day))
				return EXIT_USAGE;
		} else if (c == 'p' && !show) {
			if (!cli_parse_id("mou", "--partner", optarg, &partner))
				return EXIT_USAGE;
		} else {
			return cli_usage_error("mou", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (show) {
		if (argc - optind != 1)
			return cli_usage_error("mou", "show perlu satu ID");
		if (!cli_parse_id("mou", "ID", argv[optind], &id))
			return EXIT_USAGE;
	} else if (optind < argc) {
		return cli_usage_error("mou", "argumen tidak dikenal: %s", argv[optind]);
	}
	struct store *s;
	struct errbuf eb;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	int status = EXIT_DONE;
	if (show) {
		struct store_agreement a;
		bool found;
		json_t *o = NULL;
		jr_err err = store_agreement_get(s, id, &a, &found, &eb);
		if (err == JR_EOK && !found)
			err = errbuf_set(&eb, JR_ENOTFOUND, "PKS %" PRId64 " tidak ada", id);
		if (err == JR_EOK)
			err = agreement_scorecard_json(s, &a, day, &o, &eb);
		if (err != JR_EOK) {
			status = cli_fail("%s", eb.msg);
		} else if (as_json) {
			status = cli_print_json(o);
		} else {
			print_scorecard(o);
			json_decref(o);
		}
	} else {
		struct listing l = {.arr = as_json ? json_array() : NULL};
		if (!as_json)
			printf("%5s  %5s  %-52s %-10s  %-10s  %8s  %s\n", "ID", "Mitra", "Judul", "Mulai",
			       "Akhir", "Target", "Pembayar");
		if (store_agreements_each(s, partner, list_one, &l, &eb) != JR_EOK) {
			json_decref(l.arr);
			status = cli_fail("%s", eb.msg);
		} else if (as_json) {
			status = l.nomem ? cli_fail("memori tidak cukup")
					 : cli_print_json(json_pack("{s:o}", "agreements", l.arr));
		}
	}
	store_close(s);
	return status;
}

int cmd_mou(const struct cli *cli, int argc, char **argv)
{
	if (argc < 2) {
		fputs(help, stderr);
		return EXIT_USAGE;
	}
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "add"))
		return mou_add(cli, argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return mou_read(cli, argc - 1, argv + 1, false);
	if (!strcmp(argv[1], "show"))
		return mou_read(cli, argc - 1, argv + 1, true);
	return cli_usage_error("mou", "subperintah tidak dikenal: %s (add, list, show)", argv[1]);
}
