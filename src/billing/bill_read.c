/*
 * bill_read.c - what a bill run starts from: employers, the payers' unpaid
 * and stored bills, the lines already written, and the small index maps that
 * find them (see bill_int.h).
 */
#include "compat.h"

#include "billing/bill_int.h"

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdu;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53u;
	x ^= x >> 33;
	return x;
}

static bool i64map_grow(struct i64map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 1024;
	int64_t *nk = calloc(ncap, sizeof(*nk));
	size_t *nv = malloc(ncap * sizeof(*nv));
	if (!nk || !nv) {
		free(nk);
		free(nv);
		return false;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->key[i])
			continue;
		size_t j = mix64((uint64_t)m->key[i]) & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = m->key[i];
		nv[j] = m->val[i];
	}
	free(m->key);
	free(m->val);
	m->key = nk;
	m->val = nv;
	m->cap = ncap;
	return true;
}

/* The slot of key: where it is, or where it would go. */
static size_t i64map_slot(const struct i64map *m, int64_t key)
{
	size_t j = mix64((uint64_t)key) & (m->cap - 1);
	while (m->key[j] && m->key[j] != key)
		j = (j + 1) & (m->cap - 1);
	return j;
}

bool i64map_put(struct i64map *m, int64_t key, size_t val)
{
	if ((m->n + 1) * 2 > m->cap && !i64map_grow(m))
		return false;
	size_t j = i64map_slot(m, key);
	if (!m->key[j]) {
		m->key[j] = key;
		m->n++;
	}
	m->val[j] = val;
	return true;
}

bool i64map_get(const struct i64map *m, int64_t key, size_t *val)
{
	if (!m->cap)
		return false;
	size_t j = i64map_slot(m, key);
	if (!m->key[j])
		return false;
	*val = m->val[j];
	return true;
}

void i64map_free(struct i64map *m)
{
	free(m->key);
	free(m->val);
	memset(m, 0, sizeof(*m));
}

/* (kind, ref) as one key: refs are below 2^56 (a NIK is below 10^16). */
int64_t bill_payer_key(enum payer_kind kind, int64_t ref)
{
	return (int64_t)((uint64_t)kind << 56 | ((uint64_t)ref & ((UINT64_C(1) << 56) - 1)));
}

/* Grows *arr (of elem bytes) to hold one more; false when out of memory. */
bool bill_reserve(void **arr, size_t *cap, size_t n, size_t elem)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 1024;
	if (ncap > SIZE_MAX / elem)
		return false;
	void *p = realloc(*arr, ncap * elem);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

jr_err bill_nomem(struct errbuf *eb)
{
	return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk tagihan");
}

/* ---- reading ---- */

jr_err bill_add_employer(void *ctx, const struct store_employer_brief *e)
{
	struct run *r = ctx;
	if (!RESERVE(r->emp, r->capemp, r->nemp))
		return JR_ENOMEM;
	struct employer_info *x = &r->emp[r->nemp++];
	x->id = e->id;
	x->risk_group = e->risk_group;
	memcpy(x->kbli, e->kbli, sizeof(x->kbli));
	x->participants = 0;
	return JR_EOK;
}

static int bill_cmp_employer_id(const void *a, const void *b)
{
	const struct employer_info *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

struct employer_info *bill_find_employer(const struct run *r, int64_t id)
{
	struct employer_info key = {.id = id};
	if (!id)
		return NULL;
	return bsearch(&key, r->emp, r->nemp, sizeof(*r->emp), bill_cmp_employer_id);
}

/* Open participant bills arrive by participant, then period. */
jr_err bill_add_unpaid(void *ctx, const struct store_bill *b)
{
	struct run *r = ctx;
	if (b->paid_sen >= b->total_sen)
		return JR_EOK; /* only a fine left: BPU bills have none, but be exact */
	if (!RESERVE(r->unpaid, r->capunpaid, r->nunpaid))
		return JR_ENOMEM;
	r->unpaid[r->nunpaid].nik = b->payer_ref;
	r->unpaid[r->nunpaid++].due = b->due;
	return JR_EOK;
}

/*
 * Whether a participant is non-active on day (terms_bpu_lapsed over their
 * unpaid bills), counting also one more unpaid bill due on *extra.
 */
bool bill_lapsed_on(const struct run *r, int64_t nik, struct date day,
		      const struct date *extra, struct date *since)
{
	size_t lo = 0, hi = r->nunpaid;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->unpaid[mid].nik < nik)
			lo = mid + 1;
		else
			hi = mid;
	}
	struct date due[BPU_LAPSE_MONTHS * 4];
	size_t n = 0;
	/* The oldest few suffice: only the three oldest before day matter. */
	for (size_t i = lo; i < r->nunpaid && r->unpaid[i].nik == nik && n + 1 < ARRAY_SIZE(due);
	     i++)
		due[n++] = r->unpaid[i].due;
	if (extra)
		due[n++] = *extra;
	return terms_bpu_lapsed(due, n, day, since);
}

/*
 * PP 49/2020 relief (Aug 2020 - Jan 2021) is for payers who had paid their
 * contributions up to July 2020 (domain.md 1.8); the rate table marks those
 * discounts "paid_up" and the case says whether the payer is in arrears.
 */
jr_err bill_add_pp49_arrears(void *ctx, const struct store_bill *b)
{
	struct run *r = ctx;
	if (b->period >= PP49_FIRST || b->paid_sen >= b->total_sen)
		return JR_EOK;
	return i64map_put(&r->in_arrears, bill_payer_key(b->payer_kind, b->payer_ref), 1) ? JR_EOK
										      : JR_ENOMEM;
}

jr_err bill_add_stored_bill(void *ctx, const struct store_bill *b)
{
	struct run *r = ctx;
	if (!RESERVE(r->stored, r->capstored, r->nstored) ||
	    !RESERVE(r->bill, r->capbill, r->nbill))
		return JR_ENOMEM;
	struct bill_acc *a = &r->bill[r->nbill];
	memset(a, 0, sizeof(*a));
	a->payer_ref = b->payer_ref;
	a->id = b->id;
	a->kind = (uint8_t)b->payer_kind;
	a->stored = (uint32_t)r->nstored;
	a->frozen = b->paid_sen > 0 || b->fine_paid_sen > 0;
	r->stored[r->nstored++] = *b;
	if (!i64map_put(&r->by_payer, bill_payer_key(b->payer_kind, b->payer_ref), r->nbill) ||
	    !i64map_put(&r->by_bill_id, b->id, r->nbill))
		return JR_ENOMEM;
	r->nbill++;
	return JR_EOK;
}

jr_err bill_add_old_line(void *ctx, const struct store_bill_line *l)
{
	struct run *r = ctx;
	if (!RESERVE(r->old, r->capold, r->nold))
		return JR_ENOMEM;
	r->old[r->nold++] = *l;
	return JR_EOK;
}
