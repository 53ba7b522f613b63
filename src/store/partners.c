/*
 * partners.c - forwards the partner functions of store/partners.h to the
 * backend's table.
 */
#include "compat.h"
#include "store/partners.h"

#define P(s) ((s)->ops->partners)

jr_err store_partner_upsert(struct store *s, struct store_partner *p, int64_t batch_id,
			    enum store_upsert *did, struct errbuf *eb)
{
	return P(s)->partner_upsert(s, p, batch_id, did, eb);
}

jr_err store_partner_add(struct store *s, struct store_partner *p, struct errbuf *eb)
{
	return P(s)->partner_add(s, p, eb);
}

jr_err store_partner_id(struct store *s, const char *name, const char *region_code, int64_t *id,
			struct errbuf *eb)
{
	return P(s)->partner_id(s, name, region_code, id, eb);
}

jr_err store_partner_get(struct store *s, int64_t id, struct store_partner *p, bool *found,
			 struct errbuf *eb)
{
	return P(s)->partner_get(s, id, p, found, eb);
}

jr_err store_partner_find(struct store *s, const char *name, int64_t *id, int *n,
			  struct errbuf *eb)
{
	return P(s)->partner_find(s, name, id, n, eb);
}

jr_err store_partners_each(struct store *s,
			   jr_err (*fn)(void *ctx, const struct store_partner *p), void *ctx,
			   struct errbuf *eb)
{
	return P(s)->partners_each(s, fn, ctx, eb);
}

jr_err store_partner_is_within(struct store *s, int64_t id, int64_t ancestor, bool *within,
			       struct errbuf *eb)
{
	return P(s)->partner_is_within(s, id, ancestor, within, eb);
}

jr_err store_agreement_upsert(struct store *s, struct store_agreement *a, int64_t batch_id,
			      enum store_upsert *did, struct errbuf *eb)
{
	return P(s)->agreement_upsert(s, a, batch_id, did, eb);
}

jr_err store_agreement_get(struct store *s, int64_t id, struct store_agreement *a, bool *found,
			   struct errbuf *eb)
{
	return P(s)->agreement_get(s, id, a, found, eb);
}

jr_err store_agreements_each(struct store *s, int64_t partner_id,
			     jr_err (*fn)(void *ctx, const struct store_agreement *a), void *ctx,
			     struct errbuf *eb)
{
	return P(s)->agreements_each(s, partner_id, fn, ctx, eb);
}

jr_err store_agreement_tally(struct store *s, const struct store_agreement *a, struct date day,
			     struct store_agreement_tally *t, struct errbuf *eb)
{
	return P(s)->agreement_tally(s, a, day, t, eb);
}

jr_err store_cohort_add(struct store *s, struct store_cohort *c, struct errbuf *eb)
{
	return P(s)->cohort_add(s, c, eb);
}

jr_err store_person_active(struct store *s, int64_t nik, struct date day, bool *found,
			   int64_t *agreement_id, char kpj[static KPJ_SIZE], struct errbuf *eb)
{
	return P(s)->person_active(s, nik, day, found, agreement_id, kpj, eb);
}

jr_err store_cohort_members_each(struct store *s, int64_t agreement_id, struct date day,
				 jr_err (*fn)(void *ctx, const struct store_cohort_member *m),
				 void *ctx, struct errbuf *eb)
{
	return P(s)->cohort_members_each(s, agreement_id, day, fn, ctx, eb);
}

jr_err store_cohort_renewals_each(struct store *s, int64_t agreement_id, struct date from,
				  struct date to,
				  jr_err (*fn)(void *ctx, const struct store_cohort_member *m),
				  void *ctx, struct errbuf *eb)
{
	return P(s)->cohort_renewals_each(s, agreement_id, from, to, fn, ctx, eb);
}

jr_err store_membership_set_cohort(struct store *s, int64_t membership_id, int64_t cohort_id,
				   enum payer_kind payer_kind, int64_t payer_ref,
				   struct errbuf *eb)
{
	return P(s)->membership_set_cohort(s, membership_id, cohort_id, payer_kind, payer_ref, eb);
}

jr_err store_membership_id(struct store *s, const struct membership_key *k, int64_t *id,
			   bool *found, struct errbuf *eb)
{
	return P(s)->membership_id(s, k, id, found, eb);
}

jr_err store_unit_set(struct store *s, int64_t employer_id, int64_t partner_id,
		      int64_t reported, enum store_upsert *did, struct errbuf *eb)
{
	return P(s)->unit_set(s, employer_id, partner_id, reported, did, eb);
}

jr_err store_employer_by_npp(struct store *s, const char *npp, int64_t *id, bool *found,
			     struct errbuf *eb)
{
	return P(s)->employer_by_npp(s, npp, id, found, eb);
}

jr_err store_units_each(struct store *s, int64_t partner_id, struct date day,
			jr_err (*fn)(void *ctx, const struct store_unit *u), void *ctx,
			struct errbuf *eb)
{
	return P(s)->units_each(s, partner_id, day, fn, ctx, eb);
}

jr_err store_person_set_address(struct store *s, int64_t nik, const char *address,
				struct errbuf *eb)
{
	return P(s)->person_set_address(s, nik, address, eb);
}

jr_err store_agreement_partner_add(struct store *s, int64_t agreement_id, int64_t partner_id,
				   struct errbuf *eb)
{
	return P(s)->agreement_partner_add(s, agreement_id, partner_id, eb);
}

jr_err store_reported_workers_each(struct store *s,
				   jr_err (*fn)(void *ctx, int64_t employer_id, int64_t partner_id,
						int64_t reported),
				   void *ctx, struct errbuf *eb)
{
	return P(s)->reported_workers_each(s, fn, ctx, eb);
}
