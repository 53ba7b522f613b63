/* cmd_compliance.c - `jaring compliance`: compliance findings per employer, with evidence. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "compliance/compliance.h"
#include "core/money.h"
#include "ingest/rates.h"

static const char help[] =
	"Pemakaian: jaring [--db PATH] compliance [--as-of TANGGAL] [--kind JENIS[,JENIS]]\n"
	"                  [--employer NPP] [--json] [--limit N]\n"
	"\n"
	"Temuan kepatuhan per pemberi kerja, masing-masing dengan buktinya dan perkiraan\n"
	"iuran yang hilang setiap bulan (docs/rules.md \"Compliance findings\"):\n"
	"  pds_tk            pekerja aktif terdaftar lebih sedikit dari jumlah di izin usaha\n"
	"  pds_upah          upah dilaporkan di bawah UMK kabupaten/kota tahun itu\n"
	"  pds_program       program kurang dari yang wajib menurut skala usaha\n"
	"                    (Perpres 109/2013: besar/menengah JKK JKM JHT JP, kecil JKK JKM\n"
	"                    JHT, mikro JKK JKM)\n"
	"  arrears           iuran yang sudah lewat jatuh tempo dan belum dibayar\n"
	"  opd_unregistered  OPD tanpa pekerja non-ASN aktif, atau satker dalam data\n"
	"                    pengadaan yang belum terdaftar (Inpres 2/2021)\n"
	"\n"
	"  --as-of TANGGAL  tanggal acuan (bawaan: hari ini)\n"
	"  --kind JENIS     hanya jenis temuan ini (boleh beberapa, dipisah koma)\n"
	"  --employer NPP   hanya temuan satu pemberi kerja\n"
	"  --json           {as_of, findings: [{employer_npp, employer_name, kind, evidence,\n"
	"                   missing_monthly_sen, summary}], totals} (uang dalam sen)\n"
	"  --limit N        baris tabel (bawaan 30; 0 = semua)\n";

static json_t *evidence_json(const struct finding *f)
{
	json_t *o = json_object();
	for (size_t i = 0; i < f->nev; i++) {
		const struct evidence *e = &f->ev[i];
		json_t *v = e->type == EV_TEXT   ? json_string(e->text)
			    : e->type == EV_BOOL ? json_boolean(e->num)
						 : json_integer((json_int_t)e->num);
		json_object_set_new(o, e->key, v);
	}
	return o;
}

static int print_json(const struct compliance_report *r)
{
	char day[DATE_ISO_SIZE];
	date_format_iso(r->as_of, day);
	json_t *o = json_object(), *a = json_array(), *by = json_object();
	json_object_set_new(o, "as_of", json_string(day));
	for (size_t i = 0; i < r->n; i++) {
		const struct finding *f = &r->f[i];
		json_array_append_new(
			a, json_pack("{s:s, s:s, s:s, s:o, s:I, s:s}", "employer_npp", f->npp,
				     "employer_name", f->name, "kind", finding_kind_name(f->kind),
				     "evidence", evidence_json(f), "missing_monthly_sen",
				     (json_int_t)f->missing_monthly_sen, "summary", f->summary));
	}
	json_object_set_new(o, "findings", a);
	for (int k = FINDING_NONE + 1; k < FINDING_COUNT; k++)
		json_object_set_new(by, finding_kind_name((enum finding_kind)k),
				    json_pack("{s:I, s:I}", "findings", (json_int_t)r->by_kind[k],
					      "missing_monthly_sen",
					      (json_int_t)r->missing_by_kind_sen[k]));
	json_object_set_new(o, "totals",
			    json_pack("{s:I, s:I, s:I, s:o}", "findings", (json_int_t)r->n,
				      "employers", (json_int_t)r->employers, "missing_monthly_sen",
				      (json_int_t)r->missing_total_sen, "by_kind", by));
	int rc = json_dumpf(o, stdout, JSON_INDENT(2)) == 0 ? EXIT_DONE : EXIT_FAILED;
	fputc('\n', stdout);
	json_decref(o);
	return rc;
}

static void print_table(const struct compliance_report *r, size_t limit)
{
	char day[64], a[MONEY_FMT_SIZE], n1[32], n2[32];
	cli_fmt_date(r->as_of, day, sizeof(day));
	money_format_rp(r->missing_total_sen, a);
	printf("Temuan kepatuhan per %s: %s temuan pada %s pemberi kerja; perkiraan iuran hilang "
	       "%s per bulan.\n",
	       day, cli_fmt_count((int64_t)r->n, n1, sizeof(n1)),
	       cli_fmt_count((int64_t)r->employers, n2, sizeof(n2)), a);
	for (int k = FINDING_NONE + 1; k < FINDING_COUNT; k++) {
		if (!r->by_kind[k])
			continue;
		money_format_rp(r->missing_by_kind_sen[k], a);
		printf("  %-24s %6zu temuan  %18s/bulan\n", finding_kind_label((enum finding_kind)k),
		       r->by_kind[k], a);
	}
	if (!r->n)
		return;
	printf("\n%-10s %-36s %-22s %16s  %s\n", "NPP", "pemberi kerja", "temuan", "hilang/bulan",
	       "bukti");
	size_t shown = limit && limit < r->n ? limit : r->n;
	for (size_t i = 0; i < shown; i++) {
		const struct finding *f = &r->f[i];
		money_format_rp(f->missing_monthly_sen, a);
		printf("%-10s %-36.36s %-22s %16s  %s\n", f->npp[0] ? f->npp : "-", f->name,
		       finding_kind_label(f->kind), f->missing_monthly_sen ? a : "-", f->summary);
	}
	if (shown < r->n)
		printf("... dan %s temuan lainnya (--limit 0 untuk semua, --json)\n",
		       cli_fmt_count((int64_t)(r->n - shown), n1, sizeof(n1)));
}

/* "pds_upah,arrears" -> bits; false on an unknown name. */
static bool parse_kinds(const char *s, unsigned *bits)
{
	char buf[128];
	if (strlen(s) >= sizeof(buf))
		return false;
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *p = buf, *e; p; p = e) {
		e = strchr(p, ',');
		if (e)
			*e++ = '\0';
		enum finding_kind k = finding_kind_parse(p);
		if (k == FINDING_NONE)
			return false;
		*bits |= 1u << k;
	}
	return true;
}

int cmd_compliance(const struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"as-of", required_argument, NULL, 'a'},
		{"kind", required_argument, NULL, 'k'},
		{"employer", required_argument, NULL, 'e'},
		{"json", no_argument, NULL, 'j'},
		{"limit", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct compliance_opts o = {.as_of = cli->today};
	bool as_json = false;
	uint64_t limit = 30;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (!cli_parse_date_opt("compliance", "--as-of", optarg, &o.as_of))
				return EXIT_USAGE;
			break;
		case 'k':
			if (!parse_kinds(optarg, &o.kinds))
				return cli_usage_error("compliance",
						       "--kind '%s' tidak dikenal (pds_tk, pds_upah, "
						       "pds_program, arrears, opd_unregistered)",
						       optarg);
			break;
		case 'e':
			o.employer_npp = optarg;
			break;
		case 'j':
			as_json = true;
			break;
		case 'l':
			if (!cli_parse_uint(optarg, 100000000, &limit))
				return cli_usage_error("compliance", "--limit harus bilangan tak negatif");
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error("compliance", "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("compliance", "argumen '%s' tidak dikenal", argv[optind]);

	struct refdata *ref;
	struct rates *rates;
	struct store *s;
	struct errbuf eb;
	if (rates_load(&rates, &eb) != JR_EOK)
		return cli_fail("tarif: %s", eb.msg);
	if (!cli_load_refdata(&ref)) {
		rates_free(rates);
		return EXIT_FAILED;
	}
	if (!cli_open_store(cli, STORE_EXISTING, &s)) {
		refdata_free(ref);
		rates_free(rates);
		return EXIT_FAILED;
	}
	struct compliance_report r;
	jr_err err = compliance_run(s, ref, rates, &o, &r, &eb);
	store_close(s);
	refdata_free(ref);
	rates_free(rates);
	if (err != JR_EOK)
		return cli_fail("kepatuhan: %s", eb.msg);
	int rc = EXIT_DONE;
	if (as_json)
		rc = print_json(&r);
	else
		print_table(&r, (size_t)limit);
	compliance_report_free(&r);
	return rc;
}
