/* cmd_demo.c - `jaring demo`: build a demonstration database. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accounts/accounts.h"
#include "cli/cli.h"
#include "demo/demo.h"
#include "store/partners.h"
#include "leads/link.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] demo [--scale N] [--seed S] [--force] [--json]\n"
	"\n"
	"Membangun basis data demonstrasi berbentuk Kota Pekalongan dan sekitarnya: sekitar\n"
	"4.000 pemberi kerja (industri batik rumahan, OPD, amal usaha Muhammadiyah, kontraktor,\n"
	"pasar, koperasi) dan sekitar 22.000 peserta aktif PU, BPU dan Jakon pada skala 1.\n"
	"Nama dan NIK sintetis tetapi sah; kode wilayah nyata.  Hasilnya sama untuk seed yang\n"
	"sama.\n"
	"\n"
	"  --scale N   kalikan jumlahnya (1-100; bawaan 1)\n"
	"  --seed S    benih acak (bawaan 1)\n"
	"  --force     timpa basis data yang sudah ada\n"
	"  --json      ringkasan sebagai JSON\n";

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Removes path and its SQLite -wal/-shm companions. */
static void remove_db(const char *path)
{
	static const char *const suffixes[] = {"-wal", "-shm"};
	char side[4200];
	remove(path);
	for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
		int n = snprintf(side, sizeof(side), "%s%s", path, suffixes[i]);
		if (n > 0 && (size_t)n < sizeof(side))
			remove(side);
	}
}

static jr_err build(const struct cli *cli, const char *path, const struct demo_opts *o,
		    struct demo_summary *sum, struct link_summary *links, struct errbuf *eb)
{
	struct refdata *ref;
	struct store *s;
	bool installed;
	jr_err err = refdata_load(&ref, eb);
	if (err != JR_EOK)
		return err;
	struct cli tmp_cli = *cli;
	tmp_cli.db = path;
	err = store_open(tmp_cli.db, STORE_CREATE, &s, eb);
	if (err != JR_EOK) {
		refdata_free(ref);
		return err;
	}
	err = store_begin(s, eb);
	if (err == JR_EOK) {
		store_bulk_mode(s, true);
		err = refdata_install(s, ref, &installed, eb);
		if (err == JR_EOK)
			err = demo_build(s, ref, o, sum, eb);
		if (err == JR_EOK)
			err = store_commit(s, eb);
		else
			store_rollback(s);
	}
	/* Link the demo's licences, so that leads and compliance have a story to tell. */
	if (err == JR_EOK) {
		struct link_opts lo = {.today = o->today};
		err = link_run(s, ref, &lo, links, eb);
	}
	store_close(s);
	refdata_free(ref);
	return err;
}

/* Demo sign-ins for `jaring serve`, printed by demo and `make demo`; the
 * partner user `kesra` acts for the city's welfare section when the demo
 * has that partner. */
static const struct {
	const char *name, *password;
	enum role role;
} demo_users[] = {
	{"admin", "admin-demo-1", ROLE_ADMIN},
	{"petugas", "petugas-demo-1", ROLE_OFFICER},
	{"pimpinan", "pimpinan-demo-1", ROLE_VIEWER},
	{"kesra", "kesra-demo-1", ROLE_PARTNER},
};

static jr_err find_welfare(void *ctx, const struct store_partner *p)
{
	int64_t *id = ctx;
	if (!*id && !strcmp(p->kind, "welfare_section"))
		*id = p->id;
	return JR_EOK;
}

static jr_err add_demo_users(const char *path, struct errbuf *eb)
{
	struct store *s;
	if (!account_init())
		return errbuf_set(eb, JR_EIO, "libsodium tidak dapat dimulai");
	int64_t welfare = 0;
	jr_err err = store_open(path, STORE_EXISTING, &s, eb);
	if (err == JR_EOK)
		err = store_partners_each(s, find_welfare, &welfare, eb);
	for (size_t i = 0; err == JR_EOK && i < ARRAY_SIZE(demo_users); i++) {
		bool partner = demo_users[i].role == ROLE_PARTNER;
		if (partner && !welfare)
			continue;
		err = account_user_add(s, "demo", demo_users[i].name, demo_users[i].role,
				       partner ? welfare : 0, demo_users[i].password, NULL, eb);
	}
	store_close(s);
	return err;
}

static void print_summary(const char *db, const struct demo_opts *o, const struct demo_summary *m,
			  const struct link_summary *lk)
{
	char a[32], b[32], c[32], d[32];
	printf("Basis data demo %s (skala %d, seed %" PRIu64 "):\n", db, o->scale, o->seed);
	printf("  pemberi kerja   %s\n", cli_fmt_count(m->employers, a, sizeof(a)));
	for (int k = 1; k < EKIND_COUNT; k++)
		printf("    %-20s %s\n", employer_kind_name((enum employer_kind)k),
		       cli_fmt_count(m->by_kind[k], a, sizeof(a)));
	printf("  orang           %s\n", cli_fmt_count(m->persons, a, sizeof(a)));
	printf("  kepesertaan     %s\n", cli_fmt_count(m->memberships, a, sizeof(a)));
	printf("  peserta aktif   %s (PU %s, BPU %s, JAKON %s)\n",
	       cli_fmt_count(m->active, a, sizeof(a)),
	       cli_fmt_count(m->by_segment_active[SEG_PU], b, sizeof(b)),
	       cli_fmt_count(m->by_segment_active[SEG_BPU], c, sizeof(c)),
	       cli_fmt_count(m->by_segment_active[SEG_JAKON], d, sizeof(d)));
	printf("  masuk ke `jaring serve` (nama / kata sandi):\n");
	for (size_t i = 0; i < ARRAY_SIZE(demo_users); i++)
		printf("    %-8s %-10s %s\n", role_name(demo_users[i].role), demo_users[i].name,
		       demo_users[i].password);
	printf("  izin usaha      %s (%s dari pemberi kerja terdaftar): %zu cocok, %zu perlu "
	       "diperiksa, %zu prospek\n",
	       cli_fmt_count(m->licences_registered + m->licences_unregistered, a, sizeof(a)),
	       cli_fmt_count(m->licences_registered, b, sizeof(b)), lk->match, lk->review,
	       lk->leads.inserted);
	printf("  paket konstruksi %s; tenaga kerja konstruksi %s terdaftar dari perkiraan %s\n",
	       cli_fmt_count(m->packages, a, sizeof(a)),
	       cli_fmt_count(m->construction_registered, b, sizeof(b)),
	       cli_fmt_count(m->construction_expected, c, sizeof(c)));
}

static void print_json(const char *db, const struct demo_opts *o, const struct demo_summary *m,
		       const struct link_summary *lk)
{
	json_t *kinds = json_object(), *segs = json_object();
	for (int k = 1; k < EKIND_COUNT; k++)
		json_object_set_new(kinds, employer_kind_name((enum employer_kind)k),
				    json_integer(m->by_kind[k]));
	for (int g = 1; g < SEG_COUNT; g++)
		json_object_set_new(segs, segment_name((enum segment)g),
				    json_integer(m->by_segment_active[g]));
	json_t *users = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(demo_users); i++)
		json_array_append_new(users, json_pack("{s:s, s:s, s:s}", "name", demo_users[i].name,
						       "role", role_name(demo_users[i].role),
						       "password", demo_users[i].password));
	json_t *out = json_pack("{s:s, s:i, s:I, s:I, s:o, s:I, s:I, s:I, s:o, s:o}", "db", db, "scale",
				o->scale, "seed", (json_int_t)o->seed, "employers",
				(json_int_t)m->employers, "employers_by_kind", kinds, "persons",
				(json_int_t)m->persons, "memberships", (json_int_t)m->memberships,
				"active", (json_int_t)m->active, "active_by_segment", segs, "users",
				users);
	json_object_set_new(out, "licences",
			    json_pack("{s:I, s:I, s:I, s:I, s:I}", "registered",
				      (json_int_t)m->licences_registered, "unregistered",
				      (json_int_t)m->licences_unregistered, "match",
				      (json_int_t)lk->match, "review", (json_int_t)lk->review, "leads",
				      (json_int_t)lk->leads.inserted));
	json_object_set_new(out, "construction",
			    json_pack("{s:I, s:I, s:I}", "packages", (json_int_t)m->packages,
				      "workers_expected", (json_int_t)m->construction_expected,
				      "workers_registered", (json_int_t)m->construction_registered));
	json_dumpf(out, stdout, JSON_INDENT(2));
	fputc('\n', stdout);
	json_decref(out);
}

int cmd_demo(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"scale", required_argument, NULL, 's'},
		{"seed", required_argument, NULL, 'r'},
		{"force", no_argument, NULL, 'f'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct demo_opts o = {.scale = 1, .seed = 1, .today = cli->today};
	bool force = false, as_json = false;
	uint64_t v;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (!cli_parse_uint(optarg, 100, &v) || v < 1)
				return cli_usage_error("demo", "--scale harus bilangan 1 sampai 100");
			o.scale = (int)v;
			break;
		case 'r':
			if (!cli_parse_uint(optarg, UINT64_MAX, &v))
				return cli_usage_error("demo", "--seed harus bilangan bulat tak negatif");
			o.seed = v;
			break;
		case 'f':
			force = true;
			break;
		case 'j':
			as_json = true;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("demo", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("demo", "argumen '%s' tidak dikenal", argv[optind]);
	if (exists(cli->db) && !force)
		return cli_fail("%s sudah ada; gunakan --force untuk menimpanya dengan data demo",
				cli->db);

	/* Build beside the target and rename over it: a failed build leaves the
	 * old database untouched. */
	char tmp[4096];
	int n = snprintf(tmp, sizeof(tmp), "%s.demo-%ld", cli->db, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof(tmp))
		return cli_fail("nama berkas terlalu panjang: %s", cli->db);
	remove_db(tmp);
	struct demo_summary sum;
	struct link_summary links;
	struct errbuf eb;
	jr_err err = build(cli, tmp, &o, &sum, &links, &eb);
	if (err == JR_EOK)
		err = add_demo_users(tmp, &eb);
	if (err == JR_EOK) {
		remove_db(cli->db);
		if (rename(tmp, cli->db) != 0)
			err = errbuf_set(&eb, JR_EIO, "gagal mengganti %s: %s", cli->db,
					 strerror(errno));
	}
	if (err != JR_EOK) {
		remove_db(tmp);
		return cli_fail("%s", eb.msg);
	}
	if (as_json)
		print_json(cli->db, &o, &sum, &links);
	else
		print_summary(cli->db, &o, &sum, &links);
	return EXIT_DONE;
}
