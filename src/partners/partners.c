/*
 * partners.c - the partner and agreement vocabulary, checks and JSON views
 * (see partners.h).
 */
#include "compat.h"

#include "core/money.h"
#include "partners/partners.h"

struct word {
	const char *canonical, *label, *aliases; /* aliases: '|'-separated */
};

static const struct word kinds[] = {
	{"government", "Pemerintah kota/kabupaten", "pemerintah|pemda|pemkot|pemkab|city|regency"},
	{"office", "Perangkat daerah (OPD)", "opd|dinas|instansi|perangkat_daerah"},
	{"licensing_office", "DPMPTSP (perizinan)", "dpmptsp|perizinan|ptsp|kantor_perizinan"},
	{"trade_office", "Dinas perdagangan", "disperindag|dinas_perdagangan|perdagangan|dindagkop"},
	{"welfare_section", "Bagian Kesra", "kesra|bagian_kesra|kesejahteraan_rakyat"},
	{"religious_org", "Organisasi keagamaan", "ormas|ormas_keagamaan|organisasi_keagamaan"},
	{"association", "Asosiasi", "asosiasi|perkumpulan|ikatan"},
	{"company", "Perusahaan (CSR)", "perusahaan|csr|badan_usaha"},
	{"village", "Desa", "desa|pemdes|kelurahan"},
};

static const struct word pays[] = {
	{"partner", "mitra membayar", "mitra|pemda"},
	{"members", "peserta membayar sendiri", "peserta|anggota|mandiri"},
	{"none", "tidak ada iuran (pertukaran data)", "tidak_ada|tidak|-"},
};

static const struct word roles[] = {
	{"pays", "membayar iuran", "membayar|bayar"},
	{"encourages", "mendorong unitnya mendaftar", "mendorong|sosialisasi"},
	{"data", "pertukaran data", "pertukaran_data|data_exchange"},
};

/* Matches s against a word list (canonical names and aliases, case-insensitive;
 * spaces and hyphens count as underscores). */
static const struct word *lookup(const struct word *w, size_t n, const char *s, size_t len)
{
	char folded[48];
	text_trim(&s, &len);
	if (len == 0 || len >= sizeof(folded))
		return NULL;
	for (size_t i = 0; i < len; i++)
		folded[i] = s[i] == ' ' || s[i] == '-' ? '_' : s[i];
	folded[len] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (text_ieq(folded, len, w[i].canonical))
			return &w[i];
		const char *a = w[i].aliases;
		while (*a) {
			const char *bar = strchr(a, '|');
			size_t alen = bar ? (size_t)(bar - a) : strlen(a);
			char word[48];
			if (alen < sizeof(word)) {
				memcpy(word, a, alen);
				word[alen] = '\0';
				if (text_ieq(folded, len, word))
					return &w[i];
			}
			a += alen + (bar ? 1 : 0);
		}
	}
	return NULL;
}

const char *partner_kind_parse(const char *s, size_t len)
{
	const struct word *w = lookup(kinds, ARRAY_SIZE(kinds), s, len);
	return w ? w->canonical : NULL;
}

const char *partner_kind_label(const char *kind)
{
	const struct word *w = lookup(kinds, ARRAY_SIZE(kinds), kind, strlen(kind));
	return w ? w->label : kind;
}

const char *agreement_pays_parse(const char *s, size_t len)
{
	const struct word *w = lookup(pays, ARRAY_SIZE(pays), s, len);
	return w ? w->canonical : NULL;
}

const char *agreement_role_parse(const char *s, size_t len)
{
	const struct word *w = lookup(roles, ARRAY_SIZE(roles), s, len);
	return w ? w->canonical : NULL;
}

const char *agreement_funding_parse(const char *s, size_t len)
{
	static const char *const codes[] = {"SG", "SA", "SD", "SL", "SC", "SB"};
	text_trim(&s, &len);
	for (size_t i = 0; i < ARRAY_SIZE(codes); i++)
		if (text_ieq(s, len, codes[i]))
			return codes[i];
	return NULL;
}

bool agreement_funding_is_apbd(const char *funding)
{
	return funding && (!strcmp(funding, "SG") || !strcmp(funding, "SA"));
}

/* The funding code a paying partner of a kind has when none is given. */
static const char *default_funding(const char *kind)
{
	if (!strcmp(kind, "village"))
		return "SD";
	if (!strcmp(kind, "company"))
		return "SC";
	if (!strcmp(kind, "religious_org") || !strcmp(kind, "association"))
		return "SL";
	return "SG";
}

jr_err partner_check(struct store *s, const struct refdata *ref, struct store_partner *p,
		     struct errbuf *eb)
{
	if (!p->name[0])
		return errbuf_set(eb, JR_EINVALID, "nama mitra wajib diisi");
	const char *k = partner_kind_parse(p->kind, strlen(p->kind));
	if (!k)
		return errbuf_set(eb, JR_EINVALID,
				  "jenis mitra harus salah satu dari government, office, "
				  "licensing_office, trade_office, welfare_section, religious_org, "
				  "association, company, village");
	snprintf(p->kind, sizeof(p->kind), "%s", k);
	if (p->region_code[0]) {
		char code[REGION_CODE_SIZE];
		struct errbuf e2;
		if (region_code_normalise(p->region_code, strlen(p->region_code), code, &e2) ==
		    REGION_NONE)
			return errbuf_set(eb, JR_EINVALID, "kode wilayah salah: %s", e2.msg);
		if (!region_index_name(ref->regions, code))
			return errbuf_set(eb, JR_EINVALID,
					  "kode wilayah %s tidak ada dalam daftar Kemendagri", code);
		memcpy(p->region_code, code, sizeof(code));
	}
	if (p->parent_id) {
		struct store_partner parent;
		bool found, cycle = false;
		jr_err err = store_partner_get(s, p->parent_id, &parent, &found, eb);
		if (err != JR_EOK)
			return err;
		if (!found)
			return errbuf_set(eb, JR_EINVALID, "mitra induk %" PRId64 " tidak ada",
					  p->parent_id);
		/* An import row names an existing partner by its key, not its id:
		 * find it, or a parent below it would close a loop unseen. */
		int64_t self = p->id;
		if (!self && (err = store_partner_id(s, p->name, p->region_code, &self, eb)) != JR_EOK)
			return err;
		if (self && (err = store_partner_is_within(s, p->parent_id, self, &cycle, eb)) != JR_EOK)
			return err;
		if (cycle)
			return errbuf_set(eb, JR_EINVALID,
					  "mitra induk %" PRId64 " berada di bawah mitra ini", p->parent_id);
	}
	return JR_EOK;
}

/* True when the comma list holds item as a whole element. */
static bool list_has(const char *list, const char *item)
{
	size_t il = strlen(item);
	for (const char *p = list; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == il && !memcmp(p, item, il))
			return true;
		p += len + (comma ? 1 : 0);
	}
	return false;
}

jr_err agreement_list_normalise(const char *s, bool segments, char *out, size_t size,
				struct errbuf *eb)
{
	size_t n = 0;
	out[0] = '\0';
	while (*s) {
		while (*s == ' ' || *s == ',' || *s == ';' || *s == '+')
			s++;
		if (!*s)
			break;
		const char *w = s;
		while (*s && *s != ' ' && *s != ',' && *s != ';' && *s != '+')
			s++;
		size_t len = (size_t)(s - w);
		char item[8];
		if (segments) {
			enum segment seg = segment_parse(w, len);
			if (!seg)
				return errbuf_set(eb, JR_EINVALID, "segmen tidak dikenal: %.*s",
						  (int)(len > 20 ? 20 : len), w);
			snprintf(item, sizeof(item), "%s", segment_name(seg));
		} else {
			if (len != 1 || !((w[0] >= 'A' && w[0] <= 'U') || (w[0] >= 'a' && w[0] <= 'u')))
				return errbuf_set(eb, JR_EINVALID,
						  "sektor harus huruf kategori KBLI A sampai U: %.*s",
						  (int)(len > 20 ? 20 : len), w);
			item[0] = (char)(w[0] >= 'a' ? w[0] - 'a' + 'A' : w[0]);
			item[1] = '\0';
		}
		if (list_has(out, item))
			continue;
		size_t il = strlen(item);
		if (n + il + 2 > size)
			return errbuf_set(eb, JR_EINVALID, "daftar terlalu panjang");
		if (n)
			out[n++] = ',';
		memcpy(out + n, item, il + 1);
		n += il;
	}
	return JR_EOK;
}

jr_err agreement_check(struct store *s, struct store_agreement *a, struct errbuf *eb)
{
	struct store_partner p;
	bool found;
	char list[AGREEMENT_LIST_SIZE];
	if (!a->title[0])
		return errbuf_set(eb, JR_EINVALID, "judul PKS wajib diisi");
	jr_err err = store_partner_get(s, a->partner_id, &p, &found, eb);
	if (err != JR_EOK)
		return err;
	if (!found)
		return errbuf_set(eb, JR_EINVALID, "mitra %" PRId64 " tidak ada", a->partner_id);
	if (date_cmp(a->valid_to, a->valid_from) < 0)
		return errbuf_set(eb, JR_EINVALID, "tanggal akhir berlaku sebelum tanggal mulai");
	if (date_cmp(a->signed_on, a->valid_to) > 0)
		return errbuf_set(eb, JR_EINVALID, "ditandatangani setelah masa berlakunya berakhir");
	if (!a->pays[0])
		snprintf(a->pays, sizeof(a->pays), "none");
	if (!a->role[0])
		snprintf(a->role, sizeof(a->role), "%s",
			 !strcmp(a->pays, "partner") ? "pays" : "encourages");
	if (!strcmp(a->role, "pays") && strcmp(a->pays, "partner"))
		return errbuf_set(eb, JR_EINVALID, "peran \"pays\" berarti mitra membayar "
				  "(--pays partner)");
	if (!strcmp(a->pays, "partner") && !a->funding[0])
		snprintf(a->funding, sizeof(a->funding), "%s", default_funding(p.kind));
	if (strcmp(a->pays, "partner") && a->funding[0])
		return errbuf_set(eb, JR_EINVALID, "sumber dana hanya untuk PKS yang dibayar mitra");
	if ((err = agreement_list_normalise(a->segments, true, list, sizeof(list), eb)) != JR_EOK)
		return err;
	memcpy(a->segments, list, sizeof(list));
	if ((err = agreement_list_normalise(a->sectors, false, list, sizeof(list), eb)) != JR_EOK)
		return err;
	memcpy(a->sectors, list, sizeof(list));
	return JR_EOK;
}

/* ---- JSON views ---- */

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *date_json(struct date d)
{
	char buf[DATE_ISO_SIZE];
	date_format_iso(d, buf);
	return json_string(buf);
}

json_t *partner_json(const struct store_partner *p)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)p->id,
			 "name", p->name, "kind", p->kind, "kind_label", partner_kind_label(p->kind),
			 "region_code", str_or_null(p->region_code), "parent_id",
			 p->parent_id ? json_integer((json_int_t)p->parent_id) : json_null(),
			 "contact", str_or_null(p->contact), "phone", str_or_null(p->phone));
}

static json_t *list_json(const char *list)
{
	json_t *a = json_array();
	const char *s = list;
	while (a && *s) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		json_array_append_new(a, json_stringn(s, len));
		s += len + (comma ? 1 : 0);
	}
	return a;
}

json_t *agreement_json(const struct store_agreement *a)
{
	return json_pack("{s:I, s:o, s:s, s:I, s:o, s:o, s:o, s:o, s:s, s:s, s:o, s:o, s:o}", "id",
			 (json_int_t)a->id, "number", str_or_null(a->number), "title", a->title,
			 "partner_id", (json_int_t)a->partner_id, "signed_on",
			 date_json(a->signed_on), "valid_from", date_json(a->valid_from),
			 "valid_to", date_json(a->valid_to), "target",
			 a->target >= 0 ? json_integer((json_int_t)a->target) : json_null(), "pays",
			 a->pays, "role", a->role, "funding", str_or_null(a->funding), "segments",
			 list_json(a->segments), "sectors", list_json(a->sectors));
}

static json_int_t rupiah(int64_t sen)
{
	return (json_int_t)(sen / SEN_PER_RUPIAH);
}

jr_err agreement_scorecard_json(struct store *s, const struct store_agreement *a,
				struct date day, json_t **out, struct errbuf *eb)
{
	struct store_agreement_tally t;
	struct store_partner p;
	bool found;
	*out = NULL;
	jr_err err = store_agreement_tally(s, a, day, &t, eb);
	if (err == JR_EOK)
		err = store_partner_get(s, a->partner_id, &p, &found, eb);
	if (err != JR_EOK)
		return err;
	json_t *o = agreement_json(a);
	if (!o)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	char day_s[DATE_ISO_SIZE];
	date_format_iso(day, day_s);
	bool in_force = date_cmp(a->valid_from, day) <= 0 && date_cmp(day, a->valid_to) <= 0;
	int64_t realised_x100 = a->target > 0 ? (t.enrolled * 10000 + a->target / 2) / a->target : -1;
	json_t *more = json_pack(
		"{s:s, s:s, s:b, s:I, s:I, s:I, s:o, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "as_of",
		day_s, "partner_name", found ? p.name : "", "in_force", in_force, "cohorts",
		(json_int_t)t.cohorts, "enrolled", (json_int_t)t.enrolled, "active",
		(json_int_t)t.active, "realised_pct",
		realised_x100 >= 0 ? json_real((double)realised_x100 / 100.0) : json_null(),
		"bills", (json_int_t)t.bills, "bills_paid", (json_int_t)t.bills_paid,
		"bills_unpaid", (json_int_t)(t.bills - t.bills_paid), "billed", rupiah(t.billed_sen),
		"paid", rupiah(t.paid_sen), "partner_active_at_signing",
		(json_int_t)t.active_at_signing, "partner_active", (json_int_t)t.active_partner,
		"growth_since_signing", (json_int_t)(t.active_partner - t.active_at_signing));
	if (!more || json_object_update(o, more) != 0) {
		json_decref(more);
		json_decref(o);
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	}
	json_decref(more);
	*out = o;
	return JR_EOK;
}

struct detail {
	json_t *arr;
	bool nomem;
};

static jr_err add_agreement(void *ctx, const struct store_agreement *a)
{
	struct detail *d = ctx;
	if (json_array_append_new(d->arr, agreement_json(a)) != 0)
		d->nomem = true;
	return JR_EOK;
}

static jr_err add_unit(void *ctx, const struct store_unit *u)
{
	struct detail *d = ctx;
	json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I, s:o, s:o}", "npp", u->npp, "name", u->name,
			      "kind", u->kind, "partner_id", (json_int_t)u->partner_id, "registered",
			      (json_int_t)u->active, "reported",
			      u->reported >= 0 ? json_integer((json_int_t)u->reported) : json_null(),
			      "unregistered",
			      u->reported >= 0 ? json_integer((json_int_t)(u->reported > u->active
									     ? u->reported - u->active
									     : 0))
					       : json_null());
	if (!o || json_array_append_new(d->arr, o) != 0)
		d->nomem = true;
	return JR_EOK;
}

jr_err partner_detail_json(struct store *s, const struct store_partner *p, struct date day,
			   json_t **out, struct errbuf *eb)
{
	struct detail ag = {.arr = json_array()}, un = {.arr = json_array()};
	json_t *o = partner_json(p);
	jr_err err = JR_EOK;
	*out = NULL;
	if (!ag.arr || !un.arr || !o) {
		err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
		goto fail;
	}
	err = store_agreements_each(s, p->id, add_agreement, &ag, eb);
	if (err == JR_EOK)
		err = store_units_each(s, p->id, day, add_unit, &un, eb);
	if (err == JR_EOK && (ag.nomem || un.nomem))
		err = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup");
	if (err != JR_EOK)
		goto fail;
	json_object_set_new(o, "agreements", ag.arr);
	json_object_set_new(o, "units", un.arr);
	*out = o;
	return JR_EOK;
fail:
	json_decref(ag.arr);
	json_decref(un.arr);
	json_decref(o);
	return err;
}
