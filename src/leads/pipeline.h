/*
 * pipeline.h - the follow-up of a lead: new -> contacted -> visited ->
 * registered or refused.
 *
 * A lead moves forward only; steps may be skipped (an officer may visit
 * without phoning first, a business may refuse on the phone); registered and
 * refused end it.  Every step has a day (not before the previous step, not
 * after today) and an officer.  Pure: no I/O.  Rules: docs/rules.md "Leads".
 */
#ifndef JARING_LEADS_PIPELINE_H
#define JARING_LEADS_PIPELINE_H

#include "compat.h"
#include "core/date.h"
#include "core/err.h"
#include "core/licence.h"

/*
 * Checks a step from `from` (last step on day `since`) to `to` on day `on`
 * by officer (may not be empty).  JR_EOK, or JR_EINVALID / JR_ECONFLICT with
 * the reason (Bahasa Indonesia) in eb.
 */
jr_err lead_step_check(enum lead_status from, struct date since, enum lead_status to,
		       struct date on, struct date today, const char *officer, struct errbuf *eb);

/* True for registered and refused. */
bool lead_status_final(enum lead_status s);

#endif
