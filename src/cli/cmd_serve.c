/* cmd_serve.c - `jaring serve`: the web UI and the JSON API. */
#include "compat.h"

#include <getopt.h>

#include "cli/cli.h"
#include "http/http.h"

#ifndef JARING_SOURCE_DIR
#define JARING_SOURCE_DIR "."
#endif

static const char help[] =
	"Pemakaian: jaring [--db PATH] serve [--listen HOST:PORT] [--web DIR] [--threads N]\n"
	"\n"
	"Menyajikan antarmuka web dan API JSON di /api/v1/ (docs/api.yaml) sampai dihentikan\n"
	"(Ctrl-C atau SIGTERM: permintaan yang sedang berjalan diselesaikan dulu).  Baris\n"
	"pertama keluaran adalah alamatnya, mis. http://127.0.0.1:8080/.  Pengguna dibuat\n"
	"dengan `jaring user add`; klien API memakai `jaring token add`.\n"
	"\n"
	"  --listen HOST:PORT  alamat IPv4 dan port (bawaan 127.0.0.1:8080; port 0: port bebas)\n"
	"  --web DIR           berkas antarmuka (bawaan: web/ di pohon sumber)\n"
	"  --threads N         utas pekerja (bawaan: satu per CPU)\n"
	"  --routes            cetak daftar rute (METODE PATH AKSES) lalu keluar\n";

static bool parse_listen(const char *s, char *host, size_t size, unsigned *port)
{
	const char *colon = strrchr(s, ':');
	uint64_t p;
	if (!colon || colon == s || (size_t)(colon - s) >= size ||
	    !cli_parse_uint(colon + 1, 65535, &p))
		return false;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	*port = (unsigned)p;
	return true;
}

int cmd_serve(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"listen", required_argument, NULL, 'l'},
		{"web", required_argument, NULL, 'w'},
		{"threads", required_argument, NULL, 't'},
		{"routes", no_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char host[64] = "127.0.0.1";
	struct http_opts o = {
		.db = cli->db,
		.host = host,
		.port = 8080,
		.web_dir = JARING_SOURCE_DIR "/web",
		.vendor_dir = JARING_SOURCE_DIR "/node_modules",
		.package_json = JARING_SOURCE_DIR "/package.json",
		.url_out = stdout,
		.today = cli->today,
	};
	const char *today = getenv("JARING_TODAY");
	o.fixed_today = today && *today;
	uint64_t v;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			if (!parse_listen(optarg, host, sizeof(host), &o.port))
				return cli_usage_error("serve", "--listen harus HOST:PORT, mis. "
								"127.0.0.1:8080");
			break;
		case 'w':
			o.web_dir = optarg;
			break;
		case 't':
			if (!cli_parse_uint(optarg, 64, &v) || v < 1)
				return cli_usage_error("serve", "--threads harus 1 sampai 64");
			o.threads = (unsigned)v;
			break;
		case 'r':
			http_routes_print(stdout);
			return EXIT_DONE;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("serve", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("serve", "argumen '%s' tidak dikenal", argv[optind]);
	struct errbuf eb;
	if (http_serve(&o, &eb) != JR_EOK)
		return cli_fail("%s", eb.msg);
	return EXIT_DONE;
}
