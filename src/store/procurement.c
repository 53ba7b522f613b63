/* procurement.c - forwards the procurement aggregate to the backend (see procurement.h). */
#include "compat.h"

#include "store/procurement.h"

jr_err store_procurement_package_find(struct store *s, const char *kd_rup,
				      struct store_package *out, bool *found, struct errbuf *eb)
{
	return s->ops->procurement->package_find(s, kd_rup, out, found, eb);
}

jr_err store_procurement_package_put(struct store *s, struct store_package *pk, int64_t batch_id,
				     struct errbuf *eb)
{
	return s->ops->procurement->package_put(s, pk, batch_id, eb);
}

jr_err store_procurement_packages_each(struct store *s,
				       jr_err (*fn)(void *ctx, const struct store_package *pk),
				       void *ctx, struct errbuf *eb)
{
	return s->ops->procurement->packages_each(s, fn, ctx, eb);
}

jr_err store_procurement_project_upsert(struct store *s, struct store_project *pr,
					int64_t batch_id, enum store_upsert *did,
					struct errbuf *eb)
{
	return s->ops->procurement->project_upsert(s, pr, batch_id, did, eb);
}

jr_err store_procurement_project_claim(struct store *s, int64_t id, int64_t employer_id,
				       struct date from, const struct date *to,
				       int64_t *claimed, struct errbuf *eb)
{
	return s->ops->procurement->project_claim(s, id, employer_id, from, to, claimed, eb);
}

jr_err store_procurement_projects_each(struct store *s,
				       jr_err (*fn)(void *ctx, const struct store_project *pr),
				       void *ctx, struct errbuf *eb)
{
	return s->ops->procurement->projects_each(s, fn, ctx, eb);
}

jr_err store_procurement_contractor_id(struct store *s, const char *npp, int64_t *id,
				       struct errbuf *eb)
{
	return s->ops->procurement->contractor_id(s, npp, id, eb);
}
