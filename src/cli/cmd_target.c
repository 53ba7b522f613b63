/*
 * cmd_target.c - `jaring target set|list`: coverage targets per region,
 * year and segment, one at a time (many at once: jaring import targets).
 */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "store/coverage.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] target set --region KODE --year TAHUN --target N\n"
	"                     [--segment PU|BPU|JAKON|PMI|ALL] [--source TEKS]\n"
	"           jaring [--db PATH] target list [--json]\n"
	"\n"
	"Target peserta aktif suatu wilayah (kabupaten/kota atau kecamatan) pada akhir tahun,\n"
	"per segmen (bawaan ALL: semua segmen).  `jaring coverage` membandingkan peserta aktif\n"
	"dengan target tahun hari penghitungan.  Banyak target sekaligus: jaring import targets\n"
	"BERKAS (docs/formats.md).\n"
	"\n"
	"Status keluar: 0 selesai, 1 gagal (tidak ada yang ditulis), 2 salah pemakaian.\n";

static int target_set(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"year", required_argument, NULL, 'y'},
		{"segment", required_argument, NULL, 's'},
		{"target", required_argument, NULL, 't'},
		{"source", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	struct store_target t = {0};
	bool has_target = false;
	uint64_t v;
	int c;
	struct errbuf eb;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': {
			enum region_level lv = region_code_normalise(optarg, strlen(optarg), t.region_code,
								     &eb);
			if (lv != REGION_REGENCY && lv != REGION_DISTRICT)
				return cli_usage_error("target", "--region harus kode kabupaten/kota "
						       "(33.75) atau kecamatan (33.75.01): %s", optarg);
			break;
		}
		case 'y':
			if (!cli_parse_uint(optarg, 2100, &v) || v < 1990)
				return cli_usage_error("target", "--year harus 1990 sampai 2100");
			t.year = (int)v;
			break;
		case 's':
			if (!strcmp(optarg, "ALL") || !strcmp(optarg, "all") || !strcmp(optarg, "semua"))
				t.segment = SEG_NONE;
			else if (!(t.segment = segment_parse(optarg, strlen(optarg))))
				return cli_usage_error("target", "--segment harus PU, BPU, JAKON, PMI atau ALL");
			break;
		case 't':
			if (!cli_parse_uint(optarg, INT64_MAX, &v))
				return cli_usage_error("target", "--target harus bilangan bulat");
			t.target = (int64_t)v;
			has_target = true;
			break;
		case 'o':
			if (strlen(optarg) >= sizeof(t.source))
				return cli_usage_error("target", "--source terlalu panjang");
			snprintf(t.source, sizeof(t.source), "%s", optarg);
			break;
		default:
			return cli_usage_error("target", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("target", "argumen tidak dikenal: %s", argv[optind]);
	if (!t.region_code[0] || !t.year || !has_target)
		return cli_usage_error("target", "set perlu --region, --year dan --target");
	struct store *s;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	enum store_upsert did;
	char name[NAME_MAX_BYTES + 1];
	bool known;
	jr_err err = store_begin(s, &eb);
	if (err == JR_EOK)
		err = store_region_name(s, t.region_code, name, sizeof(name), &known, &eb);
	if (err == JR_EOK && !known)
		err = errbuf_set(&eb, JR_EINVALID, "kode wilayah %s tidak ada dalam daftar Kemendagri",
				 t.region_code);
	if (err == JR_EOK)
		err = store_target_put(s, &t, 0, &did, &eb);
	if (err == JR_EOK)
		err = store_commit(s, &eb);
	if (err != JR_EOK)
		store_rollback(s);
	store_close(s);
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	printf("Target %s %d %s: %" PRId64 " (%s).\n", t.region_code, t.year,
	       t.segment ? segment_name(t.segment) : "ALL", t.target,
	       did == STORE_INSERTED ? "baru" : did == STORE_UPDATED ? "diperbarui" : "sama");
	return EXIT_DONE;
}

struct listing {
	json_t *arr;
	bool nomem;
};

static jr_err list_one(void *ctx, const struct store_target *t)
{
	struct listing *l = ctx;
	const char *seg = t->segment ? segment_name(t->segment) : "ALL";
	if (!l->arr) {
		char n[32];
		printf("%-10s %4d  %-6s %12s  %s\n", t->region_code, t->year, seg,
		       cli_fmt_count(t->target, n, sizeof(n)), t->source[0] ? t->source : "-");
		return JR_EOK;
	}
	json_t *o = json_pack("{s:s, s:i, s:s, s:I, s:o}", "region_code", t->region_code, "year",
			      t->year, "segment", seg, "target", (json_int_t)t->target, "source",
			      t->source[0] ? json_string(t->source) : json_null());
	if (!o || json_array_append_new(l->arr, o) != 0)
		l->nomem = true;
	return JR_EOK;
}

static int target_list(const struct cli *cli, int argc, char **argv)
{
	bool as_json = argc == 2 && !strcmp(argv[1], "--json");
	if (argc > 2 || (argc == 2 && !as_json))
		return cli_usage_error("target", "list hanya menerima --json");
	struct store *s;
	struct errbuf eb;
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	struct listing l = {.arr = as_json ? json_array() : NULL};
	if (!as_json)
		printf("%-10s %4s  %-6s %12s  %s\n", "Wilayah", "Tahun", "Segmen", "Target", "Sumber");
	jr_err err = store_targets_each(s, list_one, &l, &eb);
	store_close(s);
	if (err != JR_EOK) {
		json_decref(l.arr);
		return cli_fail("%s", eb.msg);
	}
	if (!as_json)
		return EXIT_DONE;
	if (l.nomem) {
		json_decref(l.arr);
		return cli_fail("memori tidak cukup");
	}
	return cli_print_json(json_pack("{s:o}", "targets", l.arr));
}

int cmd_target(const struct cli *cli, int argc, char **argv)
{
	if (argc < 2) {
		fputs(help, stderr);
		return EXIT_USAGE;
	}
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "set"))
		return target_set(cli, argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return target_list(cli, argc - 1, argv + 1);
	return cli_usage_error("target", "subperintah tidak dikenal: %s (set, list)", argv[1]);
}
