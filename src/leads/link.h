/*
 * link.h - linking the licensing office's licences to the employer
 * registry, and the officer's review of doubtful links.
 *
 * `jaring link` decides every licence (match / review / none, match/link.h)
 * against every registered employer, keeps whatever an officer has
 * confirmed or rejected, and then refreshes the leads (leads.h): a business
 * none of whose licences is linked is a lead.  All of it is one
 * transaction.  Rules: docs/rules.md "Record linkage".
 */
#ifndef JARING_LEADS_LINK_H
#define JARING_LEADS_LINK_H

#include "compat.h"
#include "ingest/refdata.h"
#include "match/link.h"
#include "store/licensing.h"
#include "store/store.h"

struct link_opts {
	struct date today;
	const struct match_rules *rules; /* NULL: match_rules_default */
	int threads;                     /* 0: 2 */
};

struct link_summary {
	size_t employers, licences;
	size_t match, review, none;      /* decisions in force, officers' included */
	size_t kept;                     /* officers' decisions left as they were */
	struct store_leads_refresh leads;
};

/* Decides every licence and refreshes the leads; writes nothing on failure. */
jr_err link_run(struct store *s, const struct refdata *ref, const struct link_opts *o,
		struct link_summary *sum, struct errbuf *eb);

/*
 * An officer's decision on licence licence_id: confirm (employer_npp, or ""
 * for the linker's candidate) or reject the link.  Refreshes the leads (a
 * rejected licence becomes one, a confirmed one stops being one).  One
 * transaction.  JR_ENOTFOUND for an unknown licence or NPP, JR_EINVALID for
 * a confirmation without any employer.
 */
jr_err link_decide(struct store *s, const struct refdata *ref, int64_t licence_id, bool confirm,
		   const char *employer_npp, const char *officer, struct date today,
		   struct errbuf *eb);

#endif
