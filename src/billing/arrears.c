/* arrears.c - unpaid contributions aged, with fines (see arrears.h). */
#include "compat.h"

#include "billing/arrears.h"
#include "billing/terms.h"

jr_err arrears_add_bill(struct arrears_payer *p, const struct store_bill *b, struct date as_of,
			struct errbuf *eb)
{
	int64_t owed = b->total_sen - b->paid_sen;
	int64_t fine = b->fine_sen - b->fine_paid_sen;
	if (owed < 0)
		owed = 0;
	if (fine < 0)
		fine = 0;
	if (owed > 0) {
		int months = terms_months_late(b->due, as_of);
		int64_t accrued;
		jr_err err = terms_fine(owed, b->fine_ppm, months, &accrued, eb);
		if (err != JR_EOK)
			return err;
		fine += accrued;
		switch (terms_age(b->due, as_of)) {
		case AGE_CURRENT:
			p->current_sen += owed;
			break;
		case AGE_1_3:
			p->months_1_3_sen += owed;
			break;
		case AGE_OVER_3:
			p->over_3_sen += owed;
			break;
		}
		if (!p->oldest_period || b->period < p->oldest_period)
			p->oldest_period = b->period;
	}
	p->owed_sen += owed;
	p->fines_sen += fine;
	p->employer_pays_jkk_first = p->kind == PAYER_KIND_EMPLOYER && p->over_3_sen > 0;
	return JR_EOK;
}

struct collect {
	struct arrears_report *r;
	size_t cap;
	int last_period;
	struct errbuf *eb;
};

/* Open bills come by payer, then period. */
static jr_err add(void *ctx, const struct store_bill *b)
{
	struct collect *c = ctx;
	struct arrears_report *r = c->r;
	if (b->period > c->last_period)
		return JR_EOK;
	struct arrears_payer *p = r->n ? &r->payer[r->n - 1] : NULL;
	if (!p || p->kind != b->payer_kind || p->ref != b->payer_ref) {
		if (r->n == c->cap) {
			size_t ncap = c->cap ? c->cap * 2 : 256;
			struct arrears_payer *np = realloc(r->payer, ncap * sizeof(*np));
			if (!np)
				return errbuf_set(c->eb, JR_ENOMEM, "memori tidak cukup untuk tunggakan");
			r->payer = np;
			c->cap = ncap;
		}
		p = &r->payer[r->n++];
		memset(p, 0, sizeof(*p));
		p->kind = b->payer_kind;
		p->ref = b->payer_ref;
		memcpy(p->code, b->payer_code, sizeof(p->code));
	}
	return arrears_add_bill(p, b, r->as_of, c->eb);
}

static int cmp_payer(const void *a, const void *b)
{
	const struct arrears_payer *x = a, *y = b;
	int64_t dx = x->owed_sen + x->fines_sen, dy = y->owed_sen + y->fines_sen;
	if (dx != dy)
		return dx > dy ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->code, y->code);
}

jr_err arrears_compute(struct store *s, struct date as_of, struct arrears_report *out,
		       struct errbuf *eb)
{
	struct collect c = {.r = out, .eb = eb};
	memset(out, 0, sizeof(*out));
	out->as_of = as_of;
	c.last_period = as_of.year * 100 + as_of.month;
	jr_err err = store_open_bills_each(s, PAYER_KIND_NONE, 0, add, &c, eb);
	if (err != JR_EOK) {
		arrears_free(out);
		return err;
	}
	/* Drop payers whose only open bills are of later months. */
	size_t k = 0;
	for (size_t i = 0; i < out->n; i++) {
		if (out->payer[i].owed_sen == 0 && out->payer[i].fines_sen == 0)
			continue;
		out->payer[k++] = out->payer[i];
	}
	out->n = k;
	for (size_t i = 0; i < out->n; i++) {
		out->total_owed_sen += out->payer[i].owed_sen;
		out->total_fines_sen += out->payer[i].fines_sen;
	}
	if (out->n)
		qsort(out->payer, out->n, sizeof(*out->payer), cmp_payer);
	return JR_EOK;
}

void arrears_free(struct arrears_report *r)
{
	free(r->payer);
	r->payer = NULL;
	r->n = 0;
}
