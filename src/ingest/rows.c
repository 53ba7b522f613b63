/*
 * rows.c - row validation for employers and workers (see rows.h and
 * docs/formats.md, which lists every rule below in words).
 */
#include "compat.h"

#include "core/money.h"
#include "ingest/rows.h"

const struct column_def employer_columns[EC_COUNT] = {
	[EC_NPP] = {"npp", "no_npp|nomor_npp|nomor_pendaftaran_perusahaan", true},
	[EC_NAME] = {"name", "nama|nama_perusahaan|nama_badan_usaha|nama_pemberi_kerja|nama_usaha", true},
	[EC_NIB] = {"nib", "nomor_induk_berusaha|no_nib", false},
	[EC_NPWP] = {"npwp", "no_npwp|nomor_npwp", false},
	[EC_KBLI] = {"kbli", "kode_kbli|kbli_2020", false},
	[EC_REGION] = {"region_code", "kode_wilayah|wilayah|kode_kecamatan|kode_desa", false},
	[EC_ADDRESS] = {"address", "alamat|alamat_usaha", false},
	[EC_SCALE] = {"scale", "skala|skala_usaha|ukuran", false},
	[EC_RISK] = {"risk_group", "kelompok_risiko|risiko|tingkat_risiko|kelas_risiko|risiko_jkk", false},
	[EC_KIND] = {"kind", "jenis|jenis_pemberi_kerja|jenis_badan_usaha|jenis_usaha", false},
};

const struct column_def worker_columns[WC_COUNT] = {
	[WC_NIK] = {"nik", "no_nik|nomor_nik|nomor_induk_kependudukan|no_ktp|nomor_ktp", true},
	[WC_NAME] = {"name", "nama|nama_lengkap|nama_tenaga_kerja|nama_peserta|nama_pekerja", true},
	[WC_BIRTH] = {"birth_date", "tgl_lahir|tanggal_lahir|tgllahir|lahir", false},
	[WC_SEX] = {"sex", "gender|jenis_kelamin|jk|l_p|kelamin", false},
	[WC_KPJ] = {"kpj", "no_kpj|nomor_kpj|nomor_peserta|no_peserta", false},
	[WC_NPP] = {"employer_npp", "npp|npp_pemberi_kerja|npp_perusahaan|npp_badan_usaha", false},
	[WC_SEGMENT] = {"segment", "segmen|jenis_kepesertaan|kepesertaan|segmen_kepesertaan", true},
	[WC_WAGE] = {"wage", "upah|penghasilan|gaji|upah_sebulan|income", false},
	[WC_PROGRAMS] = {"programs", "program|program_jaminan|programs_jaminan", false},
	[WC_START] = {"start_date", "tanggal_mulai|tgl_mulai|mulai|tmt|tanggal_kepesertaan", true},
	[WC_END] = {"end_date", "tanggal_akhir|tgl_akhir|tanggal_selesai|selesai|tgl_selesai", false},
	[WC_OCCUPATION] = {"occupation", "pekerjaan|jabatan|profesi", false},
	[WC_REGION] = {"region_code", "kode_wilayah|wilayah|kode_kecamatan|kode_desa", false},
	[WC_PHONE] = {"phone", "telepon|no_hp|nomor_hp|hp|telp|no_telepon|nomor_telepon", false},
};

void row_issue(struct row_reader *r, size_t col, bool warning, const char *fmt, ...)
{
	char reason[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	struct row_issue is = {.line = r->rec->line, .reason = reason, .warning = warning};
	if (col < COLUMNS_MAX) {
		is.column = r->defs[col].name;
		is.value = columns_value(r->c->map, r->rec, col, &is.value_len);
	} else {
		is.column = "";
		is.value = "";
	}
	if (!warning)
		r->rejected = true;
	r->c->on_issue(r->c->issue_ctx, &is);
}

/* The trimmed value of a column; *len 0 when empty or absent. */
const char *row_value(struct row_reader *r, size_t col, size_t *len)
{
	const char *s = columns_value(r->c->map, r->rec, col, len);
	text_trim(&s, len);
	return s;
}

/*
 * Copies a free-text value, trimmed.  Line breaks and tabs (Alt+Enter in an
 * Excel cell) become single spaces; other control characters reject the row.
 */
void row_text(struct row_reader *r, size_t col, bool required, char *dst, size_t size)
{
	size_t len, n = 0;
	const char *s = row_value(r, col, &len);
	dst[0] = '\0';
	if (len == 0) {
		if (required)
			row_issue(r, col, false, "wajib diisi");
		return;
	}
	if (len >= size) {
		row_issue(r, col, false, "terlalu panjang: %zu byte, paling banyak %zu", len, size - 1);
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
			row_issue(r, col, false, "mengandung karakter kendali 0x%02x", ch);
			dst[0] = '\0';
			return;
		}
		dst[n++] = (char)ch;
	}
	dst[n] = '\0';
}

void row_region(struct row_reader *r, size_t col, char out[static REGION_CODE_SIZE])
{
	size_t len;
	const char *s = row_value(r, col, &len);
	struct errbuf eb;
	out[0] = '\0';
	if (len == 0)
		return;
	if (region_code_normalise(s, len, out, &eb) == REGION_NONE) {
		row_issue(r, col, false, "kode wilayah salah: %s", eb.msg);
		out[0] = '\0';
		return;
	}
	if (!region_index_name(r->c->ref->regions, out)) {
		row_issue(r, col, false, "kode wilayah %s tidak ada dalam daftar Kemendagri", out);
		out[0] = '\0';
	}
}

bool row_date(struct row_reader *r, size_t col, bool required, struct date *d)
{
	size_t len;
	const char *s = row_value(r, col, &len);
	struct errbuf eb;
	if (len == 0) {
		if (required)
			row_issue(r, col, false, "wajib diisi");
		return false;
	}
	jr_err err = date_parse(s, len, d, &eb);
	if (err == JR_EPARSE) {
		row_issue(r, col, false, "tanggal salah: %s (tulis YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY)",
		      eb.msg);
		return false;
	}
	if (err != JR_EOK) {
		row_issue(r, col, false, "tanggal salah: %s", eb.msg);
		return false;
	}
	if (d->year < 1900) {
		row_issue(r, col, false, "tahun %d terlalu lama", d->year);
		return false;
	}
	return true;
}

bool row_is_blank(const struct csvrecord *rec)
{
	for (size_t f = 0; f < rec->nfields; f++) {
		const char *s = rec->field[f];
		size_t len = rec->len[f];
		text_trim(&s, &len);
		if (len)
			return false;
	}
	return true;
}

void row_whole_checks(struct row_reader *r)
{
	if (r->rec->truncated)
		row_issue(r, COLUMNS_MAX, false, "baris terlalu panjang (isian lebih dari %d byte atau "
			"lebih dari %d kolom)", CSV_FIELD_MAX, CSV_FIELDS_MAX);
	if (r->rec->recoded)
		row_issue(r, COLUMNS_MAX, true, "teks bukan UTF-8; dibaca sebagai Windows-1252");
}

bool row_employer(const struct row_ctx *c, const struct csvrecord *rec, struct employer *e)
{
	struct row_reader r = {c, rec, employer_columns, false};
	struct errbuf eb;
	size_t len;
	const char *s;
	bool warn = false;

	memset(e, 0, sizeof(*e));
	row_whole_checks(&r);
	s = row_value(&r, EC_NPP, &len);
	if (len == 0)
		row_issue(&r, EC_NPP, false, "wajib diisi");
	else if (npp_check(s, len, e->npp, &warn, &eb) != JR_EOK)
		row_issue(&r, EC_NPP, false, "%s", eb.msg);
	else if (warn)
		row_issue(&r, EC_NPP, true, "NPP biasanya 8 digit (atau 8 + 3 digit divisi)");
	row_text(&r, EC_NAME, true, e->name, sizeof(e->name));
	if ((s = row_value(&r, EC_NIB, &len)), len && nib_check(s, len, e->nib, &eb) != JR_EOK)
		row_issue(&r, EC_NIB, false, "%s", eb.msg);
	if ((s = row_value(&r, EC_NPWP, &len)), len && npwp_check(s, len, e->npwp, &eb) != JR_EOK)
		row_issue(&r, EC_NPWP, false, "%s", eb.msg);
	if ((s = row_value(&r, EC_KBLI, &len)), len) {
		if (kbli_check(s, len, e->kbli, &eb) != JR_EOK)
			row_issue(&r, EC_KBLI, false, "%s", eb.msg);
		else if (!refdata_kbli_known(c->ref, e->kbli))
			row_issue(&r, EC_KBLI, true, "kode %s tidak ada di KBLI 2020", e->kbli);
	}
	row_region(&r, EC_REGION, e->region_code);
	row_text(&r, EC_ADDRESS, false, e->address, sizeof(e->address));
	if ((s = row_value(&r, EC_SCALE, &len)), len && !(e->scale = scale_parse(s, len)))
		row_issue(&r, EC_SCALE, false, "skala harus micro/small/medium/large "
			"(mikro/kecil/menengah/besar)");
	if ((s = row_value(&r, EC_RISK, &len)), len && !(e->risk_group = risk_group_parse(s, len)))
		row_issue(&r, EC_RISK, false, "kelompok risiko JKK harus 1 sampai 5");
	e->kind = EKIND_COMPANY;
	if ((s = row_value(&r, EC_KIND, &len)), len && !(e->kind = employer_kind_parse(s, len)))
		row_issue(&r, EC_KIND, false, "jenis harus company, government_office, religious_unit, "
			"market, cooperative atau other");
	return !r.rejected;
}

/* NIK: hard rules reject, soft rules warn; fills p->nik and the decoded parts. */
static void worker_nik(struct row_reader *r, struct person *p, struct nik_info *ni)
{
	size_t len;
	const char *s = row_value(r, WC_NIK, &len);
	if (len == 0) {
		row_issue(r, WC_NIK, false, "wajib diisi");
		return;
	}
	if (len > 40) {
		row_issue(r, WC_NIK, false, "NIK harus 16 digit");
		return;
	}
	nik_parse(s, len, r->c->ref->regions, r->c->today, ni);
	for (int i = 0; i < ni->nerrors; i++)
		row_issue(r, WC_NIK, false, "%s", ni->errors[i]);
	for (int i = 0; i < ni->nwarnings; i++)
		row_issue(r, WC_NIK, true, "%s", ni->warnings[i]);
	if (ni->valid)
		p->nik = nik_to_int(ni->nik);
}

static void worker_person(struct row_reader *r, struct person *p, const struct nik_info *ni)
{
	size_t len;
	const char *s;
	row_text(r, WC_NAME, true, p->name, sizeof(p->name));
	p->has_birth_date = row_date(r, WC_BIRTH, false, &p->birth_date);
	if (p->has_birth_date && date_cmp(p->birth_date, r->c->today) > 0)
		row_issue(r, WC_BIRTH, false, "tanggal lahir di masa depan");
	else if (p->has_birth_date && ni->has_birth_date &&
		 (p->birth_date.month != ni->birth_date.month ||
		  p->birth_date.day != ni->birth_date.day ||
		  p->birth_date.year % 100 != ni->birth_date.year % 100)) {
		char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
		date_format_iso(p->birth_date, a);
		date_format_iso(ni->birth_date, b);
		row_issue(r, WC_BIRTH, true, "tanggal lahir %s berbeda dari tanggal di NIK (%s)", a, b);
	}
	if (!p->has_birth_date && ni->has_birth_date) {
		/* No birth date column: the NIK's own date is the best we know. */
		p->has_birth_date = true;
		p->birth_date = ni->birth_date;
	}
	if ((s = row_value(r, WC_SEX, &len)), len) {
		p->sex = sex_parse(s, len);
		if (!p->sex)
			row_issue(r, WC_SEX, false, "jenis kelamin harus L/P (atau M/F)");
		else if (ni->sex && p->sex != ni->sex)
			row_issue(r, WC_SEX, true, "jenis kelamin %s berbeda dari NIK (%s)",
			      p->sex == 'M' ? "L" : "P", ni->sex == 'M' ? "L" : "P");
	} else {
		p->sex = ni->sex;
	}
	row_region(r, WC_REGION, p->region_code);
	if ((s = row_value(r, WC_PHONE, &len)), len) {
		struct errbuf eb;
		if (phone_check(s, len, p->phone, &eb) != JR_EOK)
			row_issue(r, WC_PHONE, false, "%s", eb.msg);
	}
}

static void worker_membership(struct row_reader *r, struct membership *m, const struct person *p)
{
	size_t len;
	const char *s;
	struct errbuf eb;
	struct employer_ref emp = {0, SCALE_NONE};
	bool has_employer = false;

	m->person_nik = p->nik;
	/* The file's region_code is where the person lives; a membership's own work
	 * location is not a column of the workers file and is left as it is. */
	if ((s = row_value(r, WC_KPJ, &len)), len && kpj_check(s, len, m->kpj, &eb) != JR_EOK)
		row_issue(r, WC_KPJ, false, "%s", eb.msg);
	s = row_value(r, WC_SEGMENT, &len);
	m->segment = len ? segment_parse(s, len) : SEG_NONE;
	if (len == 0)
		row_issue(r, WC_SEGMENT, false, "wajib diisi (PU, BPU, JAKON atau PMI)");
	else if (m->segment == SEG_NONE)
		row_issue(r, WC_SEGMENT, false, "segmen harus PU, BPU, JAKON atau PMI");

	if ((s = row_value(r, WC_NPP, &len)), len) {
		char npp[NPP_SIZE];
		bool warn;
		if (m->segment == SEG_BPU)
			row_issue(r, WC_NPP, false, "peserta BPU tidak memiliki pemberi kerja; kosongkan NPP");
		else if (npp_check(s, len, npp, &warn, &eb) != JR_EOK)
			row_issue(r, WC_NPP, false, "%s", eb.msg);
		else if (!r->c->employer_find(r->c->employer_ctx, npp, &emp))
			row_issue(r, WC_NPP, false, "NPP %s belum terdaftar; impor pemberi kerja dulu", npp);
		else
			has_employer = true;
	} else if (m->segment == SEG_PU || m->segment == SEG_JAKON) {
		row_issue(r, WC_NPP, false, "wajib diisi untuk segmen %s", segment_name(m->segment));
	}
	m->employer_id = has_employer ? emp.id : 0;

	s = row_value(r, WC_WAGE, &len);
	if (len) {
		if (money_parse(s, len, &m->wage_sen, &eb) != JR_EOK)
			row_issue(r, WC_WAGE, false, "%s", eb.msg);
		else if (m->wage_sen < 0)
			row_issue(r, WC_WAGE, false, "tidak boleh negatif");
		else if (m->wage_sen == 0 && (m->segment == SEG_PU || m->segment == SEG_BPU))
			row_issue(r, WC_WAGE, false, "%s harus lebih dari 0",
			      m->segment == SEG_PU ? "upah" : "penghasilan");
	} else if (m->segment == SEG_PU || m->segment == SEG_BPU) {
		row_issue(r, WC_WAGE, false, "wajib diisi untuk segmen %s (%s)", segment_name(m->segment),
		      m->segment == SEG_PU ? "upah sebulan" : "penghasilan yang dilaporkan");
	}

	s = row_value(r, WC_PROGRAMS, &len);
	if (len) {
		if (programs_parse(s, len, &m->programs, &eb) != JR_EOK)
			row_issue(r, WC_PROGRAMS, false, "%s", eb.msg);
	}
	if (!len || !m->programs) {
		/* Perpres 109/2013: PU by employer size; every other segment JKK + JKM. */
		m->programs = m->segment == SEG_PU ? programs_required_pu(emp.scale)
						   : (PROG_JKK | PROG_JKM);
	}
	if (m->segment != SEG_NONE) {
		unsigned extra = m->programs & ~programs_allowed(m->segment);
		char names[40];
		if (extra)
			row_issue(r, WC_PROGRAMS, false, "program %s tidak tersedia untuk segmen %s",
			      programs_format(extra, names, sizeof(names)), segment_name(m->segment));
		else if ((m->programs & (PROG_JKK | PROG_JKM)) != (PROG_JKK | PROG_JKM))
			row_issue(r, WC_PROGRAMS, false, "JKK dan JKM wajib untuk setiap peserta");
	}

	bool has_start = row_date(r, WC_START, true, &m->start);
	m->has_end = row_date(r, WC_END, false, &m->end);
	if (has_start && m->has_end && date_cmp(m->end, m->start) < 0)
		row_issue(r, WC_END, false, "tanggal akhir sebelum tanggal mulai");
	if (has_start && p->has_birth_date && date_cmp(m->start, p->birth_date) <= 0)
		row_issue(r, WC_START, false, "tanggal mulai sebelum tanggal lahir");
	row_text(r, WC_OCCUPATION, false, m->occupation, sizeof(m->occupation));
}

bool row_worker(const struct row_ctx *c, const struct csvrecord *rec, struct person *p,
		struct membership *m)
{
	struct row_reader r = {c, rec, worker_columns, false};
	memset(m, 0, sizeof(*m));
	row_whole_checks(&r);
	row_person(&r, p);
	worker_membership(&r, m, p);
	return !r.rejected;
}

void row_person(struct row_reader *r, struct person *p)
{
	struct nik_info ni;
	memset(p, 0, sizeof(*p));
	memset(&ni, 0, sizeof(ni));
	worker_nik(r, p, &ni);
	worker_person(r, p, &ni);
}

bool row_count(struct row_reader *r, size_t col, bool required, int64_t *out)
{
	size_t len;
	const char *s = row_value(r, col, &len);
	int64_t v = 0;
	size_t digits = 0;
	*out = -1;
	if (len == 0) {
		if (required)
			row_issue(r, col, false, "wajib diisi");
		return false;
	}
	/* "65000", "65.000" or "65,000": a dot or comma only between groups of three. */
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (ch >= '0' && ch <= '9') {
			if (v > (INT64_MAX - 9) / 10) {
				row_issue(r, col, false, "angka terlalu besar");
				return false;
			}
			v = v * 10 + (ch - '0');
			digits++;
			continue;
		}
		if ((ch == '.' || ch == ',') && digits > 0 && i + 3 < len &&
		    (i + 4 == len || s[i + 4] == '.' || s[i + 4] == ',')) {
			bool three = true;
			for (size_t k = 1; k <= 3; k++)
				three = three && s[i + k] >= '0' && s[i + k] <= '9';
			if (three)
				continue;
		}
		row_issue(r, col, false, "harus bilangan bulat tidak negatif");
		return false;
	}
	*out = v;
	return true;
}
