/*
 * licensing.h - the store's licensing aggregate (004_licensing.sql):
 * licences, their links to the employer registry, leads and their
 * follow-up.
 *
 * Same contract as store.h: every function returns a jr_err and fills eb on
 * failure; writes happen inside the caller's store_begin/store_commit.
 */
#ifndef JARING_STORE_LICENSING_H
#define JARING_STORE_LICENSING_H

#include "compat.h"
#include "core/licence.h"
#include "store/store.h"

/*
 * Inserts or updates n licences by NIB and licence date, in one prepared
 * statement; each l[i].id is set and did[i] (did may be NULL) says what
 * happened.  Empty optional fields do not erase known values.  batch_id 0 =
 * none.
 */
jr_err store_licences_upsert(struct store *s, struct licence *l, size_t n, int64_t batch_id,
			     enum store_upsert *did, struct errbuf *eb);

/* Calls fn for every licence in id order.  Stops on fn's error. */
jr_err store_licences_each(struct store *s, jr_err (*fn)(void *ctx, const struct licence *l),
			   void *ctx, struct errbuf *eb);

/* What linkage needs of a registered employer. */
struct store_link_employer {
	int64_t id;
	const char *npp, *name, *nib, *npwp, *region_code; /* "" when unknown */
};
/*
 * Calls fn for every employer, in no particular order, with only what
 * linkage needs: a million employers are read in a fraction of
 * store_employers_each's time.  The strings live until fn returns.
 */
jr_err store_link_employers_each(struct store *s,
				 jr_err (*fn)(void *ctx, const struct store_link_employer *e),
				 void *ctx, struct errbuf *eb);

/* Link decisions (licence_links.decision). */
enum link_decision { LINK_NONE_YET = 0, LINK_MATCH, LINK_REVIEW, LINK_NO_MATCH };
/* "match", "review", "none"; "" for NONE_YET. */
const char *link_decision_name(enum link_decision d);

#define LINK_WHY_SIZE 256
#define OFFICER_SIZE 64

struct store_link {
	int64_t licence_id;
	enum link_decision decision;
	int64_t employer_id;           /* 0: none */
	double score;                  /* 0..1 */
	char why[LINK_WHY_SIZE];
	int confirmed;                 /* 1 confirmed, -1 rejected by an officer, 0 the linker's */
	char decided_by[OFFICER_SIZE]; /* officer, "" for the linker */
	char decided_at[24];           /* YYYY-MM-DD, "" for the linker */
};

/*
 * Writes the linker's decisions l[0..n), each unless an officer has
 * confirmed or rejected that licence's link (those are left alone and
 * counted in *kept, which may be NULL).
 */
jr_err store_links_put(struct store *s, const struct store_link *l, size_t n, size_t *kept,
		       struct errbuf *eb);

/* Records an officer's decision (confirmed must be 1 or -1), replacing any. */
jr_err store_link_decide(struct store *s, const struct store_link *l, struct errbuf *eb);

/* A licence with its link (decision NONE_YET when never linked) and employer. */
struct store_link_row {
	const struct licence *licence;
	const struct store_link *link;
	const char *employer_npp;      /* "" when none */
	const char *employer_name;
};
/*
 * Calls fn for every licence in id order with its link; only those whose
 * decision is `only` unless only is LINK_NONE_YET; one licence when
 * licence_id > 0.
 */
jr_err store_link_rows_each(struct store *s, enum link_decision only, int64_t licence_id,
			    jr_err (*fn)(void *ctx, const struct store_link_row *r), void *ctx,
			    struct errbuf *eb);

/* ---- leads ---- */

#define LEAD_SOURCE_SIZE 12
#define LEAD_REF_SIZE 64

struct store_lead {
	int64_t id;
	char source[LEAD_SOURCE_SIZE];  /* "licensing", "sirup", "other" */
	char source_ref[LEAD_REF_SIZE]; /* licensing: the NIB */
	char name[NAME_MAX_BYTES + 1];
	char region_code[REGION_CODE_SIZE];
	char kbli[KBLI_SIZE];
	int risk_group;                 /* 0 unknown */
	int64_t workers;
	int64_t monthly_sen;
	enum lead_status status;
	char officer[OFFICER_SIZE];
	struct date created_on, status_on;
	char note[TEXT_MAX_BYTES + 1];
};

/* Finds a lead by id; *found false when none. */
jr_err store_lead_get(struct store *s, int64_t id, struct store_lead *out, bool *found,
		      struct errbuf *eb);
/* What a refresh of one source's leads did. */
struct store_leads_refresh {
	size_t inserted, updated, unchanged, dropped;
};
/*
 * Makes the leads of one source the n given (l[i].source ignored, sorted by
 * source_ref, each ref once): a new one is inserted with status new on
 * `today` and its creation event; a known one gets its name, region, KBLI,
 * risk group, workers and monthly_sen rewritten, its follow-up kept; a lead
 * of the source not among them that nobody has worked on (status new, no
 * event but its creation) is deleted with its event, one worked on is kept.
 * r (may be NULL) is filled.
 */
jr_err store_leads_refresh(struct store *s, const char *source, const struct store_lead *l,
			   size_t n, struct date today, struct store_leads_refresh *r,
			   struct errbuf *eb);
/* Writes status, status_on, officer and note of lead l->id. */
jr_err store_lead_update_status(struct store *s, const struct store_lead *l, struct errbuf *eb);
/* Calls fn for every lead (of one status unless LEAD_NONE), largest monthly_sen first. */
jr_err store_leads_each(struct store *s, enum lead_status only,
			jr_err (*fn)(void *ctx, const struct store_lead *l), void *ctx,
			struct errbuf *eb);

struct store_lead_event {
	int64_t id;
	int64_t lead_id;
	enum lead_status status;
	struct date on;
	char officer[OFFICER_SIZE];
	char note[TEXT_MAX_BYTES + 1];
};
jr_err store_lead_event_add(struct store *s, struct store_lead_event *e, struct errbuf *eb);
/* Calls fn for every event, by lead then day then id; one lead's when lead_id > 0. */
jr_err store_lead_events_each(struct store *s, int64_t lead_id,
			      jr_err (*fn)(void *ctx, const struct store_lead_event *e), void *ctx,
			      struct errbuf *eb);

/* What a backend implements; licensing.c forwards to it. */
struct store_licensing_ops {
	jr_err (*licences_upsert)(struct store *s, struct licence *l, size_t n, int64_t batch_id,
				  enum store_upsert *did, struct errbuf *eb);
	jr_err (*licences_each)(struct store *s, jr_err (*fn)(void *ctx, const struct licence *l),
				void *ctx, struct errbuf *eb);
	jr_err (*link_employers_each)(struct store *s,
				      jr_err (*fn)(void *ctx, const struct store_link_employer *e),
				      void *ctx, struct errbuf *eb);
	jr_err (*links_put)(struct store *s, const struct store_link *l, size_t n, size_t *kept,
			    struct errbuf *eb);
	jr_err (*link_decide)(struct store *s, const struct store_link *l, struct errbuf *eb);
	jr_err (*link_rows_each)(struct store *s, enum link_decision only, int64_t licence_id,
				 jr_err (*fn)(void *ctx, const struct store_link_row *r), void *ctx,
				 struct errbuf *eb);
	jr_err (*lead_get)(struct store *s, int64_t id, struct store_lead *out, bool *found,
			   struct errbuf *eb);
	jr_err (*leads_refresh)(struct store *s, const char *source, const struct store_lead *l,
				size_t n, struct date today, struct store_leads_refresh *r,
				struct errbuf *eb);
	jr_err (*lead_update_status)(struct store *s, const struct store_lead *l,
				     struct errbuf *eb);
	jr_err (*leads_each)(struct store *s, enum lead_status only,
			     jr_err (*fn)(void *ctx, const struct store_lead *l), void *ctx,
			     struct errbuf *eb);
	jr_err (*lead_event_add)(struct store *s, struct store_lead_event *e, struct errbuf *eb);
	jr_err (*lead_events_each)(struct store *s, int64_t lead_id,
				   jr_err (*fn)(void *ctx, const struct store_lead_event *e),
				   void *ctx, struct errbuf *eb);
};

extern const struct store_licensing_ops sqlite_licensing_ops;

#endif
