/* cmd_user.c - `jaring user` (accounts) and `jaring token` (API tokens). */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>
#include <termios.h>
#include <unistd.h>

#include "accounts/accounts.h"
#include "cli/cli.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] user add NAMA --role PERAN [--partner ID] [--password-stdin]\n"
	"           jaring [--db PATH] user list [--json]\n"
	"           jaring [--db PATH] user disable NAMA | enable NAMA\n"
	"           jaring [--db PATH] user passwd NAMA [--password-stdin]\n"
	"\n"
	"Akun pengguna `jaring serve`.  PERAN: admin (semuanya), officer (petugas: membaca\n"
	"dan menulis data cabang), viewer (hanya membaca), partner (mitra: hanya data mitranya\n"
	"sendiri; perlu --partner ID).  Kata sandi minimal 8 karakter, disimpan sebagai hash\n"
	"argon2id; tanpa --password-stdin kata sandi ditanyakan (dua kali).  Setiap perubahan\n"
	"masuk jejak audit.  Lihat docs/rules.md \"Accounts, roles and sessions\".\n";

static const char token_help[] =
	"Pemakaian: jaring [--db PATH] token add NAMA\n"
	"\n"
	"Mencetak token Bearer baru untuk klien API pengguna NAMA (hanya sekali; yang disimpan\n"
	"hanya hash-nya).  Klien mengirimnya sebagai `Authorization: Bearer TOKEN`.\n";

/* Who the audit log names for a command-line change. */
static void actor(char *out, size_t size)
{
	const char *u = getenv("USER");
	snprintf(out, size, "cli:%s", u && *u ? u : "?");
}

/* Reads one line (without its newline) from f; false at EOF or when too long. */
static bool read_line(FILE *f, char *buf, size_t size)
{
	if (!fgets(buf, (int)size, f))
		return false;
	size_t n = strlen(buf);
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (!feof(f))
		return false;
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return true;
}

static bool prompt_password(const char *prompt, char *buf, size_t size)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	fputs(prompt, stderr);
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	bool ok = read_line(stdin, buf, size);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	return ok;
}

static bool get_password(bool from_stdin, char *buf, size_t size)
{
	if (from_stdin)
		return read_line(stdin, buf, size);
	char again[ACCOUNT_PASSWORD_MAX + 2];
	if (!prompt_password("Kata sandi: ", buf, size) ||
	    !prompt_password("Ulangi kata sandi: ", again, sizeof(again)))
		return false;
	if (strcmp(buf, again)) {
		fprintf(stderr, "jaring: kata sandi tidak sama\n");
		return false;
	}
	return true;
}

static jr_err print_user(void *ctx, const struct store_user *u)
{
	json_t *arr = ctx;
	if (arr) {
		json_t *o = json_pack("{s:s, s:s, s:b, s:s}", "name", u->name, "role",
				      role_name(u->role), "disabled", u->disabled, "created_at",
				      u->created_at);
		json_object_set_new(o, "partner_id",
				    u->partner_id ? json_integer(u->partner_id) : json_null());
		json_array_append_new(arr, o);
		return JR_EOK;
	}
	char partner[32] = "";
	if (u->partner_id)
		snprintf(partner, sizeof(partner), "mitra %" PRId64, u->partner_id);
	printf("%-20s %-8s %-12s %s%s\n", u->name, role_name(u->role), partner, u->created_at,
	       u->disabled ? "  NONAKTIF" : "");
	return JR_EOK;
}

static int user_add(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"role", required_argument, NULL, 'r'},
		{"partner", required_argument, NULL, 'p'},
		{"password-stdin", no_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	enum role role = ROLE_NONE;
	uint64_t partner = 0;
	bool from_stdin = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if ((role = role_parse(optarg)) == ROLE_NONE)
				return cli_usage_error("user", "--role harus admin, officer, partner "
							       "atau viewer");
			break;
		case 'p':
			if (!cli_parse_uint(optarg, INT64_MAX, &partner) || !partner)
				return cli_usage_error("user", "--partner harus id mitra (bilangan)");
			break;
		case 's':
			from_stdin = true;
			break;
		default:
			return cli_usage_error("user", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error("user", "user add perlu tepat satu NAMA");
	if (role == ROLE_NONE)
		return cli_usage_error("user", "user add perlu --role");
	if ((role == ROLE_PARTNER) != (partner != 0))
		return cli_usage_error("user", "--partner ID wajib untuk peran partner, dan hanya "
					       "untuknya");
	char pw[ACCOUNT_PASSWORD_MAX + 2], who[80];
	if (!get_password(from_stdin, pw, sizeof(pw)))
		return cli_fail("kata sandi tidak terbaca");
	struct store *s;
	if (!account_init())
		return cli_fail("libsodium tidak dapat dimulai");
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	struct errbuf eb;
	actor(who, sizeof(who));
	jr_err err = account_user_add(s, who, argv[optind], role, (int64_t)partner, pw, NULL, &eb);
	store_close(s);
	memset(pw, 0, sizeof(pw));
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	printf("Pengguna %s (%s) dibuat.\n", argv[optind], role_name(role));
	return EXIT_DONE;
}

int cmd_user(const struct cli *cli, int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(help, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_DONE;
	}
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return EXIT_DONE;
	}
	const char *sub = argv[1];
	if (!strcmp(sub, "add"))
		return user_add(cli, argc - 1, argv + 1);
	struct store *s;
	struct errbuf eb;
	char who[80];
	jr_err err;
	actor(who, sizeof(who));
	if (!strcmp(sub, "list")) {
		bool as_json = argc == 3 && !strcmp(argv[2], "--json");
		if (argc > 3 || (argc == 3 && !as_json))
			return cli_usage_error("user", "user list hanya menerima --json");
		if (!cli_open_store(cli, STORE_EXISTING, &s))
			return EXIT_FAILED;
		json_t *arr = as_json ? json_array() : NULL;
		err = store_accounts_users_each(s, print_user, arr, &eb);
		store_close(s);
		if (err != JR_EOK) {
			json_decref(arr);
			return cli_fail("%s", eb.msg);
		}
		if (arr) {
			json_dumpf(arr, stdout, JSON_INDENT(2));
			fputc('\n', stdout);
			json_decref(arr);
		}
		return EXIT_DONE;
	}
	if (!strcmp(sub, "disable") || !strcmp(sub, "enable")) {
		if (argc != 3)
			return cli_usage_error("user", "user %s perlu tepat satu NAMA", sub);
		if (!cli_open_store(cli, STORE_EXISTING, &s))
			return EXIT_FAILED;
		err = account_user_disable(s, who, argv[2], !strcmp(sub, "disable"), &eb);
		store_close(s);
		if (err != JR_EOK)
			return cli_fail("%s", eb.msg);
		printf("Pengguna %s %s.\n", argv[2],
		       !strcmp(sub, "disable") ? "dinonaktifkan" : "diaktifkan");
		return EXIT_DONE;
	}
	if (!strcmp(sub, "passwd")) {
		bool from_stdin = argc == 4 && !strcmp(argv[3], "--password-stdin");
		if (argc != 3 && !from_stdin)
			return cli_usage_error("user", "user passwd NAMA [--password-stdin]");
		char pw[ACCOUNT_PASSWORD_MAX + 2];
		if (!get_password(from_stdin, pw, sizeof(pw)))
			return cli_fail("kata sandi tidak terbaca");
		if (!account_init())
			return cli_fail("libsodium tidak dapat dimulai");
		if (!cli_open_store(cli, STORE_EXISTING, &s))
			return EXIT_FAILED;
		err = account_user_passwd(s, who, argv[2], pw, &eb);
		store_close(s);
		memset(pw, 0, sizeof(pw));
		if (err != JR_EOK)
			return cli_fail("%s", eb.msg);
		printf("Kata sandi %s diganti; sesinya diakhiri.\n", argv[2]);
		return EXIT_DONE;
	}
	return cli_usage_error("user", "subperintah '%s' tidak dikenal (add, list, disable, "
				       "enable, passwd)", sub);
}

int cmd_token(const struct cli *cli, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		fputs(token_help, stdout);
		return EXIT_DONE;
	}
	if (argc != 3 || strcmp(argv[1], "add"))
		return cli_usage_error("token", "pemakaian: jaring token add NAMA");
	struct store *s;
	struct errbuf eb;
	char token[ACCOUNT_TOKEN_SIZE], who[80];
	if (!account_init())
		return cli_fail("libsodium tidak dapat dimulai");
	if (!cli_open_store(cli, STORE_EXISTING, &s))
		return EXIT_FAILED;
	actor(who, sizeof(who));
	jr_err err = account_token_issue(s, who, argv[2], token, &eb);
	store_close(s);
	if (err != JR_EOK)
		return cli_fail("%s", eb.msg);
	printf("%s\n", token);
	return EXIT_DONE;
}
