/*
 * partners.h - the store's partners, agreements (MoU / PKS), their units
 * and cohorts (003_partners.sql; docs/rules.md "Partnerships and coverage").
 */
#ifndef JARING_STORE_PARTNERS_H
#define JARING_STORE_PARTNERS_H

#include "compat.h"
#include "core/err.h"
#include "core/model.h"
#include "store/store.h"

#define PARTNER_KIND_SIZE 20
#define AGREEMENT_NUMBER_SIZE 101
#define AGREEMENT_LIST_SIZE 64

struct store_partner {
	int64_t id;
	char name[NAME_MAX_BYTES + 1];
	char kind[PARTNER_KIND_SIZE];          /* partner_kind_name() */
	char region_code[REGION_CODE_SIZE];    /* "" unknown */
	int64_t parent_id;                     /* 0 none */
	char contact[NAME_MAX_BYTES + 1];
	char phone[PHONE_SIZE];
};

struct store_agreement {
	int64_t id;
	char number[AGREEMENT_NUMBER_SIZE];    /* "" none */
	char title[TEXT_MAX_BYTES + 1];
	int64_t partner_id;
	struct date signed_on, valid_from, valid_to;
	int64_t target;                        /* -1 none */
	char pays[10];                         /* partner, members, none */
	char role[12];                         /* pays, encourages, data */
	char funding[3];                       /* SG SA SD SL SC SB, "" none */
	char segments[AGREEMENT_LIST_SIZE];    /* "PU,BPU"; "" all */
	char sectors[AGREEMENT_LIST_SIZE];     /* KBLI sections "C,G"; "" all */
};

struct store_cohort {
	int64_t id, agreement_id;
	struct date enrolled_on, start, end;
	char file_name[TEXT_MAX_BYTES + 1];
	int64_t batch_id;
};

/* What an agreement has brought in, as of a day. */
struct store_agreement_tally {
	int64_t enrolled;      /* distinct persons ever enrolled in its cohorts */
	int64_t active;        /* of them, with a cohort membership active on the day */
	int64_t active_at_signing; /* active memberships of the partner on the signing day */
	int64_t active_partner;    /* active memberships of the partner (cohorts + units) now */
	int64_t bills, bills_paid; /* the partner's bills (any period) and those fully paid */
	int64_t billed_sen, paid_sen;
	int64_t cohorts;
};

/* A cohort member (renewal lists, member lists). */
struct store_cohort_member {
	int64_t nik;
	const char *name;
	const char *kpj;       /* "" none */
	const char *occupation;
	const char *region_code;
	struct date start, end;
	int64_t cohort_id, membership_id;
	bool active;           /* on the day asked */
};

/* A partner's unit: an employer with registered vs reported workers. */
struct store_unit {
	int64_t employer_id, partner_id;
	const char *npp, *name, *kind;
	int64_t active;        /* active memberships on the day */
	int64_t reported;      /* -1 unknown */
};

/* Inserts or updates a partner by (name, region); p->id is set. */
jr_err store_partner_upsert(struct store *s, struct store_partner *p, int64_t batch_id,
			    enum store_upsert *did, struct errbuf *eb);
/* Inserts a new partner; JR_ECONFLICT (with the existing id in eb) when (name, region) exists. */
jr_err store_partner_add(struct store *s, struct store_partner *p, struct errbuf *eb);
/* The id of the partner with this name and region ("" none); 0 when there is none. */
jr_err store_partner_id(struct store *s, const char *name, const char *region_code, int64_t *id,
			struct errbuf *eb);
/* *found false when no partner has the id. */
jr_err store_partner_get(struct store *s, int64_t id, struct store_partner *p, bool *found,
			 struct errbuf *eb);
/* Partners whose name equals name (case-insensitive); *n matches, *id the first. */
jr_err store_partner_find(struct store *s, const char *name, int64_t *id, int *n,
			  struct errbuf *eb);
/* Every partner in id order. */
jr_err store_partners_each(struct store *s,
			   jr_err (*fn)(void *ctx, const struct store_partner *p), void *ctx,
			   struct errbuf *eb);
/* True when ancestor is id or one of its parents (cycles are refused on write). */
jr_err store_partner_is_within(struct store *s, int64_t id, int64_t ancestor, bool *within,
			       struct errbuf *eb);

/* Inserts or updates an agreement by number (or partner + title + signed date). */
jr_err store_agreement_upsert(struct store *s, struct store_agreement *a, int64_t batch_id,
			      enum store_upsert *did, struct errbuf *eb);
/* Adds a further signatory to an agreement (nothing when already there). */
jr_err store_agreement_partner_add(struct store *s, int64_t agreement_id, int64_t partner_id,
				   struct errbuf *eb);
jr_err store_agreement_get(struct store *s, int64_t id, struct store_agreement *a, bool *found,
			   struct errbuf *eb);
/* Every agreement (of partner_id, or all when 0) in id order. */
jr_err store_agreements_each(struct store *s, int64_t partner_id,
			     jr_err (*fn)(void *ctx, const struct store_agreement *a), void *ctx,
			     struct errbuf *eb);
jr_err store_agreement_tally(struct store *s, const struct store_agreement *a, struct date day,
			     struct store_agreement_tally *t, struct errbuf *eb);

/* Records a cohort (id set). */
jr_err store_cohort_add(struct store *s, struct store_cohort *c, struct errbuf *eb);
/*
 * The membership of nik active on day, if any: *found, its cohort's
 * agreement (0 none) and KPJ.  Lets an enrolment refuse someone already covered.
 */
jr_err store_person_active(struct store *s, int64_t nik, struct date day, bool *found,
			   int64_t *agreement_id, char kpj[static KPJ_SIZE], struct errbuf *eb);
/* Cohort memberships paid under a cohort of the agreement (0: every agreement). */
jr_err store_cohort_members_each(struct store *s, int64_t agreement_id, struct date day,
				 jr_err (*fn)(void *ctx, const struct store_cohort_member *m),
				 void *ctx, struct errbuf *eb);
/* Cohort memberships (of agreement_id, 0 all) ending from..to, not followed by a newer one. */
jr_err store_cohort_renewals_each(struct store *s, int64_t agreement_id, struct date from,
				  struct date to,
				  jr_err (*fn)(void *ctx, const struct store_cohort_member *m),
				  void *ctx, struct errbuf *eb);
/* Sets a membership's cohort and payer (the cohort's partner). */
jr_err store_membership_set_cohort(struct store *s, int64_t membership_id, int64_t cohort_id,
				   enum payer_kind payer_kind, int64_t payer_ref,
				   struct errbuf *eb);
/* The id of the membership with a natural key; *found false when none. */
jr_err store_membership_id(struct store *s, const struct membership_key *k, int64_t *id,
			   bool *found, struct errbuf *eb);

/* Sets a person's address (a partner's list has it; the workers file does not). */
jr_err store_person_set_address(struct store *s, int64_t nik, const char *address,
				struct errbuf *eb);

/* Makes an employer a unit of a partner with its reported workers (-1 unknown). */
jr_err store_unit_set(struct store *s, int64_t employer_id, int64_t partner_id,
		      int64_t reported, enum store_upsert *did, struct errbuf *eb);
/* The employer with an NPP; *found false when none. */
jr_err store_employer_by_npp(struct store *s, const char *npp, int64_t *id, bool *found,
			     struct errbuf *eb);
/* Units of the partner and of its descendants, by name. */
jr_err store_units_each(struct store *s, int64_t partner_id, struct date day,
			jr_err (*fn)(void *ctx, const struct store_unit *u), void *ctx,
			struct errbuf *eb);

/* Calls fn for every employer whose partner reported its number of workers. */
jr_err store_reported_workers_each(struct store *s,
				   jr_err (*fn)(void *ctx, int64_t employer_id, int64_t partner_id,
						int64_t reported),
				   void *ctx, struct errbuf *eb);

/* The SQLite backend's table (sqlite_partners.c). */
struct store_partner_ops {
	jr_err (*partner_upsert)(struct store *, struct store_partner *, int64_t,
				 enum store_upsert *, struct errbuf *);
	jr_err (*partner_add)(struct store *, struct store_partner *, struct errbuf *);
	jr_err (*partner_id)(struct store *, const char *, const char *, int64_t *, struct errbuf *);
	jr_err (*partner_get)(struct store *, int64_t, struct store_partner *, bool *,
			      struct errbuf *);
	jr_err (*partner_find)(struct store *, const char *, int64_t *, int *, struct errbuf *);
	jr_err (*partners_each)(struct store *,
				jr_err (*)(void *, const struct store_partner *), void *,
				struct errbuf *);
	jr_err (*partner_is_within)(struct store *, int64_t, int64_t, bool *, struct errbuf *);
	jr_err (*agreement_upsert)(struct store *, struct store_agreement *, int64_t,
				   enum store_upsert *, struct errbuf *);
	jr_err (*agreement_partner_add)(struct store *, int64_t, int64_t, struct errbuf *);
	jr_err (*agreement_get)(struct store *, int64_t, struct store_agreement *, bool *,
				struct errbuf *);
	jr_err (*agreements_each)(struct store *, int64_t,
				  jr_err (*)(void *, const struct store_agreement *), void *,
				  struct errbuf *);
	jr_err (*agreement_tally)(struct store *, const struct store_agreement *, struct date,
				  struct store_agreement_tally *, struct errbuf *);
	jr_err (*cohort_add)(struct store *, struct store_cohort *, struct errbuf *);
	jr_err (*person_active)(struct store *, int64_t, struct date, bool *, int64_t *,
				char *, struct errbuf *);
	jr_err (*cohort_members_each)(struct store *, int64_t, struct date,
				      jr_err (*)(void *, const struct store_cohort_member *),
				      void *, struct errbuf *);
	jr_err (*cohort_renewals_each)(struct store *, int64_t, struct date, struct date,
				       jr_err (*)(void *, const struct store_cohort_member *),
				       void *, struct errbuf *);
	jr_err (*membership_set_cohort)(struct store *, int64_t, int64_t, enum payer_kind, int64_t,
					struct errbuf *);
	jr_err (*membership_id)(struct store *, const struct membership_key *, int64_t *, bool *,
				struct errbuf *);
	jr_err (*person_set_address)(struct store *, int64_t, const char *, struct errbuf *);
	jr_err (*unit_set)(struct store *, int64_t, int64_t, int64_t, enum store_upsert *,
			   struct errbuf *);
	jr_err (*employer_by_npp)(struct store *, const char *, int64_t *, bool *,
				  struct errbuf *);
	jr_err (*reported_workers_each)(struct store *,
					jr_err (*)(void *, int64_t, int64_t, int64_t), void *,
					struct errbuf *);
	jr_err (*units_each)(struct store *, int64_t, struct date,
			     jr_err (*)(void *, const struct store_unit *), void *,
			     struct errbuf *);
};

extern const struct store_partner_ops sqlite_partner_ops;

#endif
