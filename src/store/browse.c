/* browse.c - forwards the browse aggregate to the backend (browse.h). */
#include "compat.h"

#include "store/browse.h"

#define OPS(s) ((s)->ops->browse)

jr_err store_browse_begin(struct store *s, struct errbuf *eb)
{
	return OPS(s)->begin(s, eb);
}

void store_browse_end(struct store *s)
{
	OPS(s)->end(s);
}

jr_err store_browse_persons(struct store *s, const struct store_browse_query *q,
			    store_record_fn fn, void *ctx, struct errbuf *eb)
{
	return OPS(s)->persons(s, q, fn, ctx, eb);
}

jr_err store_browse_person(struct store *s, int64_t nik, store_record_fn fn, void *ctx,
			   struct errbuf *eb)
{
	return OPS(s)->person(s, nik, fn, ctx, eb);
}

jr_err store_browse_person_in_scope(struct store *s, int64_t nik, int64_t partner, bool *in,
				    struct errbuf *eb)
{
	return OPS(s)->person_in_scope(s, nik, partner, in, eb);
}

jr_err store_browse_employer_in_scope(struct store *s, int64_t id, int64_t partner, bool *in,
				      struct errbuf *eb)
{
	return OPS(s)->employer_in_scope(s, id, partner, in, eb);
}

jr_err store_browse_person_memberships(struct store *s, int64_t nik, store_record_fn fn,
				       void *ctx, struct errbuf *eb)
{
	return OPS(s)->person_memberships(s, nik, fn, ctx, eb);
}

jr_err store_browse_bills(struct store *s, const struct store_browse_query *q, store_record_fn fn,
			  void *ctx, struct errbuf *eb)
{
	return OPS(s)->bills(s, q, fn, ctx, eb);
}

jr_err store_browse_employers(struct store *s, const struct store_browse_query *q,
			      store_record_fn fn, void *ctx, struct errbuf *eb)
{
	return OPS(s)->employers(s, q, fn, ctx, eb);
}

jr_err store_browse_employer(struct store *s, int64_t id, store_record_fn fn, void *ctx,
			     struct errbuf *eb)
{
	return OPS(s)->employer(s, id, fn, ctx, eb);
}

jr_err store_browse_employer_workers(struct store *s, const struct store_browse_query *q,
				     store_record_fn fn, void *ctx, struct errbuf *eb)
{
	return OPS(s)->employer_workers(s, q, fn, ctx, eb);
}
