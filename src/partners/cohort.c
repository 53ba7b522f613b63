/* cohort.c - enrolling a partner's list under an agreement (see cohort.h). */
#include "compat.h"

#include "core/money.h"
#include "ingest/tables.h"
#include "partners/cohort.h"
#include "partners/partners.h"

/* A partner's list: the person columns of a workers file, occupation,
 * income, address.  Laid out by enum worker_col so row_person reads it. */
enum { CC_ADDRESS = WC_COUNT, CC_COUNT };

struct nikset {
	int64_t *slot;
	size_t cap, len;
	size_t *line;
};

/* Adds nik; returns the line it was first seen on, or 0 when new (or out of memory). */
static size_t nikset_add(struct nikset *s, int64_t nik, size_t line)
{
	if (s->len * 2 >= s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		int64_t *slot = calloc(cap, sizeof(*slot));
		size_t *lines = calloc(cap, sizeof(*lines));
		if (!slot || !lines) {
			free(slot);
			free(lines);
			return 0;
		}
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slot[i])
				continue;
			size_t j = (size_t)((uint64_t)s->slot[i] * 0x9E3779B97F4A7C15u) & (cap - 1);
			while (slot[j])
				j = (j + 1) & (cap - 1);
			slot[j] = s->slot[i];
			lines[j] = s->line[i];
		}
		free(s->slot);
		free(s->line);
		s->slot = slot;
		s->line = lines;
		s->cap = cap;
	}
	size_t j = (size_t)((uint64_t)nik * 0x9E3779B97F4A7C15u) & (s->cap - 1);
	while (s->slot[j]) {
		if (s->slot[j] == nik)
			return s->line[j];
		j = (j + 1) & (s->cap - 1);
	}
	s->slot[j] = nik;
	s->line[j] = line;
	s->len++;
	return 0;
}

struct enrol {
	struct cohort_enrolment *e;
	const struct store_agreement *a;
	const struct import_opts *o;
	enum payer_kind payer_kind;
	int64_t payer_ref;
	struct nikset seen;
};

static jr_err member_row(void *ctx, struct store *s, struct row_reader *r, int64_t batch_id,
			 enum store_upsert *did, struct errbuf *eb)
{
	struct enrol *en = ctx;
	struct person p;
	struct membership m = {0};
	char address[TEXT_MAX_BYTES + 1];
	size_t len;
	const char *v;
	struct errbuf e2;

	row_person(r, &p);
	row_text(r, WC_OCCUPATION, false, m.occupation, sizeof(m.occupation));
	row_text(r, CC_ADDRESS, false, address, sizeof(address));
	if ((v = row_value(r, WC_KPJ, &len)), len && kpj_check(v, len, m.kpj, &e2) != JR_EOK)
		row_issue(r, WC_KPJ, false, "%s", e2.msg);
	m.wage_sen = COHORT_DEFAULT_INCOME_SEN;
	if ((v = row_value(r, WC_WAGE, &len)), len) {
		if (money_parse(v, len, &m.wage_sen, &e2) != JR_EOK)
			row_issue(r, WC_WAGE, false, "%s", e2.msg);
		else if (m.wage_sen <= 0)
			row_issue(r, WC_WAGE, false, "penghasilan harus lebih dari 0");
	}
	/* The agreement decides these; a value in the list is reported, not used. */
	static const size_t ignored[] = {WC_NPP, WC_SEGMENT, WC_PROGRAMS, WC_START, WC_END};
	for (size_t i = 0; i < ARRAY_SIZE(ignored); i++)
		if ((row_value(r, ignored[i], &len)), len)
			row_issue(r, ignored[i], true, "diabaikan: kohort PKS selalu BPU (JKK, JKM) "
				  "dengan masa berlaku PKS");
	if (r->rejected)
		return JR_EOK;
	size_t first = nikset_add(&en->seen, p.nik, r->rec->line);
	if (first) {
		row_issue(r, WC_NIK, false, "NIK sama dengan baris %zu", first);
		return JR_EOK;
	}
	bool active;
	int64_t agreement;
	char kpj[KPJ_SIZE];
	jr_err err = store_person_active(s, p.nik, en->e->start, &active, &agreement, kpj, eb);
	if (err != JR_EOK)
		return err;
	if (active && agreement == en->a->id) {
		en->e->already++;
		*did = STORE_UNCHANGED;
		return JR_EOK;
	}
	if (active) {
		row_issue(r, WC_NIK, false, "sudah terdaftar aktif%s%s%s; tidak didaftarkan dua kali",
			  kpj[0] ? " (KPJ " : "", kpj, kpj[0] ? ")" : "");
		return JR_EOK;
	}
	if (!en->e->cohort_id) {
		struct store_cohort c = {
			.agreement_id = en->a->id, .enrolled_on = en->e->on,
			.start = en->e->start, .end = en->e->end, .batch_id = batch_id,
		};
		snprintf(c.file_name, sizeof(c.file_name), "%s",
			 en->o->display_name ? en->o->display_name : en->o->path);
		if ((err = store_cohort_add(s, &c, eb)) != JR_EOK)
			return err;
		en->e->cohort_id = c.id;
	}
	m.person_nik = p.nik;
	m.segment = SEG_BPU;
	m.programs = PROG_JKK | PROG_JKM;
	m.start = en->e->start;
	m.has_end = true;
	m.end = en->e->end;
	enum store_upsert pdid;
	if ((err = store_person_upsert(s, &p, &pdid, eb)) != JR_EOK)
		return err;
	if (address[0] && (err = store_person_set_address(s, p.nik, address, eb)) != JR_EOK)
		return err;
	err = store_membership_upsert(s, &m, batch_id, did, eb);
	if (err == JR_ECONFLICT) {
		row_issue(r, WC_KPJ, false, "%s", eb->msg);
		return JR_EOK;
	}
	if (err != JR_EOK)
		return err;
	struct membership_key key = {p.nik, 0, SEG_BPU, m.start};
	int64_t id;
	bool found;
	if ((err = store_membership_id(s, &key, &id, &found, eb)) != JR_EOK)
		return err;
	if (!found)
		return errbuf_set(eb, JR_EDB, "kepesertaan yang baru disimpan tidak ditemukan");
	return store_membership_set_cohort(s, id, en->e->cohort_id, en->payer_kind, en->payer_ref,
					   eb);
}

jr_err cohort_enrol(struct store *s, const struct refdata *ref, struct cohort_enrolment *e,
		    const struct import_opts *o, struct import_result *res, struct errbuf *eb)
{
	struct store_agreement a;
	bool found;
	memset(res, 0, sizeof(*res));
	e->cohort_id = 0;
	e->already = 0;
	jr_err err = store_agreement_get(s, e->agreement_id, &a, &found, eb);
	if (err != JR_EOK)
		return err;
	if (!found)
		return errbuf_set(eb, JR_ENOTFOUND, "PKS %" PRId64 " tidak ada", e->agreement_id);
	if (!strcmp(a.pays, "none"))
		return errbuf_set(eb, JR_EINVALID, "PKS %" PRId64 " tidak menanggung iuran (pertukaran "
				  "data); kohort hanya untuk PKS yang dibayar mitra atau peserta", a.id);
	if (a.segments[0] && !strstr(a.segments, "BPU"))
		return errbuf_set(eb, JR_EINVALID, "PKS %" PRId64 " hanya untuk segmen %s; kohort "
				  "adalah peserta BPU", a.id, a.segments);
	if (date_cmp(a.valid_to, e->on) < 0) {
		char to[DATE_ISO_SIZE];
		date_format_iso(a.valid_to, to);
		return errbuf_set(eb, JR_EINVALID, "PKS %" PRId64 " sudah berakhir (%s)", a.id, to);
	}
	/* Coverage starts on the agreement's first day, or on enrolment if later. */
	e->start = date_cmp(e->on, a.valid_from) > 0 ? e->on : a.valid_from;
	e->end = a.valid_to;
	e->partner_id = a.partner_id;

	struct column_def cols[CC_COUNT];
	memcpy(cols, worker_columns, sizeof(worker_columns));
	cols[WC_SEGMENT].required = false;
	cols[WC_START].required = false;
	cols[CC_ADDRESS] = (struct column_def){"address", "alamat|alamat_lengkap|alamat_rumah|"
					       "alamat_domisili", false};
	struct enrol en = {
		.e = e, .a = &a, .o = o,
		.payer_kind = !strcmp(a.pays, "partner") ? PAYER_KIND_PARTNER : PAYER_KIND_NONE,
		.payer_ref = !strcmp(a.pays, "partner") ? a.partner_id : 0,
	};
	struct table_kind k = {"cohort", cols, CC_COUNT, member_row, &en};
	err = table_import(s, ref, &k, o, res, eb);
	if (err != JR_EOK || o->dry_run)
		e->cohort_id = 0;
	free(en.seen.slot);
	free(en.seen.line);
	return err;
}
