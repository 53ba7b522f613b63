/*
 * leads.h - leads (prospek): businesses that should be registered and are
 * not, ranked by their potential (potential.h), and their follow-up
 * (pipeline.h).  Rules: docs/rules.md "Leads".
 */
#ifndef JARING_LEADS_LEADS_H
#define JARING_LEADS_LEADS_H

#include "compat.h"
#include "ingest/refdata.h"
#include "store/licensing.h"
#include "store/store.h"

/*
 * Makes the 'licensing' leads what the licences and their links say: one
 * lead per NIB none of whose licences is linked (match) or waiting for
 * review, priced from its latest licence at today's month.  Runs inside
 * the caller's transaction.  r may be NULL; decisions (may be NULL) gets
 * the number of licences per link decision in force (index enum
 * link_decision), read on the way.
 */
jr_err leads_refresh_licensing(struct store *s, const struct refdata *ref, struct date today,
			       struct store_leads_refresh *r, size_t decisions[4],
			       struct errbuf *eb);

/*
 * Records a step of lead id: status `to` on day `on` by officer, with a
 * note (may be ""), as one transaction.  JR_ENOTFOUND, or the pipeline's
 * refusal (pipeline.h) in eb.
 */
jr_err leads_step(struct store *s, int64_t id, enum lead_status to, struct date on,
		  const char *officer, const char *note, struct date today, struct errbuf *eb);

enum conversion_by { CONVERSION_BY_MONTH = 1, CONVERSION_BY_OFFICER };

struct conversion_row {
	char key[OFFICER_SIZE];      /* "2026-11", or the officer's name */
	int64_t created;             /* leads that appeared (by month only) */
	int64_t contacted, visited, registered, refused;
	int64_t registered_sen;      /* monthly potential of the leads registered */
};

/*
 * Conversion per month (of each step's day) or per officer (of each step
 * after new).  *rows sorted by key, freed by the caller with free().
 */
jr_err leads_conversion(struct store *s, enum conversion_by by, struct conversion_row **rows,
			size_t *n, struct errbuf *eb);

#endif
