/* leads.c - leads from licences, their follow-up and conversion (see leads.h). */
#include "compat.h"

#include "ingest/rates.h"
#include "ingest/sectors.h"
#include "leads/leads.h"
#include "leads/pipeline.h"
#include "leads/potential.h"

static jr_err nomem(struct errbuf *eb)
{
	return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk prospek");
}

/* What a lead needs of a licence, with the licence's decision. */
struct lic_row {
	char nib[NIB_SIZE];
	char name[NAME_MAX_BYTES + 1];
	char region_code[REGION_CODE_SIZE];
	char kbli[KBLI_SIZE];
	int64_t employees, avg_wage_sen;
	struct date licensed_on;
	int64_t id;
	enum link_decision decision;
};

struct lic_rows {
	struct lic_row *r;
	size_t n, cap;
};

static jr_err collect(void *ctx, const struct store_link_row *row)
{
	struct lic_rows *ls = ctx;
	const struct licence *l = row->licence;
	if (ls->n == ls->cap) {
		size_t ncap = ls->cap ? ls->cap * 2 : 1024;
		struct lic_row *nr = realloc(ls->r, ncap * sizeof(*nr));
		if (!nr)
			return JR_ENOMEM;
		ls->r = nr;
		ls->cap = ncap;
	}
	struct lic_row *r = &ls->r[ls->n++];
	memcpy(r->nib, l->nib, sizeof(r->nib));
	memcpy(r->name, l->name, sizeof(r->name));
	memcpy(r->region_code, l->region_code, sizeof(r->region_code));
	memcpy(r->kbli, l->kbli, sizeof(r->kbli));
	r->employees = l->employees;
	r->avg_wage_sen = l->avg_wage_sen;
	r->licensed_on = l->licensed_on;
	r->id = l->id;
	r->decision = row->link->decision;
	return JR_EOK;
}

/* By NIB, then licence date and id: a business's latest licence last. */
static int cmp_rows(const void *a, const void *b)
{
	const struct lic_row *x = a, *y = b;
	int c = strcmp(x->nib, y->nib);
	if (c)
		return c;
	c = date_cmp(x->licensed_on, y->licensed_on);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* The regency's UMK for a year, else the latest of the three years before. */
static int64_t umk_for(const struct refdata *ref, const char *region_code, int year)
{
	char regency[REGION_CODE_SIZE];
	int64_t sen;
	if (strlen(region_code) < 5)
		return 0;
	memcpy(regency, region_code, 5);
	regency[5] = '\0';
	for (int y = year; y > year - 4; y--)
		if (refdata_umk(ref, regency, y, &sen))
			return sen;
	return 0;
}

jr_err leads_refresh_licensing(struct store *s, const struct refdata *ref, struct date today,
			       struct store_leads_refresh *r, size_t decisions[4],
			       struct errbuf *eb)
{
	struct lic_rows ls = {0};
	struct store_lead *leads = NULL;
	struct rates *rates = NULL;
	struct sector_risk sr;
	size_t nleads = 0;
	jr_err err = rates_load(&rates, eb);
	if (err == JR_EOK)
		err = sector_risk_load(&sr, eb);
	if (err == JR_EOK) {
		err = store_link_rows_each(s, LINK_NONE_YET, 0, collect, &ls, eb);
		if (err == JR_ENOMEM)
			err = nomem(eb);
	}
	if (decisions) {
		memset(decisions, 0, 4 * sizeof(*decisions));
		for (size_t i = 0; i < ls.n; i++)
			if ((unsigned)ls.r[i].decision < 4)
				decisions[ls.r[i].decision]++;
	}
	if (err == JR_EOK && ls.n) {
		qsort(ls.r, ls.n, sizeof(*ls.r), cmp_rows);
		if (!(leads = calloc(ls.n, sizeof(*leads))))
			err = nomem(eb);
	}
	for (size_t i = 0; err == JR_EOK && i < ls.n;) {
		size_t j = i;
		bool linked = false;
		for (; j < ls.n && !strcmp(ls.r[j].nib, ls.r[i].nib); j++)
			linked |= ls.r[j].decision == LINK_MATCH || ls.r[j].decision == LINK_REVIEW ||
				  ls.r[j].decision == LINK_NONE_YET;
		const struct lic_row *l = &ls.r[j - 1];
		i = j;
		if (linked)
			continue;
		struct potential p;
		struct potential_in in = {
			.kbli = l->kbli, .employees = l->employees, .avg_wage_sen = l->avg_wage_sen,
			.umk_sen = umk_for(ref, l->region_code, today.year),
			.year = today.year, .month = today.month,
		};
		if ((err = lead_potential(rates, &sr, &in, &p, eb)) != JR_EOK)
			break;
		struct store_lead *d = &leads[nleads++];
		snprintf(d->source, sizeof(d->source), "licensing");
		memcpy(d->source_ref, l->nib, sizeof(l->nib));
		memcpy(d->name, l->name, sizeof(d->name));
		memcpy(d->region_code, l->region_code, sizeof(d->region_code));
		memcpy(d->kbli, l->kbli, sizeof(d->kbli));
		d->risk_group = p.risk_group;
		d->workers = p.workers;
		d->monthly_sen = p.monthly_sen;
	}
	if (err == JR_EOK)
		err = store_leads_refresh(s, "licensing", leads, nleads, today, r, eb);
	rates_free(rates);
	free(leads);
	free(ls.r);
	return err;
}

jr_err leads_step(struct store *s, int64_t id, enum lead_status to, struct date on,
		  const char *officer, const char *note, struct date today, struct errbuf *eb)
{
	struct store_lead l;
	bool found;
	jr_err err = store_begin(s, eb);
	if (err != JR_EOK)
		return err;
	err = store_lead_get(s, id, &l, &found, eb);
	if (err == JR_EOK && !found)
		err = errbuf_set(eb, JR_ENOTFOUND, "prospek %" PRId64 " tidak ada", id);
	if (err == JR_EOK)
		err = lead_step_check(l.status, l.status_on, to, on, today, officer, eb);
	if (err == JR_EOK) {
		struct store_lead_event e = {.lead_id = id, .status = to, .on = on};
		snprintf(e.officer, sizeof(e.officer), "%s", officer);
		snprintf(e.note, sizeof(e.note), "%s", note ? note : "");
		l.status = to;
		l.status_on = on;
		snprintf(l.officer, sizeof(l.officer), "%s", officer);
		if (note && *note)
			snprintf(l.note, sizeof(l.note), "%s", note);
		err = store_lead_event_add(s, &e, eb);
		if (err == JR_EOK)
			err = store_lead_update_status(s, &l, eb);
	}
	if (err == JR_EOK)
		err = store_commit(s, eb);
	else
		store_rollback(s);
	return err;
}

/* ---- conversion ---- */

struct potential_of {
	int64_t id, monthly_sen;
};

struct conv_ctx {
	enum conversion_by by;
	struct conversion_row *rows;
	size_t n, cap;
	struct potential_of *pot;
	size_t npot, potcap;
};

static jr_err keep_potential(void *ctx, const struct store_lead *l)
{
	struct conv_ctx *c = ctx;
	if (c->npot == c->potcap) {
		size_t ncap = c->potcap ? c->potcap * 2 : 256;
		struct potential_of *np = realloc(c->pot, ncap * sizeof(*np));
		if (!np)
			return JR_ENOMEM;
		c->pot = np;
		c->potcap = ncap;
	}
	c->pot[c->npot++] = (struct potential_of){l->id, l->monthly_sen};
	return JR_EOK;
}

static int cmp_pot(const void *a, const void *b)
{
	const struct potential_of *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static struct conversion_row *row_for(struct conv_ctx *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->rows[i].key, key))
			return &c->rows[i];
	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 16;
		struct conversion_row *nr = realloc(c->rows, ncap * sizeof(*nr));
		if (!nr)
			return NULL;
		c->rows = nr;
		c->cap = ncap;
	}
	struct conversion_row *r = &c->rows[c->n++];
	memset(r, 0, sizeof(*r));
	snprintf(r->key, sizeof(r->key), "%s", key);
	return r;
}

static jr_err count_event(void *ctx, const struct store_lead_event *e)
{
	struct conv_ctx *c = ctx;
	char key[OFFICER_SIZE];
	if (c->by == CONVERSION_BY_MONTH) {
		snprintf(key, sizeof(key), "%04d-%02d", e->on.year, e->on.month);
	} else {
		if (e->status == LEAD_NEW)
			return JR_EOK; /* a lead appears by itself, not by an officer */
		snprintf(key, sizeof(key), "%s", e->officer[0] ? e->officer : "-");
	}
	struct conversion_row *r = row_for(c, key);
	if (!r)
		return JR_ENOMEM;
	switch (e->status) {
	case LEAD_NEW:
		r->created++;
		break;
	case LEAD_CONTACTED:
		r->contacted++;
		break;
	case LEAD_VISITED:
		r->visited++;
		break;
	case LEAD_REGISTERED: {
		r->registered++;
		struct potential_of k = {e->lead_id, 0}, *p;
		p = c->npot ? bsearch(&k, c->pot, c->npot, sizeof(*c->pot), cmp_pot) : NULL;
		if (p)
			r->registered_sen += p->monthly_sen;
		break;
	}
	case LEAD_REFUSED:
		r->refused++;
		break;
	default:
		break;
	}
	return JR_EOK;
}

static int cmp_rows_key(const void *a, const void *b)
{
	return strcmp(((const struct conversion_row *)a)->key,
		      ((const struct conversion_row *)b)->key);
}

jr_err leads_conversion(struct store *s, enum conversion_by by, struct conversion_row **rows,
			size_t *n, struct errbuf *eb)
{
	struct conv_ctx c = {.by = by};
	*rows = NULL;
	*n = 0;
	jr_err err = store_leads_each(s, LEAD_NONE, keep_potential, &c, eb);
	if (err == JR_EOK) {
		if (c.npot)
			qsort(c.pot, c.npot, sizeof(*c.pot), cmp_pot);
		err = store_lead_events_each(s, 0, count_event, &c, eb);
	}
	if (err == JR_ENOMEM)
		err = nomem(eb);
	free(c.pot);
	if (err != JR_EOK) {
		free(c.rows);
		return err;
	}
	if (c.n)
		qsort(c.rows, c.n, sizeof(*c.rows), cmp_rows_key);
	*rows = c.rows;
	*n = c.n;
	return JR_EOK;
}
