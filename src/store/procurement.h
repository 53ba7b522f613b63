/*
 * procurement.h - the store's procurement aggregate: construction packages
 * from LKPP files and the JAKON projects contractors registered
 * (005_procurement.sql).  Rules: docs/rules.md "Construction from
 * procurement data".
 */
#ifndef JARING_STORE_PROCUREMENT_H
#define JARING_STORE_PROCUREMENT_H

#include "compat.h"
#include "construction/sirup.h"
#include "store/store.h"

/* A stored package is the checked row (sirup.h) with its key. */
struct store_package {
	int64_t id;
	struct sirup_package p; /* p.line unused */
};

/* A registered JAKON project. */
struct store_project {
	int64_t id;
	int64_t employer_id;                    /* the contractor */
	char employer_npp[NPP_SIZE];            /* filled by reads */
	char employer_name[NAME_MAX_BYTES + 1]; /* filled by reads */
	char name[TEXT_MAX_BYTES + 1];
	char owner[NAME_MAX_BYTES + 1];         /* "" unknown */
	int64_t value_sen;
	char kd_rup[SIRUP_CODE_DIGITS + 1];     /* "" unknown */
	struct date start;
	bool has_end;
	struct date end;
	char region_code[REGION_CODE_SIZE];     /* "" unknown */
	int64_t workers;                        /* JAKON memberships on it (reads) */
};

/* Finds a package by its kd_rup list; *found false when none. */
jr_err store_procurement_package_find(struct store *s, const char *kd_rup,
				      struct store_package *out, bool *found, struct errbuf *eb);
/* Inserts a package, or rewrites the one with the same kd_rup; id set. */
jr_err store_procurement_package_put(struct store *s, struct store_package *pk, int64_t batch_id,
				     struct errbuf *eb);
/* Calls fn for every package, by owner then kd_rup.  Stops on fn's error. */
jr_err store_procurement_packages_each(struct store *s,
				       jr_err (*fn)(void *ctx, const struct store_package *pk),
				       void *ctx, struct errbuf *eb);

/*
 * Inserts or updates a project by (contractor, name, start); pr->id set.
 * Empty optional fields do not erase known values.
 */
jr_err store_procurement_project_upsert(struct store *s, struct store_project *pr,
					int64_t batch_id, enum store_upsert *did,
					struct errbuf *eb);
/*
 * Assigns to project id the contractor's JAKON memberships not yet on a
 * project that start within from..to (to NULL: open); *claimed how many.
 */
jr_err store_procurement_project_claim(struct store *s, int64_t id, int64_t employer_id,
				       struct date from, const struct date *to,
				       int64_t *claimed, struct errbuf *eb);
/* The id of the employer with an NPP; *id 0 when none. */
jr_err store_procurement_contractor_id(struct store *s, const char *npp, int64_t *id,
				       struct errbuf *eb);
/* Calls fn for every project with its contractor and worker count, by id. */
jr_err store_procurement_projects_each(struct store *s,
				       jr_err (*fn)(void *ctx, const struct store_project *pr),
				       void *ctx, struct errbuf *eb);

struct store_procurement_ops {
	jr_err (*package_find)(struct store *s, const char *kd_rup, struct store_package *out,
			       bool *found, struct errbuf *eb);
	jr_err (*package_put)(struct store *s, struct store_package *pk, int64_t batch_id,
			      struct errbuf *eb);
	jr_err (*packages_each)(struct store *s,
				jr_err (*fn)(void *ctx, const struct store_package *pk), void *ctx,
				struct errbuf *eb);
	jr_err (*project_upsert)(struct store *s, struct store_project *pr, int64_t batch_id,
				 enum store_upsert *did, struct errbuf *eb);
	jr_err (*project_claim)(struct store *s, int64_t id, int64_t employer_id, struct date from,
				const struct date *to, int64_t *claimed, struct errbuf *eb);
	jr_err (*contractor_id)(struct store *s, const char *npp, int64_t *id, struct errbuf *eb);
	jr_err (*projects_each)(struct store *s,
				jr_err (*fn)(void *ctx, const struct store_project *pr), void *ctx,
				struct errbuf *eb);
};

extern const struct store_procurement_ops sqlite_procurement_ops;

#endif
