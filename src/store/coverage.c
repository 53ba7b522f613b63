/*
 * coverage.c - forwards the coverage functions of store/coverage.h to the
 * backend's table.
 */
#include "compat.h"
#include "store/coverage.h"

#define C(s) ((s)->ops->coverage)

jr_err store_coverage_refresh(struct store *s, struct date today, struct errbuf *eb)
{
	return C(s)->refresh(s, today, eb);
}

jr_err store_coverage_active(struct store *s, enum store_cov_dim dim, struct date day,
			     void (*fn)(void *ctx, const char *key, enum segment seg,
					int64_t active),
			     void *ctx, struct errbuf *eb)
{
	return C(s)->active(s, dim, day, fn, ctx, eb);
}

jr_err store_coverage_months(struct store *s, int from, int to, struct store_cov_month *out,
			     struct errbuf *eb)
{
	return C(s)->months(s, from, to, out, eb);
}

jr_err store_workforce_put(struct store *s, const struct store_workforce *w, int64_t batch_id,
			   enum store_upsert *did, struct errbuf *eb)
{
	return C(s)->workforce_put(s, w, batch_id, did, eb);
}

jr_err store_workforce_each(struct store *s,
			    jr_err (*fn)(void *ctx, const struct store_workforce *w), void *ctx,
			    struct errbuf *eb)
{
	return C(s)->workforce_each(s, fn, ctx, eb);
}

jr_err store_target_put(struct store *s, const struct store_target *t, int64_t batch_id,
			enum store_upsert *did, struct errbuf *eb)
{
	return C(s)->target_put(s, t, batch_id, did, eb);
}

jr_err store_targets_each(struct store *s,
			  jr_err (*fn)(void *ctx, const struct store_target *t), void *ctx,
			  struct errbuf *eb)
{
	return C(s)->targets_each(s, fn, ctx, eb);
}

jr_err store_employers_known(struct store *s, int64_t *registered, int64_t *unregistered,
			     struct errbuf *eb)
{
	return C(s)->employers_known(s, registered, unregistered, eb);
}

jr_err store_kbli_sections_each(struct store *s,
				void (*fn)(void *ctx, const char *letter, const char *title),
				void *ctx, struct errbuf *eb)
{
	return C(s)->kbli_sections_each(s, fn, ctx, eb);
}

jr_err store_region_name(struct store *s, const char *code, char *name, size_t size, bool *found,
			 struct errbuf *eb)
{
	return C(s)->region_name(s, code, name, size, found, eb);
}

jr_err store_coverage_defer(struct store *s, int64_t rows, struct errbuf *eb)
{
	return C(s)->defer(s, rows, eb);
}
