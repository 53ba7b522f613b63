/*
 * bill.c - the monthly bill run (see bill.h).
 *
 * The run reads the month's memberships once and finds each one's payer and
 * bill, numbering the new bills in advance.  Pricing (iuran_compute, pure
 * and thread-safe) then runs on helper threads while the main thread writes
 * the lines through one INSERT ... SELECT, comparing each membership with
 * the line stored for it and handing over only the new ones, in membership
 * order so that the line table grows at its end; the bills follow, with
 * their totals.  A million memberships cost one read, one pricing pass
 * hidden under the writing, and a million inserts; a repeated run writes
 * nothing it does not have to.  Memory is kept small on purpose (a few tens
 * of bytes per membership and per bill): on a large branch the page faults
 * of a generous layout cost more than the arithmetic.
 */
#include "compat.h"

#include <pthread.h>
#include <unistd.h>

#include "billing/bill_int.h"

/* ---- pure helpers ---- */

void bill_payer_of(const struct store_billable *m, enum payer_kind *kind, int64_t *ref)
{
	if (m->payer_kind != PAYER_KIND_NONE && m->payer_ref) {
		*kind = m->payer_kind;
		*ref = m->payer_ref;
	} else if (m->employer_id && m->segment != SEG_BPU) {
		*kind = PAYER_KIND_EMPLOYER;
		*ref = m->employer_id;
	} else {
		*kind = PAYER_KIND_PARTICIPANT;
		*ref = m->person_nik;
	}
}

static int program_slot(enum program p)
{
	for (int i = 0; i < BILL_PROGRAMS; i++)
		if ((unsigned)p == 1u << i)
			return i;
	return -1;
}

void bill_line_from(const struct iuran_result *res, unsigned programs,
		    struct store_bill_line *line)
{
	memset(line->program_sen, 0, sizeof(line->program_sen));
	line->programs = programs;
	line->base_sen = res->base_sen;
	line->worker_sen = 0;
	line->total_sen = 0;
	for (int i = 0; i < res->nlines; i++) {
		const struct iuran_line *l = &res->line[i];
		int slot = program_slot(l->program);
		if (slot >= 0)
			line->program_sen[slot] += l->total_sen;
		line->worker_sen += l->worker_sen;
		line->total_sen += l->total_sen;
	}
}

/* ---- who pays ---- */

/* The bill of a payer, added (to be inserted) when the month has none. */
static jr_err bill_for(struct run *r, enum payer_kind kind, int64_t ref, uint32_t *idx)
{
	int64_t key = bill_payer_key(kind, ref);
	size_t found;
	if (i64map_get(&r->by_payer, key, &found)) {
		*idx = (uint32_t)found;
		return JR_EOK;
	}
	if (r->nbill >= UINT32_MAX - 1 || !RESERVE(r->bill, r->capbill, r->nbill))
		return bill_nomem(r->eb);
	struct bill_acc *a = &r->bill[r->nbill];
	memset(a, 0, sizeof(*a));
	a->kind = (uint8_t)kind;
	a->payer_ref = ref;
	a->stored = NO_STORED;
	if (!i64map_put(&r->by_payer, key, r->nbill))
		return bill_nomem(r->eb);
	*idx = (uint32_t)r->nbill++;
	return JR_EOK;
}

/* Sorts a member out before pricing: who pays, or why it gets no line. */
static jr_err classify(struct run *r, struct member *x, uint32_t *last_bill, int64_t *last_key)
{
	const struct store_billable *m = &r->billable[x->billable];
	if (m->segment == SEG_PMI) {
		x->state = M_PMI;
		r->sum->skipped_pmi++;
		return JR_EOK;
	}
	if (m->segment == SEG_JAKON && m->wage_sen == 0) {
		/* Workers of a project whose wage is not known are paid for by the
		 * project, on its contract value (PROBIS p.98), not line by line. */
		x->state = M_PROJECT;
		r->sum->skipped_project++;
		return JR_EOK;
	}
	if (m->segment == SEG_BPU &&
	    bill_lapsed_on(r, m->person_nik, period_first(r->o->period), NULL, NULL)) {
		x->state = M_LAPSED;
		r->sum->skipped_lapsed++;
		return JR_EOK;
	}
	x->state = M_PRICE;
	enum payer_kind kind;
	int64_t ref;
	bill_payer_of(m, &kind, &ref);
	/* Members of one employer mostly come together: skip the map then. */
	int64_t key = bill_payer_key(kind, ref);
	if (key != *last_key) {
		jr_err err = bill_for(r, kind, ref, last_bill);
		if (err != JR_EOK)
			return err;
		*last_key = key;
	}
	x->bill = *last_bill;
	return JR_EOK;
}

/* A new bill and its payer key, for numbering in the order of the bills' index. */
struct keyed_bill {
	int64_t key;
	uint32_t bill;
};

static int cmp_keyed_bill(const void *a, const void *b)
{
	const struct keyed_bill *x = a, *y = b;
	return (x->key > y->key) - (x->key < y->key);
}

/*
 * Numbers the new bills in payer order (kind, then payer: the order of the
 * bills_key index) from the next free id, so that lines can name their bill
 * before the bill is written.  *order (the new bills in that order, freed by
 * the caller) is what insert_new_bills writes.
 */
static jr_err number_new_bills(struct run *r, struct keyed_bill **order, size_t *n)
{
	int64_t next_id;
	jr_err err = store_bill_next_id(r->s, &next_id, r->eb);
	if (err != JR_EOK)
		return err;
	*n = 0;
	*order = malloc((r->nbill ? r->nbill : 1) * sizeof(**order));
	if (!*order)
		return bill_nomem(r->eb);
	for (size_t i = 0; i < r->nbill; i++) {
		if (r->bill[i].stored != NO_STORED)
			continue;
		(*order)[*n].key = bill_payer_key(r->bill[i].kind, r->bill[i].payer_ref);
		(*order)[(*n)++].bill = (uint32_t)i;
	}
	qsort(*order, *n, sizeof(**order), cmp_keyed_bill);
	for (size_t i = 0; i < *n; i++)
		r->bill[(*order)[i].bill].id = next_id++;
	return JR_EOK;
}

/* ---- pricing ---- */

static void price_one(struct run *r, struct chunk *ch, size_t i)
{
	struct member *x = &r->mem[i];
	const struct store_billable *m = &r->billable[x->billable];
	struct iuran_case c;
	struct iuran_result res;
	struct errbuf eb;

	memset(&c, 0, sizeof(c));
	c.segment = m->segment;
	c.year = r->year;
	c.month = r->month;
	c.programs = m->programs;
	if (m->segment == SEG_BPU)
		c.income_sen = m->wage_sen;
	else
		c.wage_sen = m->wage_sen;
	const struct employer_info *e = bill_find_employer(r, m->employer_id);
	if (e) {
		c.risk_group = e->risk_group;
		memcpy(c.kbli, e->kbli, sizeof(c.kbli));
		c.employer_participants = e->participants;
	}
	/* PP 50/2025's BPU discount excludes APBN/APBD payers. */
	c.payer = m->payer_kind != PAYER_KIND_PARTNER ? PAYER_SELF
		  : m->apbd_funded ? PAYER_APBD : PAYER_OTHER;
	if (r->in_arrears.n) {
		const struct bill_acc *a = &r->bill[x->bill];
		size_t ignored;
		c.in_arrears = i64map_get(&r->in_arrears, bill_payer_key(a->kind, a->payer_ref), &ignored);
	}
	if (iuran_compute(r->rates, &c, &res, &eb) != JR_EOK) {
		x->state = M_INVALID;
		if (!RESERVE(ch->issue, ch->capissue, ch->nissue)) {
			ch->nomem = true;
			return;
		}
		struct issue *is = &ch->issue[ch->nissue++];
		is->member = i;
		memcpy(is->reason, eb.msg, sizeof(is->reason));
		return;
	}
	x->state = M_LINE;
	struct store_bill_line *l = &ch->line[i % CHUNK];
	l->membership_id = m->membership_id;
	l->bill_id = r->bill[x->bill].id;
	bill_line_from(&res, m->programs, l);
}

/* Claims the next chunk and prices it; false when none is left. */
static bool price_next_chunk(struct run *r)
{
	pthread_mutex_lock(&r->mu);
	size_t c = r->next_chunk < r->nchunks ? r->next_chunk++ : r->nchunks;
	pthread_mutex_unlock(&r->mu);
	if (c == r->nchunks)
		return false;
	struct chunk *ch = &r->chunk[c];
	size_t end = (c + 1) * CHUNK < r->nmem ? (c + 1) * CHUNK : r->nmem;
	ch->line = malloc(CHUNK * sizeof(*ch->line));
	if (!ch->line)
		ch->nomem = true;
	for (size_t i = c * CHUNK; i < end; i++) {
		if (r->mem[i].state != M_PRICE)
			continue;
		if (ch->line)
			price_one(r, ch, i);
		else
			r->mem[i].state = M_INVALID; /* reported as out of memory */
	}
	pthread_mutex_lock(&r->mu);
	ch->done = true;
	pthread_cond_broadcast(&r->cv);
	pthread_mutex_unlock(&r->mu);
	return true;
}

static void *pricing_thread(void *arg)
{
	struct run *r = arg;
	while (price_next_chunk(r))
		;
	return NULL;
}

/* Waits until chunk c is priced, pricing later chunks meanwhile. */
static void wait_chunk(struct run *r, size_t c)
{
	for (;;) {
		pthread_mutex_lock(&r->mu);
		bool done = r->chunk[c].done;
		bool left = r->next_chunk < r->nchunks;
		if (!done && !left) {
			while (!r->chunk[c].done)
				pthread_cond_wait(&r->cv, &r->mu);
			done = true;
		}
		pthread_mutex_unlock(&r->mu);
		if (done)
			return;
		price_next_chunk(r);
	}
}

static int cpu_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

/* ---- comparing with what is stored ---- */

static bool same_line(const struct store_bill_line *a, const struct store_bill_line *b)
{
	if (a->bill_id != b->bill_id || a->programs != b->programs || a->base_sen != b->base_sen ||
	    a->worker_sen != b->worker_sen || a->total_sen != b->total_sen)
		return false;
	for (int i = 0; i < BILL_PROGRAMS; i++)
		if (a->program_sen[i] != b->program_sen[i])
			return false;
	return true;
}

static void count_in(struct bill_acc *a, int64_t total_sen)
{
	a->lines++;
	a->total_sen += total_sen;
}

/*
 * The merge of the priced members with the lines stored for the month, both
 * in membership order, run by the line insert as it asks for rows: it hands
 * over each new line and records what else changes (lines to rewrite in
 * r->replace, lines to delete listed in r->old in place).
 */
struct merge {
	struct run *r;
	size_t i, j, ndelete;
	size_t waited; /* chunks below this one are priced */
	jr_err err;
};

/* The next member with a line (waiting for its pricing), or NULL at the end. */
static struct store_bill_line *next_priced(struct merge *g)
{
	struct run *r = g->r;
	while (g->i < r->nmem) {
		size_t c = g->i / CHUNK;
		if (c >= g->waited) {
			if (c > 0) {
				/* The writer is past the previous chunk: its lines are done with. */
				free(r->chunk[c - 1].line);
				r->chunk[c - 1].line = NULL;
			}
			wait_chunk(r, c);
			g->waited = c + 1;
			if (r->chunk[c].nomem) {
				g->err = bill_nomem(r->eb);
				return NULL;
			}
		}
		if (r->mem[g->i].state == M_LINE)
			return &r->chunk[c].line[g->i % CHUNK];
		g->i++;
	}
	return NULL;
}

static const struct store_bill_line *next_line(void *ctx)
{
	struct merge *g = ctx;
	struct run *r = g->r;
	for (;;) {
		/* Members that get no line (lapsed, PMI, unpriceable) are not in the
		 * priced list: a line stored for them counts as "stored only". */
		struct store_bill_line *x = next_priced(g);
		if (g->err != JR_EOK)
			return NULL;
		const struct store_bill_line *old = g->j < r->nold ? &r->old[g->j] : NULL;
		if (!x && !old)
			return NULL;
		/* Which comes first: the stored line only, the member only, or both. */
		bool take_old = old && (!x || old->membership_id <= x->membership_id);
		bool take_x = x && (!old || x->membership_id <= old->membership_id);
		size_t ob = 0;
		bool old_frozen = false;
		if (old && take_old) {
			/* Mostly the stored line is on the bill the member is on now. */
			if (take_x && r->bill[r->mem[g->i].bill].id == old->bill_id)
				ob = r->mem[g->i].bill;
			else if (!i64map_get(&r->by_bill_id, old->bill_id, &ob)) {
				g->err = errbuf_set(r->eb, JR_EDB,
						    "baris tagihan kepesertaan %" PRId64
						    " menunjuk tagihan %" PRId64 " yang tidak ada",
						    old->membership_id, old->bill_id);
				return NULL;
			}
			old_frozen = r->bill[ob].frozen;
		}
		if (old && !take_x) {
			/* Stored only: kept on a paid bill, removed from an unpaid one. */
			if (old_frozen) {
				count_in(&r->bill[ob], old->total_sen);
				r->sum->lines_kept_paid++;
			} else {
				r->old[g->ndelete++].membership_id = old->membership_id;
				r->sum->lines_removed++;
			}
			g->j++;
			continue;
		}
		if (!x)
			return NULL; /* not reached: one of the two lists has an entry */
		struct bill_acc *b = &r->bill[r->mem[g->i].bill];
		g->i++;
		if (old && take_old) {
			g->j++;
			if (old_frozen) {
				/* A paid line is never changed. */
				count_in(&r->bill[ob], old->total_sen);
				if (!same_line(old, x))
					r->sum->lines_kept_paid++;
			} else {
				if (!same_line(old, x)) {
					if (!RESERVE(r->replace, r->capreplace, r->nreplace)) {
						g->err = bill_nomem(r->eb);
						return NULL;
					}
					r->replace[r->nreplace++] = *x;
					r->sum->lines_changed++;
				}
				count_in(b, x->total_sen);
			}
			continue;
		}
		r->sum->lines_added++;
		count_in(b, x->total_sen);
		return x;
	}
}

/*
 * Prices every member on helper threads while the main thread inserts the
 * new lines in membership order; then reports the members that could not
 * be priced, in membership order.
 */
static jr_err price_and_insert_lines(struct run *r, size_t *ndelete)
{
	int nt = r->o->threads > 0 ? r->o->threads : cpu_count();
	pthread_t th[8];
	int started = 0;
	jr_err err;

	r->nchunks = (r->nmem + CHUNK - 1) / CHUNK;
	r->chunk = calloc(r->nchunks ? r->nchunks : 1, sizeof(*r->chunk));
	if (!r->chunk)
		return bill_nomem(r->eb);
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->cv, NULL);
	/* The main thread writes, and prices when it would wait: nt - 1 helpers. */
	for (int t = 0; t < nt - 1 && t < 8 && (size_t)t + 1 < r->nchunks; t++) {
		if (pthread_create(&th[t], NULL, pricing_thread, r) != 0)
			break;
		started++;
	}
	struct merge g = {.r = r};
	err = store_bill_lines_insert(r->s, r->o->period, next_line, &g, r->eb);
	/* Whatever happened, every chunk is priced before the threads are joined. */
	while (price_next_chunk(r))
		;
	for (int t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	pthread_cond_destroy(&r->cv);
	pthread_mutex_destroy(&r->mu);
	if (err == JR_EOK)
		err = g.err;
	*ndelete = g.ndelete;
	for (size_t c = 0; c < r->nchunks; c++) {
		struct chunk *ch = &r->chunk[c];
		if (ch->nomem && err == JR_EOK)
			err = bill_nomem(r->eb);
		for (size_t i = 0; i < ch->nissue; i++) {
			r->sum->skipped_invalid++;
			if (r->o->on_issue && err == JR_EOK)
				r->o->on_issue(r->o->issue_ctx,
					       r->billable[r->mem[ch->issue[i].member].billable]
						       .membership_id,
					       ch->issue[i].reason);
		}
	}
	return err;
}

/* ---- writing ---- */

struct bill_feed {
	struct run *r;
	const struct keyed_bill *order;
	size_t n, i;
	struct store_bill row;
	struct bill_terms terms[PAYER_KIND_COUNT];
};

/* The next new bill that got lines, in id order, with its terms and totals. */
static struct store_bill *next_bill(void *ctx)
{
	struct bill_feed *f = ctx;
	while (f->i < f->n) {
		const struct bill_acc *a = &f->r->bill[f->order[f->i++].bill];
		if (a->lines == 0)
			continue; /* every member of it failed pricing: its number stays unused */
		const struct bill_terms *t = &f->terms[a->kind];
		memset(&f->row, 0, sizeof(f->row));
		f->row.id = a->id;
		f->row.period = f->r->o->period;
		f->row.payer_kind = (enum payer_kind)a->kind;
		f->row.payer_ref = a->payer_ref;
		f->row.due = t->due;
		f->row.fine_ppm = t->fine_ppm;
		f->row.lines = a->lines;
		f->row.total_sen = a->total_sen;
		return &f->row;
	}
	return NULL;
}

static jr_err insert_new_bills(struct run *r, const struct keyed_bill *order, size_t n)
{
	struct bill_feed f = {.r = r, .order = order, .n = n};
	for (int k = PAYER_KIND_NONE + 1; k < PAYER_KIND_COUNT; k++)
		f.terms[k] = terms_for((enum payer_kind)k, r->o->period);
	for (size_t i = 0; i < n; i++)
		if (r->bill[order[i].bill].lines)
			r->sum->bills_added++;
	return r->sum->bills_added ? store_bills_insert(r->s, next_bill, &f, r->eb) : JR_EOK;
}

static jr_err write_changes(struct run *r, size_t ndelete)
{
	jr_err err = JR_EOK;
	int period = r->o->period;
	for (size_t i = 0; i < ndelete && err == JR_EOK; i++)
		err = store_bill_line_delete(r->s, period, r->old[i].membership_id, r->eb);
	for (size_t i = 0; i < r->nreplace && err == JR_EOK; i++)
		err = store_bill_line_replace(r->s, period, &r->replace[i], r->eb);
	return err;
}

static jr_err update_stored_bills(struct run *r)
{
	jr_err err = JR_EOK;
	for (size_t i = 0; i < r->nbill && err == JR_EOK; i++) {
		const struct bill_acc *a = &r->bill[i];
		if (a->stored == NO_STORED)
			continue;
		struct store_bill *b = &r->stored[a->stored];
		if (a->lines == 0 && !a->frozen) {
			err = store_bill_delete(r->s, b->id, r->eb);
			r->sum->bills_removed++;
		} else if (a->lines != b->lines || a->total_sen != b->total_sen) {
			b->lines = a->lines;
			b->total_sen = a->total_sen;
			err = store_bill_update(r->s, b, r->eb);
		}
	}
	return err;
}

/*
 * Stores the BPU status of each participant of the month as of today: their
 * unpaid bills, and the bill this run made for them if it is new.
 */
static jr_err update_status(struct run *r)
{
	struct bill_terms t = terms_for(PAYER_KIND_PARTICIPANT, r->o->period);
	int64_t last = 0;
	jr_err err = JR_EOK;
	for (size_t i = 0; i < r->nmem && err == JR_EOK; i++) {
		const struct store_billable *m = &r->billable[r->mem[i].billable];
		if (m->segment != SEG_BPU || m->person_nik == last)
			continue;
		last = m->person_nik;
		const struct date *extra = NULL;
		size_t b;
		if (i64map_get(&r->by_payer, bill_payer_key(PAYER_KIND_PARTICIPANT, m->person_nik), &b) &&
		    r->bill[b].stored == NO_STORED && r->bill[b].lines > 0)
			extra = &t.due;
		struct date since;
		bool lapsed = bill_lapsed_on(r, m->person_nik, r->o->today, extra, &since);
		if (lapsed == m->inactive)
			continue;
		err = store_bpu_set_inactive(r->s, m->person_nik, lapsed ? &since : NULL, r->eb);
		if (lapsed)
			r->sum->lapsed++;
		else
			r->sum->reactivated++;
	}
	return err;
}

static void run_free(struct run *r)
{
	free(r->emp);
	free(r->mem);
	free(r->billable);
	free(r->bill);
	free(r->stored);
	free(r->old);
	free(r->replace);
	free(r->unpaid);
	for (size_t c = 0; c < r->nchunks; c++) {
		free(r->chunk[c].line);
		free(r->chunk[c].issue);
	}
	free(r->chunk);
	i64map_free(&r->by_payer);
	i64map_free(&r->by_bill_id);
	i64map_free(&r->in_arrears);
}

static jr_err store_err(struct run *r, jr_err err)
{
	if (err == JR_ENOMEM && !r->eb->msg[0])
		return bill_nomem(r->eb);
	return err;
}

static jr_err run_steps(struct run *r)
{
	struct store *s = r->s;
	int period = r->o->period;
	struct date first = period_first(period), last = period_last(period);
	size_t ndelete = 0;
	jr_err err;

	/* Employers, with the number of their PU participants in the month. */
	if ((err = store_employer_briefs_each(s, bill_add_employer, r, r->eb)) != JR_EOK)
		return store_err(r, err);

	/* Participants' unpaid bills, for the BPU lapse. */
	if ((err = store_open_bills_each(s, PAYER_KIND_PARTICIPANT, 0, bill_add_unpaid, r, r->eb)) !=
	    JR_EOK)
		return store_err(r, err);

	if (period >= PP49_FIRST && period <= PP49_LAST &&
	    (err = store_open_bills_each(s, PAYER_KIND_NONE, 0, bill_add_pp49_arrears, r, r->eb)) !=
		    JR_EOK)
		return store_err(r, err);

	/* The month's memberships, and what is stored for the month already. */
	if ((err = store_billable_load(s, first, last, &r->billable, &r->nmem, r->eb)) != JR_EOK)
		return err;
	if (r->nmem >= UINT32_MAX)
		return bill_nomem(r->eb);
	r->sum->memberships = (int64_t)r->nmem;
	r->mem = calloc(r->nmem ? r->nmem : 1, sizeof(*r->mem));
	if (!r->mem)
		return bill_nomem(r->eb);
	if ((err = store_bills_each(s, period, bill_add_stored_bill, r, r->eb)) != JR_EOK)
		return store_err(r, err);
	if (r->nbill &&
	    (err = store_bill_lines_each(s, period, bill_add_old_line, r, r->eb)) != JR_EOK)
		return store_err(r, err);

	for (size_t i = 0; i < r->nmem; i++) {
		const struct store_billable *m = &r->billable[i];
		struct employer_info *e;
		r->mem[i].billable = (uint32_t)i;
		if (m->segment == SEG_PU && (e = bill_find_employer(r, m->employer_id)) != NULL)
			e->participants++;
	}

	/* Who pays each line; the new bills numbered before any line names them. */
	uint32_t last_bill = 0;
	int64_t last_key = 0;
	for (size_t i = 0; i < r->nmem; i++)
		if ((err = classify(r, &r->mem[i], &last_bill, &last_key)) != JR_EOK)
			return err;
	struct keyed_bill *order = NULL;
	size_t nnew = 0;
	err = number_new_bills(r, &order, &nnew);
	if (err == JR_EOK)
		err = price_and_insert_lines(r, &ndelete);
	if (err == JR_EOK)
		err = insert_new_bills(r, order, nnew);
	free(order);
	if (err == JR_EOK)
		err = write_changes(r, ndelete);
	if (err == JR_EOK)
		err = update_stored_bills(r);
	if (err == JR_EOK)
		err = update_status(r);
	if (err != JR_EOK)
		return err;

	for (size_t i = 0; i < r->nbill; i++) {
		const struct bill_acc *a = &r->bill[i];
		if (a->lines == 0 && !a->frozen)
			continue;
		r->sum->bills++;
		r->sum->lines += a->lines;
		r->sum->total_sen += a->total_sen;
		r->sum->bills_by_kind[a->kind]++;
		r->sum->total_by_kind[a->kind] += a->total_sen;
	}

	/* Overpayments kept as credit go to the bills just made. */
	struct payment_effect fx = {0};
	if ((err = payments_settle_all(s, r->o->today, &fx, r->eb)) != JR_EOK)
		return err;
	r->sum->credit_applied_sen = fx.contribution_sen + fx.fine_paid_sen;
	return JR_EOK;
}

jr_err bill_run(struct store *s, const struct rates *rates, const struct bill_opts *o,
		struct bill_summary *sum, struct errbuf *eb)
{
	struct run r = {.s = s, .rates = rates, .o = o, .sum = sum, .eb = eb};
	jr_err err;
	memset(sum, 0, sizeof(*sum));
	errbuf_clear(eb);
	sum->period = o->period;
	if (o->period < PERIOD_MIN || o->period > PERIOD_MAX || o->period % 100 < 1 ||
	    o->period % 100 > 12)
		return errbuf_set(eb, JR_EINVALID, "periode %d tidak sah", o->period);
	r.year = o->period / 100;
	r.month = o->period % 100;
	if ((err = store_begin(s, eb)) != JR_EOK)
		return err;
	store_bulk_mode(s, true);
	err = run_steps(&r);
	if (err == JR_EOK)
		err = store_commit(s, eb);
	else
		store_rollback(s);
	store_bulk_mode(s, false);
	run_free(&r);
	if (err != JR_EOK) {
		struct bill_summary none = {.period = o->period};
		*sum = none;
	}
	return err;
}
