/*
 * sirup.c - checking LKPP procurement rows and pricing construction
 * packages (see sirup.h; docs/formats.md "Procurement (SiRUP)").
 */
#include "compat.h"

#include "construction/sirup.h"

const struct column_def sirup_columns[SC_COUNT] = {
	[SC_KD_RUP] = {"kd_rup", "kode_rup|rup|rup_code", true},
	[SC_NAME] = {"nama_paket", "package_name|name|paket|nama", true},
	[SC_OWNER] = {"nama_satker", "owner|satker|satuan_kerja|nama_satuan_kerja", true},
	[SC_YEAR] = {"tahun_anggaran", "year|budget_year|tahun|ta", true},
	[SC_KIND] = {"jenis_pengadaan", "procurement_kind|kind|jenis", true},
	[SC_PAGU] = {"pagu", "budget|pagu_anggaran|nilai_pagu", false},
	[SC_HPS] = {"hps", "owner_estimate|nilai_hps|harga_perkiraan_sendiri", false},
	[SC_CONTRACT] = {"nilai_kontrak", "contract_value|kontrak|nilai_kontrak_paket", false},
	[SC_OWNER_CODE] = {"kd_satker", "owner_code|kode_satker", false},
	[SC_KLPD] = {"nama_klpd", "klpd|government|instansi", false},
	[SC_STATUS] = {"status_tender", "status|tender_status|status_paket", false},
	[SC_LOCATION] = {"lokasi_pekerjaan", "location|lokasi", false},
	[SC_ANNOUNCED] = {"tgl_pengumuman_tender", "announced_on|tanggal_pengumuman|tgl_pengumuman", false},
	[SC_CREATED] = {"tgl_buat_paket", "created_on|tanggal_buat_paket", false},
};

const char *sirup_value_source_name(enum sirup_value_source v)
{
	return v == SIRUP_VALUE_CONTRACT ? "contract" : v == SIRUP_VALUE_HPS ? "hps" : "pagu";
}

/* ---- plan codes ---- */

static int cmp_code(const void *a, const void *b)
{
	const char *x = a, *y = b;
	size_t lx = strlen(x), ly = strlen(y);
	if (lx != ly)
		return lx < ly ? -1 : 1;
	return strcmp(x, y);
}

jr_err sirup_codes_parse(const char *s, size_t len, char out[static SIRUP_KD_RUP_SIZE],
			 struct errbuf *eb)
{
	char code[SIRUP_CODES_MAX][SIRUP_CODE_DIGITS + 1];
	size_t n = 0, i = 0;
	out[0] = '\0';
	while (i < len) {
		char ch = s[i];
		if (ch == ';' || ch == ',' || ch == ' ' || ch == '\t') {
			i++;
			continue;
		}
		size_t start = i;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == start)
			return errbuf_set(eb, JR_EINVALID,
					  "kode RUP harus angka (beberapa kode dipisah ';')");
		if (i < len && s[i] != ';' && s[i] != ',' && s[i] != ' ' && s[i] != '\t')
			return errbuf_set(eb, JR_EINVALID,
					  "kode RUP harus angka (beberapa kode dipisah ';')");
		/* Leading zeros carry no meaning in an RUP number. */
		while (start < i - 1 && s[start] == '0')
			start++;
		if (i - start > SIRUP_CODE_DIGITS)
			return errbuf_set(eb, JR_EINVALID, "kode RUP lebih dari %d angka",
					  SIRUP_CODE_DIGITS);
		if (n == SIRUP_CODES_MAX)
			return errbuf_set(eb, JR_EINVALID, "lebih dari %d kode RUP dalam satu paket",
					  SIRUP_CODES_MAX);
		memcpy(code[n], s + start, i - start);
		code[n][i - start] = '\0';
		n++;
	}
	if (n == 0)
		return errbuf_set(eb, JR_EINVALID, "kode RUP kosong");
	qsort(code, n, sizeof(code[0]), cmp_code);
	size_t w = 0;
	for (size_t k = 0; k < n; k++) {
		if (k > 0 && !strcmp(code[k], code[k - 1]))
			continue;
		size_t cl = strlen(code[k]);
		if (w)
			out[w++] = ';';
		memcpy(out + w, code[k], cl);
		w += cl;
	}
	out[w] = '\0';
	return JR_EOK;
}

bool sirup_codes_contain(const char *list, const char *code)
{
	size_t cl = strlen(code);
	if (!cl)
		return false;
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ';');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == cl && !memcmp(p, code, cl))
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

/* ---- amounts ---- */

jr_err sirup_money_parse(const char *s, size_t len, int64_t *sen, struct errbuf *eb)
{
	text_trim(&s, &len);
	/* digits '.' digits with 3 or more decimals: LKPP's unrounded HPS. */
	size_t dot = len, i;
	for (i = 0; i < len; i++) {
		if (s[i] == '.' && dot == len)
			dot = i;
		else if (s[i] < '0' || s[i] > '9')
			break;
	}
	if (i == len && dot > 0 && dot < len && len - dot - 1 > 2) {
		int64_t v = 0;
		for (i = 0; i < dot + 3; i++) {
			if (i == dot)
				continue;
			if (v > MONEY_MAX_SEN / 10)
				return errbuf_set(eb, JR_EINVALID, "jumlah terlalu besar");
			v = v * 10 + (s[i] - '0');
		}
		if (s[dot + 3] >= '5')
			v++;
		if (v > MONEY_MAX_SEN)
			return errbuf_set(eb, JR_EINVALID, "jumlah terlalu besar");
		*sen = v;
		return JR_EOK;
	}
	jr_err err = money_parse(s, len, sen, eb);
	if (err == JR_EOK && *sen < 0)
		return errbuf_set(eb, JR_EINVALID, "jumlah tidak boleh negatif");
	return err;
}

/* ---- rows ---- */

struct srow {
	const struct sirup_ctx *c;
	const struct csvrecord *rec;
	bool rejected;
};

static void issue(struct srow *r, size_t col, const char *reason)
{
	struct row_issue is = {.line = r->rec->line, .reason = reason};
	if (col < SC_COUNT) {
		is.column = sirup_columns[col].name;
		is.value = columns_value(r->c->map, r->rec, col, &is.value_len);
	} else {
		is.column = "";
		is.value = "";
	}
	r->rejected = true;
	r->c->on_issue(r->c->issue_ctx, &is);
}

static const char *val(struct srow *r, size_t col, size_t *len)
{
	const char *s = columns_value(r->c->map, r->rec, col, len);
	text_trim(&s, len);
	return s;
}

/* Free text, trimmed; line breaks and tabs become spaces, other control bytes reject. */
static void text(struct srow *r, size_t col, bool required, char *dst, size_t size)
{
	size_t len, n = 0;
	const char *s = val(r, col, &len);
	char why[80];
	dst[0] = '\0';
	if (len == 0) {
		if (required)
			issue(r, col, "wajib diisi");
		return;
	}
	if (len >= size) {
		snprintf(why, sizeof(why), "terlalu panjang: %zu byte, paling banyak %zu", len,
			 size - 1);
		issue(r, col, why);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\r' || ch == '\n' || ch == '\t') {
			if (n > 0 && dst[n - 1] != ' ')
				dst[n++] = ' ';
			continue;
		}
		if (ch < 0x20 || ch == 0x7f) {
			snprintf(why, sizeof(why), "mengandung karakter kendali 0x%02x", ch);
			issue(r, col, why);
			dst[0] = '\0';
			return;
		}
		dst[n++] = (char)ch;
	}
	dst[n] = '\0';
}

static void amount(struct srow *r, size_t col, int64_t *out)
{
	size_t len;
	const char *s = val(r, col, &len);
	struct errbuf eb;
	*out = -1;
	if (!len)
		return;
	if (sirup_money_parse(s, len, out, &eb) != JR_EOK) {
		*out = -1;
		issue(r, col, eb.msg);
	}
}

/* The date part of "2025-06-19 08:00:00" or a plain date; false when absent or bad. */
static bool day_of(struct srow *r, size_t col, struct date *d)
{
	size_t len;
	const char *s = val(r, col, &len);
	struct errbuf eb;
	if (len > 10 && s[10] == ' ')
		len = 10;
	return len && date_parse(s, len, d, &eb) == JR_EOK;
}

static bool contains_word(const char *s, const char *w)
{
	size_t wl = strlen(w), sl = strlen(s);
	for (size_t i = 0; i + wl <= sl; i++)
		if (text_ieq(s + i, wl, w))
			return true;
	return false;
}

bool sirup_row(const struct sirup_ctx *c, const struct csvrecord *rec, struct sirup_package *p)
{
	struct srow r = {.c = c, .rec = rec};
	struct errbuf eb;
	size_t len;
	const char *s;

	memset(p, 0, sizeof(*p));
	p->line = rec->line;
	if (rec->truncated) {
		issue(&r, SC_COUNT, "baris terlalu panjang atau terlalu banyak kolom");
		return false;
	}
	s = val(&r, SC_KD_RUP, &len);
	if (sirup_codes_parse(s, len, p->kd_rup, &eb) != JR_EOK)
		issue(&r, SC_KD_RUP, eb.msg);
	text(&r, SC_NAME, true, p->name, sizeof(p->name));
	text(&r, SC_OWNER, true, p->owner, sizeof(p->owner));
	text(&r, SC_OWNER_CODE, false, p->owner_code, sizeof(p->owner_code));
	text(&r, SC_KLPD, false, p->klpd, sizeof(p->klpd));
	text(&r, SC_KIND, true, p->kind, sizeof(p->kind));
	p->construction = text_ieq(p->kind, strlen(p->kind), "Pekerjaan Konstruksi");
	text(&r, SC_STATUS, false, p->status, sizeof(p->status));
	p->failed = contains_word(p->status, "gagal") || contains_word(p->status, "batal");
	text(&r, SC_LOCATION, false, p->location, sizeof(p->location));

	s = val(&r, SC_YEAR, &len);
	int year = 0;
	for (size_t i = 0; i < len && year >= 0; i++)
		year = (s[i] >= '0' && s[i] <= '9' && i < 4) ? year * 10 + (s[i] - '0') : -1;
	if (!len)
		issue(&r, SC_YEAR, "wajib diisi");
	else if (year < 2000 || year > 2099)
		issue(&r, SC_YEAR, "tahun anggaran harus antara 2000 dan 2099");
	else
		p->year = year;

	amount(&r, SC_PAGU, &p->pagu_sen);
	amount(&r, SC_HPS, &p->hps_sen);
	amount(&r, SC_CONTRACT, &p->contract_sen);
	if (p->contract_sen > 0) {
		p->value_sen = p->contract_sen;
		p->value_source = SIRUP_VALUE_CONTRACT;
	} else if (p->hps_sen > 0) {
		p->value_sen = p->hps_sen;
		p->value_source = SIRUP_VALUE_HPS;
	} else if (p->pagu_sen > 0) {
		p->value_sen = p->pagu_sen;
		p->value_source = SIRUP_VALUE_PAGU;
	} else if (!r.rejected) {
		issue(&r, SC_PAGU, "tidak ada nilai paket (nilai_kontrak, hps atau pagu)");
	}

	/* Rates of the month the tender was announced, else the plan's first month. */
	struct date d;
	if (day_of(&r, SC_ANNOUNCED, &d) || day_of(&r, SC_CREATED, &d))
		p->priced_on = (struct date){d.year, d.month, 1};
	else
		p->priced_on = (struct date){p->year ? p->year : 2000, 1, 1};
	return !r.rejected;
}

bool sirup_supersedes(const struct sirup_package *kept, const struct sirup_package *later)
{
	return !later->failed || kept->failed;
}

int64_t construction_expected_workers(int64_t value_sen)
{
	if (value_sen <= 0)
		return 0;
	return (value_sen - 1) / CONSTRUCTION_VALUE_PER_WORKER_SEN + 1;
}

jr_err sirup_price(const struct rates *r, struct sirup_package *p, struct errbuf *eb)
{
	struct iuran_case c = {
		.segment = SEG_JAKON,
		.year = p->priced_on.year,
		.month = p->priced_on.month,
		.contract_sen = p->value_sen,
		.programs = PROG_JKK | PROG_JKM,
	};
	struct iuran_result res;
	/* JAKON rates start in July 2015: an older package is priced by the first table. */
	if (c.year < 2015 || (c.year == 2015 && c.month < 7)) {
		c.year = 2015;
		c.month = 7;
	}
	jr_err err = iuran_compute(r, &c, &res, eb);
	if (err != JR_EOK)
		return err;
	p->expected_sen = res.total_sen;
	p->expected_workers = construction_expected_workers(p->value_sen);
	return JR_EOK;
}
