/* cmd_iuran.c - `jaring iuran`: the contribution of one case for one month. */
#include "compat.h"

#include <getopt.h>
#include <jansson.h>

#include "cli/cli.h"
#include "core/ids.h"
#include "core/money.h"
#include "ingest/rates.h"
#include "rules/iuran.h"

static const char help[] =
	"Pemakaian: jaring iuran --segment SEGMEN [OPSI...] [--json]\n"
	"\n"
	"Menghitung iuran satu peserta untuk satu bulan iuran, per program, menurut\n"
	"tabel tarif bawaan (data/rates/, tiap baris dengan dasar hukumnya).  Tiap\n"
	"bagian (pemberi kerja, pekerja) tiap program dibulatkan ke rupiah terdekat.\n"
	"\n"
	"  --segment S          PU (penerima upah), BPU (bukan penerima upah),\n"
	"                       JAKON (jasa konstruksi), PMI (pekerja migran)\n"
	"  --period YYYY-MM     bulan iuran, sejak 2015-07 (bawaan: bulan ini)\n"
	"  --programs \"...\"     program dipisah spasi, koma atau + (bawaan: PU \"JKK JKM\n"
	"                       JHT JP\", segmen lain \"JKK JKM\"); JKP hanya PU\n"
	"  --wage RP            upah sebulan (PU; JAKON bila upah diketahui)\n"
	"  --risk 1..5          kelompok risiko JKK pemberi kerja (PU; juga I..V)\n"
	"  --income RP          penghasilan yang dilaporkan (BPU; paling rendah Rp1.000.000)\n"
	"  --contract-value RP  nilai kontrak proyek (JAKON bila upah tidak diketahui)\n"
	"  --months N           lama perjanjian kerja dalam bulan (PMI)\n"
	"  --sector KBLI        KBLI 5 digit pemberi kerja atau peserta, untuk diskon\n"
	"                       PP 7/2025 jo. PP 36/2025 (industri padat karya) dan\n"
	"                       PP 50/2025 (BPU sektor transportasi)\n"
	"  --participants N     jumlah peserta aktif pemberi kerja (PP 7/2025: >= 50)\n"
	"  --payer P            yang membayar: self (bawaan), apbn, apbd, other;\n"
	"                       BPU yang dibayar APBN/APBD tidak mendapat diskon PP 50/2025\n"
	"  --in-arrears         pembayar menunggak: tanpa keringanan PP 49/2020\n"
	"  --json               keluaran JSON: segment, period, base, lines, employer,\n"
	"                       worker, total (rupiah)\n"
	"\n"
	"Jumlah rupiah boleh ditulis 5000000, 5.000.000 atau Rp5.000.000.\n"
	"\n"
	"Contoh:\n"
	"  jaring iuran --segment PU --wage 5000000 --risk 1 --programs \"JKK JKM JHT JP\" \\\n"
	"      --period 2024-11\n"
	"  jaring iuran --segment BPU --income 1000000 --programs \"JKK JKM JHT\"\n"
	"  jaring iuran --segment JAKON --contract-value 200000000\n"
	"\n"
	"Status keluar: 0 selesai, 1 tabel tarif rusak, 2 masukan salah.\n";

#define CMD "iuran"

/* "YYYY-MM" only. */
static bool parse_period(const char *s, int *year, int *month)
{
	if (strlen(s) != 7 || s[4] != '-')
		return false;
	int y = 0, m = 0;
	for (int i = 0; i < 7; i++) {
		if (i == 4)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (i < 4)
			y = y * 10 + (s[i] - '0');
		else
			m = m * 10 + (s[i] - '0');
	}
	if (y < 1 || m < 1 || m > 12)
		return false;
	*year = y;
	*month = m;
	return true;
}

static bool parse_amount(const char *opt, const char *value, int64_t *sen)
{
	struct errbuf eb;
	if (money_parse(value, strlen(value), sen, &eb) != JR_EOK) {
		cli_usage_error(CMD, "%s '%s': %s", opt, value, eb.msg);
		return false;
	}
	if (*sen < 0) {
		cli_usage_error(CMD, "%s '%s': tidak boleh negatif", opt, value);
		return false;
	}
	return true;
}

static bool parse_payer(const char *s, enum payer_source *out)
{
	static const struct {
		const char *name;
		enum payer_source p;
	} names[] = {
		{"self", PAYER_SELF}, {"sendiri", PAYER_SELF}, {"apbn", PAYER_APBN},
		{"apbd", PAYER_APBD}, {"other", PAYER_OTHER}, {"lain", PAYER_OTHER},
	};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (text_ieq(s, strlen(s), names[i].name)) {
			*out = names[i].p;
			return true;
		}
	return false;
}

/* An amount in rupiah as a JSON number: an integer when whole. */
static json_t *rupiah_json(int64_t sen)
{
	if (sen % SEN_PER_RUPIAH == 0)
		return json_integer(sen / SEN_PER_RUPIAH);
	return json_real((double)sen / SEN_PER_RUPIAH);
}

/* Significant digits that print every amount up to max_sen exactly to the sen. */
static int real_precision(int64_t max_sen)
{
	int digits = 1;
	for (int64_t v = max_sen / SEN_PER_RUPIAH; v >= 10; v /= 10)
		digits++;
	return digits + 2 > 17 ? 17 : digits + 2;
}

static void print_json(const struct iuran_case *c, const struct iuran_result *res)
{
	char period[16];
	snprintf(period, sizeof(period), "%04d-%02d", c->year, c->month);
	json_t *o = json_object(), *lines = json_array();
	json_object_set_new(o, "segment", json_string(segment_name(c->segment)));
	json_object_set_new(o, "period", json_string(period));
	json_object_set_new(o, "base", rupiah_json(res->base_sen));
	int64_t max = res->base_sen;
	for (int i = 0; i < res->nlines; i++) {
		const struct iuran_line *l = &res->line[i];
		json_t *j = json_object();
		json_object_set_new(j, "program", json_string(iuran_program_name(l->program)));
		json_object_set_new(j, "base", rupiah_json(l->base_sen));
		json_object_set_new(j, "rate", json_string(l->rate));
		json_object_set_new(j, "employer", rupiah_json(l->employer_sen));
		json_object_set_new(j, "worker", rupiah_json(l->worker_sen));
		json_object_set_new(j, "total", rupiah_json(l->total_sen));
		json_object_set_new(j, "rule", json_string(l->rule));
		json_array_append_new(lines, j);
		if (l->base_sen > max)
			max = l->base_sen;
	}
	json_object_set_new(o, "lines", lines);
	json_object_set_new(o, "employer", rupiah_json(res->employer_sen));
	json_object_set_new(o, "worker", rupiah_json(res->worker_sen));
	json_object_set_new(o, "total", rupiah_json(res->total_sen));
	json_dumpf(o, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(real_precision(max)));
	fputc('\n', stdout);
	json_decref(o);
}

/* "0.24%" -> "0,24%", "flat" -> "tetap", "tiered" -> "bertingkat". */
static const char *rate_id(const char *rate, char buf[static 16])
{
	if (!strcmp(rate, "flat"))
		return "tetap";
	if (!strcmp(rate, "tiered"))
		return "bertingkat";
	size_t n = strlen(rate);
	memcpy(buf, rate, n + 1);
	for (size_t i = 0; i < n; i++)
		if (buf[i] == '.')
			buf[i] = ',';
	return buf;
}

static const char *rp_or_dash(int64_t sen, char buf[static MONEY_FMT_SIZE])
{
	if (!sen)
		return "-";
	money_format_rp(sen, buf);
	return buf;
}

static void print_table(const struct iuran_case *c, const struct iuran_result *res)
{
	static const char *const months[] = {"Januari", "Februari", "Maret",     "April",
					     "Mei",     "Juni",     "Juli",      "Agustus",
					     "September", "Oktober", "November", "Desember"};
	static const char *const roman[] = {"", "I", "II", "III", "IV", "V"};
	char a[MONEY_FMT_SIZE], b[MONEY_FMT_SIZE], d[MONEY_FMT_SIZE], e[MONEY_FMT_SIZE], r[16];
	printf("Iuran %s, bulan %s %d\n", segment_name(c->segment), months[c->month - 1], c->year);
	money_format_rp(res->base_sen, a);
	switch (c->segment) {
	case SEG_PU:
		printf("Upah sebulan: %s", a);
		if ((c->programs & PROG_JKK) && c->risk_group >= 1 && c->risk_group <= 5)
			printf(", kelompok risiko JKK %s", roman[c->risk_group]);
		putchar('\n');
		break;
	case SEG_BPU:
		printf("Penghasilan yang dilaporkan: %s\n", a);
		break;
	case SEG_JAKON:
		printf("%s: %s\n", c->contract_sen ? "Nilai kontrak" : "Upah sebulan", a);
		break;
	default:
		printf("Lama perjanjian kerja: %d bulan\n", c->pmi_months);
		break;
	}
	const char *payer = c->segment == SEG_PU ? "Pemberi kerja" : "Pembayar";
	printf("\n%-8s %18s %11s %16s %14s %16s\n", "Program", "Dasar", "Tarif", payer, "Pekerja",
	       "Jumlah");
	int64_t deferred = 0;
	for (int i = 0; i < res->nlines; i++) {
		const struct iuran_line *l = &res->line[i];
		printf("%-8s %18s %11s %16s %14s %16s\n", iuran_program_name(l->program),
		       rp_or_dash(l->base_sen, a), rate_id(l->rate, r), rp_or_dash(l->employer_sen, b),
		       rp_or_dash(l->worker_sen, d), rp_or_dash(l->total_sen, e));
		deferred += l->deferred_sen;
	}
	money_format_rp(res->employer_sen, b);
	money_format_rp(res->worker_sen, d);
	money_format_rp(res->total_sen, e);
	printf("%-8s %18s %11s %16s %14s %16s\n", "Jumlah", "", "", b, d, e);
	if (deferred) {
		money_format_rp(deferred, a);
		printf("\nDitunda (PP 49/2020, dibayar 15 Mei 2021 - 15 April 2022): %s\n", a);
	}
	if (c->programs & PROG_JKP) {
		printf("\nAlokasi peserta JKP (rekomposisi; tagihan tidak berubah):\n");
		for (int i = 0; i < res->nlines; i++) {
			money_format_rp(res->line[i].allocated_sen, a);
			printf("  %-8s %16s\n", iuran_program_name(res->line[i].program), a);
		}
	}
	printf("\nDasar hukum:\n");
	for (int i = 0; i < res->nlines; i++)
		printf("  %-8s %s\n", iuran_program_name(res->line[i].program), res->line[i].rule);
}

int cmd_iuran(const struct cli *cli, int argc, char **argv)
{
	enum {
		O_SEGMENT = 256, O_PERIOD, O_PROGRAMS, O_WAGE, O_INCOME, O_CONTRACT, O_RISK, O_SECTOR,
		O_PARTICIPANTS, O_PAYER, O_ARREARS, O_MONTHS, O_JSON,
	};
	static const struct option opts[] = {
		{"segment", required_argument, NULL, O_SEGMENT},
		{"period", required_argument, NULL, O_PERIOD},
		{"programs", required_argument, NULL, O_PROGRAMS},
		{"wage", required_argument, NULL, O_WAGE},
		{"income", required_argument, NULL, O_INCOME},
		{"contract-value", required_argument, NULL, O_CONTRACT},
		{"risk", required_argument, NULL, O_RISK},
		{"sector", required_argument, NULL, O_SECTOR},
		{"participants", required_argument, NULL, O_PARTICIPANTS},
		{"payer", required_argument, NULL, O_PAYER},
		{"in-arrears", no_argument, NULL, O_ARREARS},
		{"months", required_argument, NULL, O_MONTHS},
		{"json", no_argument, NULL, O_JSON},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct iuran_case c = {.year = cli->today.year, .month = cli->today.month};
	bool as_json = false, have_programs = false, have_wage = false, have_income = false,
	     have_contract = false, have_risk = false, have_months = false;
	uint64_t u;
	struct errbuf eb;
	int opt;
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_SEGMENT:
			c.segment = segment_parse(optarg, strlen(optarg));
			if (c.segment == SEG_NONE)
				return cli_usage_error(CMD, "segmen '%s' tidak dikenal (PU, BPU, JAKON, PMI)",
						       optarg);
			break;
		case O_PERIOD:
			if (!parse_period(optarg, &c.year, &c.month))
				return cli_usage_error(CMD, "--period '%s': tulis YYYY-MM, mis. 2024-11",
						       optarg);
			break;
		case O_PROGRAMS:
			if (programs_parse(optarg, strlen(optarg), &c.programs, &eb) != JR_EOK)
				return cli_usage_error(CMD, "--programs: %s", eb.msg);
			if (!c.programs)
				return cli_usage_error(CMD, "--programs kosong");
			have_programs = true;
			break;
		case O_WAGE:
			if (!parse_amount("--wage", optarg, &c.wage_sen))
				return EXIT_USAGE;
			have_wage = true;
			break;
		case O_INCOME:
			if (!parse_amount("--income", optarg, &c.income_sen))
				return EXIT_USAGE;
			have_income = true;
			break;
		case O_CONTRACT:
			if (!parse_amount("--contract-value", optarg, &c.contract_sen))
				return EXIT_USAGE;
			have_contract = true;
			break;
		case O_RISK:
			c.risk_group = risk_group_parse(optarg, strlen(optarg));
			if (!c.risk_group)
				return cli_usage_error(CMD, "--risk '%s': kelompok risiko 1..5 (atau I..V)",
						       optarg);
			have_risk = true;
			break;
		case O_SECTOR:
			if (kbli_check(optarg, strlen(optarg), c.kbli, &eb) != JR_EOK)
				return cli_usage_error(CMD, "--sector '%s': %s", optarg, eb.msg);
			break;
		case O_PARTICIPANTS:
			if (!cli_parse_uint(optarg, INT_MAX, &u))
				return cli_usage_error(CMD, "--participants '%s': bilangan bulat >= 0",
						       optarg);
			c.employer_participants = (int)u;
			break;
		case O_PAYER:
			if (!parse_payer(optarg, &c.payer))
				return cli_usage_error(CMD, "--payer '%s': self, apbn, apbd atau other",
						       optarg);
			break;
		case O_ARREARS:
			c.in_arrears = true;
			break;
		case O_MONTHS:
			if (!cli_parse_uint(optarg, 240, &u) || u == 0)
				return cli_usage_error(CMD, "--months '%s': 1..240 bulan", optarg);
			c.pmi_months = (int)u;
			have_months = true;
			break;
		case O_JSON:
			as_json = true;
			break;
		case 'h':
			fputs(help, stdout);
			return EXIT_DONE;
		default:
			return cli_usage_error(CMD, "opsi '%s' tidak dikenal atau tanpa nilai",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error(CMD, "argumen '%s' tidak dikenal", argv[optind]);
	if (c.segment == SEG_NONE)
		return cli_usage_error(CMD, "--segment wajib (PU, BPU, JAKON, PMI)");

	/* Each segment has its own base: say so rather than ignore an option. */
	switch (c.segment) {
	case SEG_PU:
		if (have_income || have_contract || have_months)
			return cli_usage_error(CMD, "PU memakai --wage (bukan --income, --contract-value, --months)");
		if (!have_wage || !c.wage_sen)
			return cli_usage_error(CMD, "PU: --wage (upah sebulan) wajib dan lebih dari 0");
		if (!have_programs)
			c.programs = PROG_JKK | PROG_JKM | PROG_JHT | PROG_JP;
		if ((c.programs & PROG_JKK) && !have_risk)
			return cli_usage_error(CMD, "PU dengan JKK: --risk (kelompok risiko 1..5) wajib");
		break;
	case SEG_BPU:
		if (have_wage || have_contract || have_months || have_risk)
			return cli_usage_error(CMD, "BPU memakai --income (bukan --wage, --contract-value, --risk, --months)");
		if (!have_income || !c.income_sen)
			return cli_usage_error(CMD, "BPU: --income (penghasilan) wajib dan lebih dari 0");
		break;
	case SEG_JAKON:
		if (have_income || have_months || have_risk)
			return cli_usage_error(CMD, "JAKON memakai --contract-value atau --wage");
		if (have_wage == have_contract)
			return cli_usage_error(CMD, "JAKON: isi salah satu, --contract-value atau --wage");
		if ((have_wage && !c.wage_sen) || (have_contract && !c.contract_sen))
			return cli_usage_error(CMD, "JAKON: nilai kontrak atau upah harus lebih dari 0");
		break;
	default:
		if (have_wage || have_income || have_contract || have_risk)
			return cli_usage_error(CMD, "PMI memakai --months (paket Permenaker 4/2023)");
		if (!have_months)
			return cli_usage_error(CMD, "PMI: --months (lama perjanjian kerja) wajib");
		break;
	}
	if (!c.programs)
		c.programs = PROG_JKK | PROG_JKM;

	struct rates *rates;
	if (rates_load(&rates, &eb) != JR_EOK)
		return cli_fail("tabel tarif rusak: %s", eb.msg);
	struct iuran_result res;
	jr_err rc = iuran_compute(rates, &c, &res, &eb);
	rates_free(rates);
	if (rc != JR_EOK)
		return cli_usage_error(CMD, "%s", eb.msg);
	if (as_json)
		print_json(&c, &res);
	else
		print_table(&c, &res);
	return EXIT_DONE;
}
