/*
 * cmd_partner.c - `jaring partner add|list|show`: the partners (a city, its
 * offices, a religious organisation and its boards...) and their units.
 */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "partners/partners.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] partner add --name NAMA --kind JENIS [--region KODE]\n"
	"                     [--parent ID] [--contact NAMA] [--phone NOMOR] [--json]\n"
	"           jaring [--db PATH] partner list [--json]\n"
	"           jaring [--db PATH] partner show ID [--as-of TANGGAL] [--json]\n"
	"\n"
	"Mitra: pemerintah kota/kabupaten, OPD, DPMPTSP, dinas perdagangan, Bagian Kesra,\n"
	"organisasi keagamaan, asosiasi, perusahaan (CSR), desa.  Mitra induk (--parent)\n"
	"membentuk pohon: pimpinan daerah dengan amal usahanya, kota dengan OPD-nya.\n"
	"\n"
	"  add    mencatat mitra baru dan mencetak id-nya (--json: {\"id\": N})\n"
	"         JENIS: government, office, licensing_office, trade_office,\n"
	"         welfare_section, religious_org, association, company, village\n"
	"  list   semua mitra\n"
	"  show   satu mitra dengan PKS-nya dan unitnya: pekerja terdaftar (kepesertaan\n"
	"         aktif) dibanding yang dilaporkan (jaring import units)\n"
	"\n"
	"Impor banyak mitra sekaligus: jaring import partners BERKAS (docs/formats.md).\n"
	"Status keluar: 0 selesai, 1 gagal (tidak ada yang ditulis), 2 salah pemakaian.\n";

static int partner_add(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"name", required_argument, NULL, 'n'},
		{"kind", required_argument, NULL, 'k'},
		{"region", required_argument, NULL, 'r'},
		{"parent", required_argument, NULL, 'p'},
		{"contact", required_argument, NULL, 'c'},
		{"phone", required_argument, NULL, 't'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	struct store_partner p = {0};
	bool as_json = false;
	const char *phone = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		const char *v = optarg;
		switch (c) {
		case 'n':
			if (strlen(v) > NAME_MAX_BYTES)
				return cli_usage_error("partner", "--name terlalu panjang");
			snprintf(p.name, sizeof(p.name), "%s", v);
			break;
		case 'k':
			snprintf(p.kind, sizeof(p.kind), "%.*s", (int)sizeof(p.kind) - 1, v);
			if (!partner_kind_parse(v, strlen(v)))
				return cli_usage_error("partner", "--kind tidak dikenal: %s", v);
			break;
		case 'r':
			snprintf(p.region_code, sizeof(p.region_code), "%.*s",
				 (int)sizeof(p.region_code) - 1, v);
			if (strlen(v) >= sizeof(p.region_code))
				return cli_usage_error("partner", "--region salah: %s", v);
			break;
		case 'p':
			if (!cli_parse_id("partner", "--parent", v, &p.parent_id))
				return EXIT_USAGE;
			break;
		case 'c':
			if (strlen(v) > NAME_MAX_BYTES)
				return cli_usage_error("partner", "--contact terlalu panjang");
			snprintf(p.contact, sizeof(p.contact), "%s", v);
			break;
		case 't':
			phone = v;
			break;
		case 'j':
			as_json = true;
			break;
		default:
			return cli_usage_error("partner", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("partner", "argumen tidak dikenal: %s", argv[optind]);
	if (!p.name[0] || !p.kind[0])
		return cli_usage_error("partner", "add perlu --name dan --kind");
	struct errbuf eb;
	if (phone && phone_check(phone, strlen(phone), p.phone, &eb) != JR_EOK)
		return cli_usage_error("partner", "--phone: %s", eb.msg);

	struct store *s;
	struct refdata *ref;
	if (!cli_load_refdata(&ref))
		return EXIT_FAILED;
	if (!cli_open_store(cli, STORE_EXISTING, &s)) {
		refdata_free(ref);
		return EXIT_FAILED;
	}
	jr_err err = store_begin(s, &eb);
	if (err == JR_EOK)
		err = partner_check(s, ref, &p, &eb);
	if (err == JR_EOK)
		err = store_partner_add(s, &p, &eb);
	if (err == JR_EOK)
		err = store_commit(s, &eb);
	if (err != JR_EOK)
		store_rollback(s);
	store_close(s);
	refdata_free(ref);
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	if (as_json)
		return cli_print_json(json_pack("{s:I}", "id", (json_int_t)p.id));
	printf("%" PRId64 "\n", p.id);
	return EXIT_DONE;
}

struct listing {
	json_t *arr; /* NULL: print a table */
	bool nomem;
};

static jr_err list_one(void *ctx, const struct store_partner *p)
{
	struct listing *l = ctx;
	if (l->arr) {
		if (json_array_append_new(l->arr, partner_json(p)) != 0)
			l->nomem = true;
		return JR_EOK;
	}
	char parent[24] = "-";
	if (p->parent_id)
		snprintf(parent, sizeof(parent), "%" PRId64, p->parent_id);
	printf("%5" PRId64 "  %-48.48s %-26.26s %-10s %s\n", p->id, p->name,
	       partner_kind_label(p->kind), p->region_code[0] ? p->region_code : "-", parent);
	return JR_EOK;
}

static void print_detail(json_t *o)
{
	json_t *v;
	size_t i;
	printf("%s (id %" JSON_INTEGER_FORMAT ")\n", json_string_value(json_object_get(o, "name")),
	       json_integer_value(json_object_get(o, "id")));
	printf("Jenis: %s\n", json_string_value(json_object_get(o, "kind_label")));
	json_t *ag = json_object_get(o, "agreements");
	printf("PKS/MoU: %zu\n", json_array_size(ag));
	json_array_foreach(ag, i, v)
		printf("  %5" JSON_INTEGER_FORMAT "  %s (%s s.d. %s)\n",
		       json_integer_value(json_object_get(v, "id")),
		       json_string_value(json_object_get(v, "title")),
		       json_string_value(json_object_get(v, "valid_from")),
		       json_string_value(json_object_get(v, "valid_to")));
	json_t *units = json_object_get(o, "units");
	if (!json_array_size(units))
		return;
	printf("Unit: %zu\n  %-11s %-44s %10s %10s %10s\n", json_array_size(units), "NPP", "Nama",
	       "Terdaftar", "Dilaporkan", "Belum");
	json_array_foreach(units, i, v) {
		json_t *rep = json_object_get(v, "reported"), *un = json_object_get(v, "unregistered");
		char a[24] = "-", b[24] = "-";
		if (json_is_integer(rep))
			snprintf(a, sizeof(a), "%" JSON_INTEGER_FORMAT, json_integer_value(rep));
		if (json_is_integer(un))
			snprintf(b, sizeof(b), "%" JSON_INTEGER_FORMAT, json_integer_value(un));
		printf("  %-11s %-44.44s %10" JSON_INTEGER_FORMAT " %10s %10s\n",
		       json_string_value(json_object_get(v, "npp")),
		       json_string_value(json_object_get(v, "name")),
		       json_integer_value(json_object_get(v, "registered")), a, b);
	}
}

static int partner_read(const struct cli *cli, int argc, char **argv, bool show)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"as-of", required_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	bool as_json = false;
	struct date day = cli->today;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'j')
			as_json = true;
		else if (c == 'a' && show) {
			if (!cli_parse_date_opt("partner", "--as-of", optarg, &day))
				return EXIT_USAGE;
		} else
			return cli_usage_error("partner", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
	}
	int64_t id = 0;
	if (show) {
		if (argc - optind != 1)
			return cli_usage_error("partner", "show perlu satu ID");
		if (!cli_parse_id("partner", "ID", argv[optind], &id))
			return EXIT_USAGE;
	} else if (optind < argc) {
		return cli_usage_error("partner", "argumen tidak dikenal: %s", argv[optind]);
	}
	struct store *s;
	struct errbuf eb;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	int status = EXIT_DONE;
	if (show) {
		struct store_partner p;
		bool found;
		json_t *o = NULL;
		jr_err err = store_partner_get(s, id, &p, &found, &eb);
		if (err == JR_EOK && !found)
			err = errbuf_set(&eb, JR_ENOTFOUND, "mitra %" PRId64 " tidak ada", id);
		if (err == JR_EOK)
			err = partner_detail_json(s, &p, day, &o, &eb);
		if (err != JR_EOK) {
			status = cli_fail("%s", eb.msg);
		} else if (as_json) {
			status = cli_print_json(o);
		} else {
			print_detail(o);
			json_decref(o);
		}
	} else {
		struct listing l = {.arr = as_json ? json_array() : NULL};
		if (!as_json)
			printf("%5s  %-48s %-26s %-10s %s\n", "ID", "Nama", "Jenis", "Wilayah", "Induk");
		if (store_partners_each(s, list_one, &l, &eb) != JR_EOK) {
			json_decref(l.arr);
			status = cli_fail("%s", eb.msg);
		} else if (as_json) {
			status = l.nomem ? cli_fail("memori tidak cukup")
					 : cli_print_json(json_pack("{s:o}", "partners", l.arr));
		}
	}
	store_close(s);
	return status;
}

int cmd_partner(const struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_DONE;
	}
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "add"))
		return partner_add(cli, argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return partner_read(cli, argc - 1, argv + 1, false);
	if (!strcmp(argv[1], "show"))
		return partner_read(cli, argc - 1, argv + 1, true);
	return cli_usage_error("partner", "subperintah tidak dikenal: %s (add, list, show)", argv[1]);
}
