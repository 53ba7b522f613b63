/* licensing.c - forwards the licensing aggregate to the backend (see licensing.h). */
#include "compat.h"

#include "store/licensing.h"

const char *link_decision_name(enum link_decision d)
{
	switch (d) {
	case LINK_MATCH:
		return "match";
	case LINK_REVIEW:
		return "review";
	case LINK_NO_MATCH:
		return "none";
	default:
		return "";
	}
}

#define OPS(s) ((s)->ops->licensing)

jr_err store_licences_upsert(struct store *s, struct licence *l, size_t n, int64_t batch_id,
			     enum store_upsert *did, struct errbuf *eb)
{
	return OPS(s)->licences_upsert(s, l, n, batch_id, did, eb);
}

jr_err store_licences_each(struct store *s, jr_err (*fn)(void *ctx, const struct licence *l),
			   void *ctx, struct errbuf *eb)
{
	return OPS(s)->licences_each(s, fn, ctx, eb);
}

jr_err store_link_employers_each(struct store *s,
				 jr_err (*fn)(void *ctx, const struct store_link_employer *e),
				 void *ctx, struct errbuf *eb)
{
	return OPS(s)->link_employers_each(s, fn, ctx, eb);
}

jr_err store_links_put(struct store *s, const struct store_link *l, size_t n, size_t *kept,
		       struct errbuf *eb)
{
	return OPS(s)->links_put(s, l, n, kept, eb);
}

jr_err store_link_decide(struct store *s, const struct store_link *l, struct errbuf *eb)
{
	return OPS(s)->link_decide(s, l, eb);
}

jr_err store_link_rows_each(struct store *s, enum link_decision only, int64_t licence_id,
			    jr_err (*fn)(void *ctx, const struct store_link_row *r), void *ctx,
			    struct errbuf *eb)
{
	return OPS(s)->link_rows_each(s, only, licence_id, fn, ctx, eb);
}

jr_err store_lead_get(struct store *s, int64_t id, struct store_lead *out, bool *found,
		      struct errbuf *eb)
{
	return OPS(s)->lead_get(s, id, out, found, eb);
}

jr_err store_leads_refresh(struct store *s, const char *source, const struct store_lead *l,
			   size_t n, struct date today, struct store_leads_refresh *r,
			   struct errbuf *eb)
{
	return OPS(s)->leads_refresh(s, source, l, n, today, r, eb);
}

jr_err store_lead_update_status(struct store *s, const struct store_lead *l, struct errbuf *eb)
{
	return OPS(s)->lead_update_status(s, l, eb);
}

jr_err store_leads_each(struct store *s, enum lead_status only,
			jr_err (*fn)(void *ctx, const struct store_lead *l), void *ctx,
			struct errbuf *eb)
{
	return OPS(s)->leads_each(s, only, fn, ctx, eb);
}

jr_err store_lead_event_add(struct store *s, struct store_lead_event *e, struct errbuf *eb)
{
	return OPS(s)->lead_event_add(s, e, eb);
}

jr_err store_lead_events_each(struct store *s, int64_t lead_id,
			      jr_err (*fn)(void *ctx, const struct store_lead_event *e), void *ctx,
			      struct errbuf *eb)
{
	return OPS(s)->lead_events_each(s, lead_id, fn, ctx, eb);
}
