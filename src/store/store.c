/*
 * store.c - picks the backend from the URL and forwards each call to it.
 * Transactions and savepoints are plain SQL every backend understands.
 */
#include "compat.h"
#include "core/text.h"
#include "store/store.h"

jr_err store_open(const char *url, enum store_open_mode mode, struct store **out,
		  struct errbuf *eb)
{
	*out = NULL;
	if (!url || !*url)
		return errbuf_set(eb, JR_EUSAGE, "lokasi basis data kosong");
	if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11))
		return errbuf_set(eb, JR_EUNSUPPORTED,
				  "backend PostgreSQL belum tersedia pada versi ini; "
				  "gunakan berkas SQLite (--db jaring.db)");
	return store_sqlite_open(url, mode, out, eb);
}

void store_close(struct store *s)
{
	if (s)
		s->ops->close(s);
}

int store_schema_version(const struct store *s)
{
	return s->schema_version;
}

jr_err store_begin(struct store *s, struct errbuf *eb)
{
	return s->ops->exec(s, "BEGIN IMMEDIATE", eb);
}

jr_err store_commit(struct store *s, struct errbuf *eb)
{
	return s->ops->exec(s, "COMMIT", eb);
}

void store_rollback(struct store *s)
{
	struct errbuf ignored;
	s->ops->exec(s, "ROLLBACK", &ignored);
}

void store_bulk_mode(struct store *s, bool on)
{
	s->ops->bulk_mode(s, on);
}

jr_err store_region_count(struct store *s, int64_t *n, struct errbuf *eb)
{
	return s->ops->region_count(s, n, eb);
}

jr_err store_region_put(struct store *s, const char *code, int level, const char *name,
			struct errbuf *eb)
{
	return s->ops->region_put(s, code, level, name, eb);
}

jr_err store_umk_put(struct store *s, const char *regency_code, int year, int64_t amount_sen,
		     const char *decree, const char *confidence, const char *source,
		     struct errbuf *eb)
{
	return s->ops->umk_put(s, regency_code, year, amount_sen, decree, confidence, source, eb);
}

jr_err store_kbli_put(struct store *s, const char *code, const char *section, int level,
		      const char *title, struct errbuf *eb)
{
	return s->ops->kbli_put(s, code, section, level, title, eb);
}

jr_err store_meta_get(struct store *s, const char *key, char *value, size_t size,
		      struct errbuf *eb)
{
	return s->ops->meta_get(s, key, value, size, eb);
}

jr_err store_meta_set(struct store *s, const char *key, const char *value, struct errbuf *eb)
{
	return s->ops->meta_set(s, key, value, eb);
}

jr_err store_batch_add(struct store *s, struct store_batch *b, struct errbuf *eb)
{
	return s->ops->batch_add(s, b, eb);
}

jr_err store_batch_finish(struct store *s, const struct store_batch *b, struct errbuf *eb)
{
	return s->ops->batch_finish(s, b, eb);
}

jr_err store_employer_upsert(struct store *s, struct employer *e, int64_t batch_id,
			     enum store_upsert *did, struct errbuf *eb)
{
	return s->ops->employer_upsert(s, e, batch_id, did, eb);
}

jr_err store_employers_each(struct store *s, jr_err (*fn)(void *ctx, const struct employer *e),
			    void *ctx, struct errbuf *eb)
{
	return s->ops->employers_each(s, fn, ctx, eb);
}

jr_err store_person_upsert(struct store *s, const struct person *p, enum store_upsert *did,
			   struct errbuf *eb)
{
	return s->ops->person_upsert(s, p, did, eb);
}

jr_err store_membership_upsert(struct store *s, const struct membership *m, int64_t batch_id,
			       enum store_upsert *did, struct errbuf *eb)
{
	return s->ops->membership_upsert(s, m, batch_id, did, eb);
}

jr_err store_kpj_holder(struct store *s, const char *kpj, struct membership_key *holder,
			bool *found, struct errbuf *eb)
{
	return s->ops->kpj_holder(s, kpj, holder, found, eb);
}

jr_err store_workers_each(struct store *s, jr_err (*fn)(void *ctx, const struct store_worker *w),
			  void *ctx, struct errbuf *eb)
{
	return s->ops->workers_each(s, fn, ctx, eb);
}

jr_err store_counts(struct store *s, struct date as_of, struct store_counts *c,
		    struct errbuf *eb)
{
	return s->ops->counts(s, as_of, c, eb);
}

/* ---- billing ---- */

static const char *const payer_kind_names[PAYER_KIND_COUNT] = {
	[PAYER_KIND_NONE] = "",
	[PAYER_KIND_EMPLOYER] = "employer",
	[PAYER_KIND_PARTICIPANT] = "participant",
	[PAYER_KIND_PARTNER] = "partner",
};

const char *payer_kind_name(enum payer_kind k)
{
	return (k > PAYER_KIND_NONE && k < PAYER_KIND_COUNT) ? payer_kind_names[k] : "";
}

enum payer_kind payer_kind_parse(const char *s, size_t len)
{
	static const struct {
		const char *word;
		enum payer_kind kind;
	} words[] = {
		{"employer", PAYER_KIND_EMPLOYER},       {"pemberi_kerja", PAYER_KIND_EMPLOYER},
		{"pemberi kerja", PAYER_KIND_EMPLOYER},  {"perusahaan", PAYER_KIND_EMPLOYER},
		{"participant", PAYER_KIND_PARTICIPANT}, {"peserta", PAYER_KIND_PARTICIPANT},
		{"partner", PAYER_KIND_PARTNER},         {"mitra", PAYER_KIND_PARTNER},
	};
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (text_ieq(s, len, words[i].word))
			return words[i].kind;
	return PAYER_KIND_NONE;
}

jr_err store_employer_briefs_each(struct store *s,
				  jr_err (*fn)(void *ctx, const struct store_employer_brief *e),
				  void *ctx, struct errbuf *eb)
{
	return s->ops->employer_briefs_each(s, fn, ctx, eb);
}

jr_err store_billable_load(struct store *s, struct date first, struct date last,
			   struct store_billable **out, size_t *n, struct errbuf *eb)
{
	return s->ops->billable_load(s, first, last, out, n, eb);
}

jr_err store_bills_each(struct store *s, int period,
			jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
			struct errbuf *eb)
{
	return s->ops->bills_each(s, period, fn, ctx, eb);
}

jr_err store_open_bills_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
			     jr_err (*fn)(void *ctx, const struct store_bill *b), void *ctx,
			     struct errbuf *eb)
{
	return s->ops->open_bills_each(s, kind, payer_ref, fn, ctx, eb);
}

jr_err store_bill_next_id(struct store *s, int64_t *id, struct errbuf *eb)
{
	return s->ops->bill_next_id(s, id, eb);
}

jr_err store_bills_insert(struct store *s, struct store_bill *(*next)(void *ctx), void *ctx,
			  struct errbuf *eb)
{
	return s->ops->bills_insert(s, next, ctx, eb);
}

jr_err store_bill_update(struct store *s, const struct store_bill *b, struct errbuf *eb)
{
	return s->ops->bill_update(s, b, eb);
}

jr_err store_bill_delete(struct store *s, int64_t id, struct errbuf *eb)
{
	return s->ops->bill_delete(s, id, eb);
}

jr_err store_bill_lines_each(struct store *s, int period,
			     jr_err (*fn)(void *ctx, const struct store_bill_line *l), void *ctx,
			     struct errbuf *eb)
{
	return s->ops->bill_lines_each(s, period, fn, ctx, eb);
}

jr_err store_bill_lines_insert(struct store *s, int period,
			       const struct store_bill_line *(*next)(void *ctx), void *ctx,
			       struct errbuf *eb)
{
	return s->ops->bill_lines_insert(s, period, next, ctx, eb);
}

jr_err store_bill_line_replace(struct store *s, int period, const struct store_bill_line *l,
			       struct errbuf *eb)
{
	return s->ops->bill_line_replace(s, period, l, eb);
}

jr_err store_bill_line_delete(struct store *s, int period, int64_t membership_id,
			      struct errbuf *eb)
{
	return s->ops->bill_line_delete(s, period, membership_id, eb);
}

jr_err store_payment_find(struct store *s, const char *reference, struct store_payment *p,
			  bool *found, struct errbuf *eb)
{
	return s->ops->payment_find(s, reference, p, found, eb);
}

jr_err store_payment_insert(struct store *s, struct store_payment *p, struct errbuf *eb)
{
	return s->ops->payment_insert(s, p, eb);
}

jr_err store_payment_set_unallocated(struct store *s, int64_t id, int64_t unallocated_sen,
				     struct errbuf *eb)
{
	return s->ops->payment_set_unallocated(s, id, unallocated_sen, eb);
}

jr_err store_credits_each(struct store *s, enum payer_kind kind, int64_t payer_ref,
			  jr_err (*fn)(void *ctx, const struct store_payment *p), void *ctx,
			  struct errbuf *eb)
{
	return s->ops->credits_each(s, kind, payer_ref, fn, ctx, eb);
}

jr_err store_allocation_insert(struct store *s, const struct store_allocation *a,
			       struct errbuf *eb)
{
	return s->ops->allocation_insert(s, a, eb);
}

jr_err store_payer_find(struct store *s, const char *code, enum payer_kind kind,
			enum payer_kind *found_kind, int64_t *ref, int *matches, struct errbuf *eb)
{
	return s->ops->payer_find(s, code, kind, found_kind, ref, matches, eb);
}

jr_err store_bpu_set_inactive(struct store *s, int64_t person_nik, const struct date *since,
			      struct errbuf *eb)
{
	return s->ops->bpu_set_inactive(s, person_nik, since, eb);
}
