/* cmd_nik.c - `jaring nik NIK...`: validate and decode national ID numbers. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "core/nik.h"

static const char help[] =
	"Pemakaian: jaring nik [--json] [--as-of YYYY-MM-DD] NIK...\n"
	"\n"
	"Memeriksa dan menguraikan NIK (16 digit: provinsi, kabupaten/kota, kecamatan,\n"
	"tanggal lahir DDMMYY dengan tanggal + 40 untuk perempuan, nomor urut).  Spasi,\n"
	"titik dan tanda hubung diabaikan.\n"
	"\n"
	"  --json           satu objek JSON per NIK (larik bila lebih dari satu)\n"
	"  --as-of TANGGAL  tanggal acuan untuk abad dan tanggal lahir (bawaan: hari ini)\n"
	"\n"
	"Status keluar: 0 bila semua sah, 3 bila ada yang tidak sah.\n";

static json_t *str_or_null(const char *s)
{
	return (s && *s) ? json_string(s) : json_null();
}

static json_t *messages(const char list[][NIK_MESSAGE_SIZE], int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(list[i]));
	return a;
}

static json_t *nik_json(const struct nik_info *ni)
{
	char bd[DATE_ISO_SIZE] = "", sex[2] = {ni->sex, 0};
	if (ni->has_birth_date)
		date_format_iso(ni->birth_date, bd);
	json_t *o = json_object();
	json_object_set_new(o, "nik", json_string(ni->nik));
	json_object_set_new(o, "valid", json_boolean(ni->valid));
	json_object_set_new(o, "errors", messages(ni->errors, ni->nerrors));
	json_object_set_new(o, "warnings",
			    messages(ni->warnings, ni->nwarnings));
	json_object_set_new(o, "province_code", str_or_null(ni->province_code));
	json_object_set_new(o, "province", str_or_null(ni->province));
	json_object_set_new(o, "regency_code", str_or_null(ni->regency_code));
	json_object_set_new(o, "regency", str_or_null(ni->regency));
	json_object_set_new(o, "district_code", str_or_null(ni->district_code));
	json_object_set_new(o, "district", str_or_null(ni->district));
	json_object_set_new(o, "birth_date", str_or_null(bd));
	json_object_set_new(o, "sex", str_or_null(sex));
	json_object_set_new(o, "serial", str_or_null(ni->serial));
	return o;
}

static void nik_print(const struct nik_info *ni, const char *input)
{
	char when[40];
	printf("%s  %s\n", ni->nik[0] ? ni->nik : input, ni->valid ? "SAH" : "TIDAK SAH");
	for (int i = 0; i < ni->nerrors; i++)
		printf("  galat: %s\n", ni->errors[i]);
	for (int i = 0; i < ni->nwarnings; i++)
		printf("  peringatan: %s\n", ni->warnings[i]);
	if (ni->province_code[0])
		printf("  provinsi      %-9s %s\n", ni->province_code, ni->province ? ni->province : "?");
	if (ni->regency_code[0])
		printf("  kab/kota      %-9s %s\n", ni->regency_code, ni->regency ? ni->regency : "?");
	if (ni->district_code[0])
		printf("  kecamatan     %-9s %s\n", ni->district_code, ni->district ? ni->district : "?");
	if (ni->has_birth_date)
		printf("  lahir         %s, %s\n", cli_fmt_date(ni->birth_date, when, sizeof(when)),
		       ni->sex == 'F' ? "perempuan" : "laki-laki");
	if (ni->serial[0])
		printf("  nomor urut    %s\n", ni->serial);
}

int cmd_nik(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"as-of", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool as_json = false;
	struct date ref_date = cli->today;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			as_json = true;
			break;
		case 'a':
			if (!cli_parse_date_opt("nik", "--as-of", optarg, &ref_date))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("nik", "opsi '%s' tidak dikenal", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("nik", "sebutkan paling sedikit satu NIK");

	struct refdata *ref;
	if (!cli_load_refdata(&ref))
		return EXIT_FAILED;
	int n = argc - optind;
	bool all_valid = true;
	json_t *arr = json_array();
	for (int i = optind; i < argc; i++) {
		struct nik_info ni;
		nik_parse(argv[i], strlen(argv[i]), ref->regions, ref_date, &ni);
		all_valid = all_valid && ni.valid;
		if (as_json)
			json_array_append_new(arr, nik_json(&ni));
		else
			nik_print(&ni, argv[i]);
	}
	if (as_json) {
		json_t *out = n == 1 ? json_array_get(arr, 0) : arr;
		json_dumpf(out, stdout, JSON_INDENT(2));
		fputc('\n', stdout);
	}
	json_decref(arr);
	refdata_free(ref);
	return all_valid ? EXIT_DONE : EXIT_PARTIAL;
}
