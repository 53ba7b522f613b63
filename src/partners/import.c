/*
 * import.c - partners, agreements and units from CSV files (columns in
 * docs/formats.md), through the row-at-a-time table import.
 */
#include "compat.h"

#include "ingest/tables.h"
#include "partners/import.h"
#include "partners/partners.h"

enum { PC_NAME, PC_KIND, PC_REGION, PC_PARENT, PC_CONTACT, PC_PHONE, PC_COUNT };
static const struct column_def partner_columns[PC_COUNT] = {
	[PC_NAME] = {"name", "nama|nama_mitra|mitra", true},
	[PC_KIND] = {"kind", "jenis|jenis_mitra", true},
	[PC_REGION] = {"region_code", "kode_wilayah|wilayah", false},
	[PC_PARENT] = {"parent", "induk|mitra_induk|parent_id|id_induk", false},
	[PC_CONTACT] = {"contact", "kontak|narahubung|pic|contact_person", false},
	[PC_PHONE] = {"phone", "telepon|no_hp|nomor_hp|hp|telp", false},
};

enum {
	AC_NUMBER, AC_TITLE, AC_PARTNER, AC_SIGNED, AC_FROM, AC_TO, AC_TARGET, AC_PAYS, AC_ROLE,
	AC_FUNDING, AC_SEGMENTS, AC_SECTORS, AC_COUNT
};
static const struct column_def agreement_columns[AC_COUNT] = {
	[AC_NUMBER] = {"number", "nomor|nomor_pks|nomor_mou|no_pks|no", false},
	[AC_TITLE] = {"title", "judul|perihal|nama_pks|tentang", true},
	[AC_PARTNER] = {"partner", "mitra|id_mitra|partner_id|nama_mitra", true},
	[AC_SIGNED] = {"signed_on", "tanggal_tanda_tangan|tgl_ttd|ditandatangani|tanggal_pks", true},
	[AC_FROM] = {"valid_from", "berlaku_mulai|mulai|tanggal_mulai|dari", true},
	[AC_TO] = {"valid_to", "berlaku_sampai|sampai|tanggal_akhir|tanggal_selesai", true},
	[AC_TARGET] = {"target", "target_peserta|kuota|sasaran", false},
	[AC_PAYS] = {"pays", "pembayar|dibayar_oleh|pembayar_iuran", false},
	[AC_ROLE] = {"role", "peran|peran_mitra", false},
	[AC_FUNDING] = {"funding", "sumber_dana|kode_dana|kode_sumber_dana", false},
	[AC_SEGMENTS] = {"segments", "segmen|segment", false},
	[AC_SECTORS] = {"sectors", "sektor|sector|kategori_kbli", false},
};

enum { UC_NPP, UC_PARTNER, UC_REPORTED, UC_COUNT };
static const struct column_def unit_columns[UC_COUNT] = {
	[UC_NPP] = {"npp", "no_npp|nomor_npp|npp_unit", true},
	[UC_PARTNER] = {"partner", "mitra|id_mitra|partner_id|nama_mitra|induk", true},
	[UC_REPORTED] = {"reported_workers", "jumlah_pekerja_dilaporkan|pekerja_dilaporkan|"
		"jumlah_tenaga_kerja|jumlah_pegawai|jumlah_pekerja|pegawai", false},
};

/* A partner named by id (digits) or by its exact name; 0 (reported) when unknown. */
static jr_err partner_ref(struct store *s, struct row_reader *r, size_t col, int64_t *id,
			  struct errbuf *eb)
{
	size_t len;
	const char *v = row_value(r, col, &len);
	char name[NAME_MAX_BYTES + 1];
	*id = 0;
	if (len == 0)
		return JR_EOK;
	if (len >= sizeof(name)) {
		row_issue(r, col, false, "terlalu panjang");
		return JR_EOK;
	}
	memcpy(name, v, len);
	name[len] = '\0';
	bool digits = true;
	for (size_t i = 0; i < len; i++)
		digits = digits && name[i] >= '0' && name[i] <= '9';
	if (digits && len <= 18) {
		struct store_partner p;
		bool found;
		jr_err err = store_partner_get(s, strtoll(name, NULL, 10), &p, &found, eb);
		if (err != JR_EOK)
			return err;
		if (!found)
			row_issue(r, col, false, "mitra dengan id %s tidak ada", name);
		else
			*id = p.id;
		return JR_EOK;
	}
	int n;
	jr_err err = store_partner_find(s, name, id, &n, eb);
	if (err != JR_EOK)
		return err;
	if (n == 0)
		row_issue(r, col, false, "mitra tidak ditemukan; impor mitra dulu atau tulis id-nya");
	else if (n > 1) {
		row_issue(r, col, false, "%d mitra bernama sama; tulis id-nya", n);
		*id = 0;
	}
	return JR_EOK;
}

static jr_err partner_row(void *ctx, struct store *s, struct row_reader *r, int64_t batch_id,
			  enum store_upsert *did, struct errbuf *eb)
{
	const struct refdata *ref = ctx;
	struct store_partner p = {0};
	size_t len;
	const char *v;
	row_text(r, PC_NAME, true, p.name, sizeof(p.name));
	v = row_value(r, PC_KIND, &len);
	const char *kind = len ? partner_kind_parse(v, len) : NULL;
	if (len && !kind)
		row_issue(r, PC_KIND, false, "jenis mitra harus government, office, licensing_office, "
			  "trade_office, welfare_section, religious_org, association, company atau village");
	else if (kind)
		snprintf(p.kind, sizeof(p.kind), "%s", kind);
	else
		row_issue(r, PC_KIND, false, "wajib diisi");
	row_region(r, PC_REGION, p.region_code);
	jr_err err = partner_ref(s, r, PC_PARENT, &p.parent_id, eb);
	if (err != JR_EOK)
		return err;
	row_text(r, PC_CONTACT, false, p.contact, sizeof(p.contact));
	if ((v = row_value(r, PC_PHONE, &len)), len) {
		struct errbuf e2;
		if (phone_check(v, len, p.phone, &e2) != JR_EOK)
			row_issue(r, PC_PHONE, false, "%s", e2.msg);
	}
	if (r->rejected)
		return JR_EOK;
	struct errbuf e2;
	err = partner_check(s, ref, &p, &e2);
	if (err == JR_EINVALID) {
		row_issue(r, COLUMNS_MAX, false, "%s", e2.msg);
		return JR_EOK;
	}
	if (err != JR_EOK) {
		*eb = e2;
		return err;
	}
	return store_partner_upsert(s, &p, batch_id, did, eb);
}

/* Copies a short word column into dst via parse (NULL: reported as bad). */
static void word_col(struct row_reader *r, size_t col, const char *(*parse)(const char *, size_t),
		     const char *what, char *dst, size_t size)
{
	size_t len;
	const char *v = row_value(r, col, &len);
	dst[0] = '\0';
	if (!len)
		return;
	const char *w = parse(v, len);
	if (!w)
		row_issue(r, col, false, "%s", what);
	else
		snprintf(dst, size, "%s", w);
}

static jr_err agreement_row(void *ctx, struct store *s, struct row_reader *r, int64_t batch_id,
			    enum store_upsert *did, struct errbuf *eb)
{
	(void)ctx;
	struct store_agreement a = {.target = -1};
	row_text(r, AC_NUMBER, false, a.number, sizeof(a.number));
	row_text(r, AC_TITLE, true, a.title, sizeof(a.title));
	jr_err err = partner_ref(s, r, AC_PARTNER, &a.partner_id, eb);
	if (err != JR_EOK)
		return err;
	row_date(r, AC_SIGNED, true, &a.signed_on);
	bool from = row_date(r, AC_FROM, true, &a.valid_from);
	bool to = row_date(r, AC_TO, true, &a.valid_to);
	if (from && to && date_cmp(a.valid_to, a.valid_from) < 0)
		row_issue(r, AC_TO, false, "tanggal akhir sebelum tanggal mulai");
	row_count(r, AC_TARGET, false, &a.target);
	word_col(r, AC_PAYS, agreement_pays_parse, "pembayar harus partner, members atau none",
		 a.pays, sizeof(a.pays));
	word_col(r, AC_ROLE, agreement_role_parse, "peran harus pays, encourages atau data", a.role,
		 sizeof(a.role));
	word_col(r, AC_FUNDING, agreement_funding_parse,
		 "sumber dana harus SG, SA, SD, SL, SC atau SB", a.funding, sizeof(a.funding));
	row_text(r, AC_SEGMENTS, false, a.segments, sizeof(a.segments));
	row_text(r, AC_SECTORS, false, a.sectors, sizeof(a.sectors));
	if (r->rejected)
		return JR_EOK;
	struct errbuf e2;
	err = agreement_check(s, &a, &e2);
	if (err == JR_EINVALID) {
		row_issue(r, COLUMNS_MAX, false, "%s", e2.msg);
		return JR_EOK;
	}
	if (err != JR_EOK) {
		*eb = e2;
		return err;
	}
	return store_agreement_upsert(s, &a, batch_id, did, eb);
}

static jr_err unit_row(void *ctx, struct store *s, struct row_reader *r, int64_t batch_id,
		       enum store_upsert *did, struct errbuf *eb)
{
	(void)ctx;
	(void)batch_id;
	size_t len;
	const char *v = row_value(r, UC_NPP, &len);
	char npp[NPP_SIZE];
	bool warn;
	int64_t employer = 0, partner = 0, reported = -1;
	struct errbuf e2;
	if (!len) {
		row_issue(r, UC_NPP, false, "wajib diisi");
	} else if (npp_check(v, len, npp, &warn, &e2) != JR_EOK) {
		row_issue(r, UC_NPP, false, "%s", e2.msg);
	} else {
		bool found;
		jr_err err = store_employer_by_npp(s, npp, &employer, &found, eb);
		if (err != JR_EOK)
			return err;
		if (!found)
			row_issue(r, UC_NPP, false, "NPP %s belum terdaftar; impor pemberi kerja dulu",
				  npp);
	}
	jr_err err = partner_ref(s, r, UC_PARTNER, &partner, eb);
	if (err != JR_EOK)
		return err;
	if (!partner && !r->rejected)
		row_issue(r, UC_PARTNER, false, "wajib diisi");
	row_count(r, UC_REPORTED, false, &reported);
	if (r->rejected)
		return JR_EOK;
	return store_unit_set(s, employer, partner, reported, did, eb);
}

static const struct {
	const char *name, *alias;
	const struct column_def *columns;
	size_t ncolumns;
	jr_err (*row)(void *, struct store *, struct row_reader *, int64_t, enum store_upsert *,
		      struct errbuf *);
} kinds[] = {
	{"partners", "mitra", partner_columns, PC_COUNT, partner_row},
	{"agreements", "pks", agreement_columns, AC_COUNT, agreement_row},
	{"units", "unit", unit_columns, UC_COUNT, unit_row},
};

const char *partners_import_kind(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (text_ieq(s, len, kinds[i].name) || text_ieq(s, len, kinds[i].alias))
			return kinds[i].name;
	if (text_ieq(s, len, "mou") || text_ieq(s, len, "mous"))
		return "agreements";
	return NULL;
}

jr_err partners_import(struct store *s, const struct refdata *ref, const char *kind,
		       const struct import_opts *o, struct import_result *res, struct errbuf *eb)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		if (strcmp(kinds[i].name, kind))
			continue;
		struct table_kind k = {kinds[i].name, kinds[i].columns, kinds[i].ncolumns,
				       kinds[i].row, (void *)ref};
		return table_import(s, ref, &k, o, res, eb);
	}
	return errbuf_set(eb, JR_EUSAGE, "jenis impor tidak dikenal: %s", kind);
}
