/* link.c - linking licences to the registry (see link.h). */
#include "compat.h"

#include <pthread.h>

#include "leads/leads.h"
#include "leads/link.h"

static jr_err nomem(struct errbuf *eb)
{
	return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk pencocokan");
}

static jr_err add_employer(void *ctx, const struct store_link_employer *e)
{
	return match_index_add(ctx, e->id, e->npp, e->name, e->region_code, e->nib, e->npwp)
		       ? JR_EOK
		       : JR_ENOMEM;
}

/* What a query needs of a licence. */
struct lic_q {
	int64_t id;
	char nib[NIB_SIZE];
	char name[NAME_MAX_BYTES + 1];
	char legal_form[LEGAL_FORM_SIZE];
	char region_code[REGION_CODE_SIZE];
	char npwp[NPWP_SIZE];
};

struct lic_list {
	struct lic_q *q;
	size_t n, cap;
};

static jr_err add_licence(void *ctx, const struct licence *l)
{
	struct lic_list *ls = ctx;
	if (ls->n == ls->cap) {
		size_t ncap = ls->cap ? ls->cap * 2 : 1024;
		struct lic_q *nq = realloc(ls->q, ncap * sizeof(*nq));
		if (!nq)
			return JR_ENOMEM;
		ls->q = nq;
		ls->cap = ncap;
	}
	struct lic_q *q = &ls->q[ls->n++];
	q->id = l->id;
	memcpy(q->nib, l->nib, sizeof(q->nib));
	memcpy(q->name, l->name, sizeof(q->name));
	memcpy(q->legal_form, l->legal_form, sizeof(q->legal_form));
	memcpy(q->region_code, l->region_code, sizeof(q->region_code));
	memcpy(q->npwp, l->npwp, sizeof(q->npwp));
	return JR_EOK;
}

struct worker {
	pthread_t thread;
	const struct match_index *x;
	const struct match_rules *rules;
	const struct lic_list *ls;
	struct store_link *out;
	size_t from, to;
	bool failed;
};

static void *link_slice(void *arg)
{
	struct worker *w = arg;
	struct match_scratch *sc = match_scratch_new(w->x);
	if (!sc) {
		w->failed = true;
		return NULL;
	}
	for (size_t i = w->from; i < w->to; i++) {
		const struct lic_q *l = &w->ls->q[i];
		struct match_query q = {l->name, l->legal_form, l->region_code, l->nib, l->npwp};
		struct match_result r;
		struct store_link *k = &w->out[i];
		match_link(w->x, sc, w->rules, &q, &r);
		memset(k, 0, sizeof(*k));
		k->licence_id = l->id;
		k->decision = r.decision == MATCH_DECIDE_MATCH	  ? LINK_MATCH
			      : r.decision == MATCH_DECIDE_REVIEW ? LINK_REVIEW
								  : LINK_NO_MATCH;
		k->employer_id = r.id;
		k->score = r.score;
		memcpy(k->why, r.why, sizeof(r.why) < sizeof(k->why) ? sizeof(r.why) : sizeof(k->why));
		k->why[sizeof(k->why) - 1] = '\0';
	}
	match_scratch_free(sc);
	return NULL;
}

#define THREADS_MAX 8

/* Decides every licence of ls into out[], on up to o->threads threads. */
static jr_err link_all(const struct match_index *x, const struct link_opts *o,
		       const struct lic_list *ls, struct store_link *out, struct errbuf *eb)
{
	struct worker w[THREADS_MAX];
	int nt = o->threads > 0 ? o->threads : 2;
	if (nt > THREADS_MAX)
		nt = THREADS_MAX;
	if ((size_t)nt > ls->n)
		nt = ls->n ? (int)ls->n : 1;
	size_t per = (ls->n + (size_t)nt - 1) / (size_t)nt;
	int started = 0;
	bool failed = false;
	for (int t = 0; t < nt; t++) {
		w[t] = (struct worker){.x = x, .rules = o->rules, .ls = ls, .out = out,
				       .from = (size_t)t * per,
				       .to = (size_t)(t + 1) * per < ls->n ? (size_t)(t + 1) * per : ls->n};
		if (w[t].from > w[t].to)
			w[t].from = w[t].to;
		/* The calling thread takes the last slice itself. */
		if (t == nt - 1 || pthread_create(&w[t].thread, NULL, link_slice, &w[t]) != 0) {
			link_slice(&w[t]);
			failed |= w[t].failed;
			continue;
		}
		started |= 1 << t;
	}
	for (int t = 0; t < nt; t++)
		if (started & (1 << t)) {
			pthread_join(w[t].thread, NULL);
			failed |= w[t].failed;
		}
	return failed ? nomem(eb) : JR_EOK;
}

jr_err link_run(struct store *s, const struct refdata *ref, const struct link_opts *o,
		struct link_summary *sum, struct errbuf *eb)
{
	struct match_index *x = match_index_new();
	struct lic_list ls = {0};
	struct store_link *links = NULL;
	jr_err err;

	memset(sum, 0, sizeof(*sum));
	if (!x)
		return nomem(eb);
	if ((err = store_begin(s, eb)) != JR_EOK)
		goto out;
	err = store_link_employers_each(s, add_employer, x, eb);
	if (err == JR_ENOMEM || (err == JR_EOK && !match_index_build(x)))
		err = nomem(eb);
	if (err == JR_EOK) {
		err = store_licences_each(s, add_licence, &ls, eb);
		if (err == JR_ENOMEM)
			err = nomem(eb);
	}
	if (err == JR_EOK && ls.n && !(links = malloc(ls.n * sizeof(*links))))
		err = nomem(eb);
	if (err == JR_EOK)
		err = link_all(x, o, &ls, links, eb);
	/* The index is the largest thing held: free it before writing. */
	sum->employers = match_index_count(x);
	match_index_free(x);
	x = NULL;
	sum->licences = ls.n;
	if (err == JR_EOK)
		err = store_links_put(s, links, ls.n, &sum->kept, eb);
	size_t decisions[4] = {0};
	if (err == JR_EOK)
		err = leads_refresh_licensing(s, ref, o->today, &sum->leads, decisions, eb);
	sum->match = decisions[LINK_MATCH];
	sum->review = decisions[LINK_REVIEW];
	sum->none = decisions[LINK_NO_MATCH] + decisions[LINK_NONE_YET];
	if (err == JR_EOK)
		err = store_commit(s, eb);
	else
		store_rollback(s);
out:
	match_index_free(x);
	free(ls.q);
	free(links);
	return err;
}

struct find_ctx {
	bool found;
	struct store_link link;
};

static jr_err keep_link(void *ctx, const struct store_link_row *r)
{
	struct find_ctx *f = ctx;
	f->found = true;
	f->link = *r->link;
	return JR_EOK;
}

jr_err link_decide(struct store *s, const struct refdata *ref, int64_t licence_id, bool confirm,
		   const char *employer_npp, const char *officer, struct date today,
		   struct errbuf *eb)
{
	struct find_ctx f = {0};
	jr_err err = store_begin(s, eb);
	if (err != JR_EOK)
		return err;
	err = store_link_rows_each(s, LINK_NONE_YET, licence_id, keep_link, &f, eb);
	if (err == JR_EOK && !f.found)
		err = errbuf_set(eb, JR_ENOTFOUND, "izin %" PRId64 " tidak ada", licence_id);
	struct store_link k = f.link;
	k.licence_id = licence_id;
	if (err == JR_EOK && confirm && employer_npp && *employer_npp) {
		enum payer_kind kind;
		int64_t ref_id;
		int matches;
		err = store_payer_find(s, employer_npp, PAYER_KIND_EMPLOYER, &kind, &ref_id, &matches,
				       eb);
		if (err == JR_EOK && matches == 0)
			err = errbuf_set(eb, JR_ENOTFOUND, "NPP %s tidak terdaftar", employer_npp);
		if (err == JR_EOK && ref_id != k.employer_id) {
			k.employer_id = ref_id;
			snprintf(k.why, sizeof(k.why), "dipilih petugas: NPP %s", employer_npp);
		}
	}
	if (err == JR_EOK && confirm && !k.employer_id)
		err = errbuf_set(eb, JR_EINVALID, "izin %" PRId64 " tidak punya calon pemberi kerja; "
				 "sebutkan --npp", licence_id);
	if (err == JR_EOK) {
		k.decision = confirm ? LINK_MATCH : LINK_NO_MATCH;
		k.confirmed = confirm ? 1 : -1;
		if (!confirm && k.employer_id) {
			char was[LINK_WHY_SIZE];
			snprintf(was, sizeof(was), "ditolak petugas (calon: %.200s)", k.why);
			memcpy(k.why, was, sizeof(k.why));
			k.employer_id = 0;
		}
		snprintf(k.decided_by, sizeof(k.decided_by), "%s", officer);
		date_format_iso(today, k.decided_at);
		err = store_link_decide(s, &k, eb);
	}
	if (err == JR_EOK)
		err = leads_refresh_licensing(s, ref, today, NULL, NULL, eb);
	if (err == JR_EOK)
		err = store_commit(s, eb);
	else
		store_rollback(s);
	return err;
}
