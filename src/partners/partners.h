/*
 * partners.h - partners, agreements (MoU / PKS), units and cohorts: the
 * vocabulary, the checks, and the views the command line and the web share
 * (docs/rules.md "Partnerships").
 */
#ifndef JARING_PARTNERS_PARTNERS_H
#define JARING_PARTNERS_PARTNERS_H

#include "compat.h"

#include <jansson.h>

#include "ingest/refdata.h"
#include "store/partners.h"

/* Canonical kind names (003_partners.sql) from English or Indonesian words; NULL if unknown. */
const char *partner_kind_parse(const char *s, size_t len);
/* Bahasa Indonesia label of a canonical kind ("Bagian Kesra"...). */
const char *partner_kind_label(const char *kind);
/* "partner"/"mitra", "members"/"peserta", "none"/"tidak_ada"; NULL if unknown. */
const char *agreement_pays_parse(const char *s, size_t len);
/* "pays"/"membayar", "encourages"/"mendorong", "data"/"pertukaran_data"; NULL if unknown. */
const char *agreement_role_parse(const char *s, size_t len);
/* SG SA SD SL SC SB (any case); NULL if unknown. */
const char *agreement_funding_parse(const char *s, size_t len);
/* What funding means for a discount that excludes APBN/APBD payers: SG and SA are APBD. */
bool agreement_funding_is_apbd(const char *funding);

/*
 * Checks a partner before it is written: the kind, the region code known,
 * the parent existing and not making a cycle.  JR_EINVALID with the reason.
 */
jr_err partner_check(struct store *s, const struct refdata *ref, struct store_partner *p,
		     struct errbuf *eb);
/*
 * Checks an agreement: the partner exists, from <= to, signed no later than
 * to, pays/role/funding consistent (a partner that pays has a funding code or
 * gets SG for government kinds).  Normalises the segment and sector lists.
 */
jr_err agreement_check(struct store *s, struct store_agreement *a, struct errbuf *eb);

/* Normalises "PU, bpu" to "PU,BPU" (segments) or "c g" to "C,G" (KBLI sections). */
jr_err agreement_list_normalise(const char *s, bool segments, char *out, size_t size,
				struct errbuf *eb);

json_t *partner_json(const struct store_partner *p);
json_t *agreement_json(const struct store_agreement *a);

/* The scorecard of an agreement on a day: JSON with id, target, enrolled, active, billed, paid... */
jr_err agreement_scorecard_json(struct store *s, const struct store_agreement *a,
				struct date day, json_t **out, struct errbuf *eb);
/* A partner with its agreements and units: JSON. */
jr_err partner_detail_json(struct store *s, const struct store_partner *p, struct date day,
			   json_t **out, struct errbuf *eb);

/* Renewal window: a cohort member whose coverage ends within this many days. */
#define COHORT_RENEWAL_DAYS 30

#endif
