/*
 * store.c - picks the backend from the URL and forwards each call to it.
 * Transactions and savepoints are plain SQL every backend understands.
 */
#include "compat.h"
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
