/*
 * findings.c - the compliance service (see compliance.h): reads the
 * registry once and turns what it finds into findings with evidence.
 *
 * One pass over the memberships active on the as-of day prices each wage
 * earner three ways (as reported, at the UMK, with the missing programs),
 * so the amounts come from the same rate tables as the bills.  An employer
 * whose risk group is unknown is priced at group I (the lowest JKK rate),
 * so an estimate never overstates what is missing.
 */
#include "compat.h"

#include "billing/arrears.h"
#include "compliance/compliance.h"
#include "construction/construction.h"
#include "core/money.h"
#include "match/norm.h"
#include "store/licensing.h"
#include "store/partners.h"

struct emp {
	int64_t id;
	char npp[NPP_SIZE];
	char name[NAME_MAX_BYTES + 1];
	char regency[REGION_CODE_SIZE];
	char kbli[KBLI_SIZE];
	enum scale scale;
	enum employer_kind kind;
	int risk_group;
	/* what the pass over memberships found */
	int64_t active, contrib_sen, wage_sum_sen;
	int64_t below, below_umk, lowest_wage_sen, umk_sen, wage_missing_sen;
	int64_t lic_ratio_pm; /* licence's average wage / reported average, per mille; 0 none */
	int umk_year;
	int64_t prog_workers, prog_missing_sen;
	unsigned prog_missing;
	bool has_licence;
	struct date lic_on;
	struct compliance_licence lic;
	/* what its partner reported (a unit of a religious board, a city office); -1 none */
	int64_t reported, reported_partner;
};

struct emps {
	struct emp *v;
	size_t n, cap;
};

static jr_err add_emp(void *ctx, const struct employer *e)
{
	struct emps *l = ctx;
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 1024;
		struct emp *nv = realloc(l->v, ncap * sizeof(*nv));
		if (!nv)
			return JR_ENOMEM;
		l->v = nv;
		l->cap = ncap;
	}
	struct emp *m = &l->v[l->n++];
	memset(m, 0, sizeof(*m));
	m->id = e->id;
	memcpy(m->npp, e->npp, sizeof(m->npp));
	memcpy(m->name, e->name, sizeof(m->name));
	/* The regency is the first two parts of the code: "33.75" of "33.75.01". */
	if (strlen(e->region_code) >= 5) {
		memcpy(m->regency, e->region_code, 5);
		m->regency[5] = '\0';
	}
	memcpy(m->kbli, e->kbli, sizeof(m->kbli));
	m->scale = e->scale;
	m->kind = e->kind;
	m->risk_group = e->risk_group >= 1 && e->risk_group <= 5 ? e->risk_group : 1;
	m->reported = -1;
	return JR_EOK;
}

static int cmp_emp_id(const void *a, const void *b)
{
	const struct emp *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static struct emp *find_emp(struct emps *l, int64_t id)
{
	struct emp key = {.id = id};
	if (!l->n)
		return NULL;
	return bsearch(&key, l->v, l->n, sizeof(*l->v), cmp_emp_id);
}

/* The UMK of a regency for a year, or the nearest of the three years before. */
static bool umk_for(const struct refdata *ref, const char *regency, int year, int64_t *sen,
		    int *found_year)
{
	for (int y = year; y >= year - 3; y--)
		if (refdata_umk(ref, regency, y, sen)) {
			*found_year = y;
			return true;
		}
	return false;
}

/*
 * The licence that counts for each employer: linked with decision 'match'
 * (not rejected by an officer) or confirmed by one; of several, the latest
 * licence date (then the larger workforce).
 */
static jr_err add_licence(void *ctx, const struct store_link_row *row)
{
	struct emps *l = ctx;
	const struct store_link *k = row->link;
	const struct licence *lic = row->licence;
	bool counts = k->confirmed == 1 || (k->decision == LINK_MATCH && k->confirmed != -1);
	if (!counts || !k->employer_id || !l->n)
		return JR_EOK;
	struct emp key = {.id = k->employer_id};
	struct emp *e = bsearch(&key, l->v, l->n, sizeof(*l->v), cmp_emp_id);
	if (!e)
		return JR_EOK;
	if (e->has_licence) {
		int c = date_cmp(lic->licensed_on, e->lic_on);
		if (c < 0 || (c == 0 && lic->employees <= e->lic.employees))
			return JR_EOK;
	}
	e->has_licence = true;
	e->lic_on = lic->licensed_on;
	e->lic.employer_id = e->id;
	memcpy(e->lic.nib, lic->nib, sizeof(e->lic.nib));
	e->lic.employees = lic->employees > 0 ? lic->employees : 0;
	e->lic.avg_wage_sen = lic->avg_wage_sen > 0 ? lic->avg_wage_sen : 0;
	return JR_EOK;
}

/* ---- the report ---- */

static struct finding *new_finding(struct compliance_report *r, enum finding_kind k,
				   const char *npp, const char *name)
{
	if (r->n == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 256;
		struct finding *nf = realloc(r->f, ncap * sizeof(*nf));
		if (!nf)
			return NULL;
		r->f = nf;
		r->cap = ncap;
	}
	struct finding *f = &r->f[r->n++];
	memset(f, 0, sizeof(*f));
	f->kind = k;
	snprintf(f->npp, sizeof(f->npp), "%s", npp);
	snprintf(f->name, sizeof(f->name), "%s", name);
	return f;
}

static void ev_num(struct finding *f, const char *key, enum evidence_type t, int64_t v)
{
	if (f->nev < FINDING_EVIDENCE_MAX)
		f->ev[f->nev++] = (struct evidence){.key = key, .type = t, .num = v};
}

static void ev_text(struct finding *f, const char *key, const char *text)
{
	if (f->nev < FINDING_EVIDENCE_MAX) {
		struct evidence *e = &f->ev[f->nev++];
		*e = (struct evidence){.key = key, .type = EV_TEXT};
		/* Cut to the field, never inside a UTF-8 character. */
		size_t n = strlen(text);
		if (n >= sizeof(e->text)) {
			n = sizeof(e->text) - 1;
			while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(e->text, text, n);
		e->text[n] = '\0';
	}
}

struct run {
	struct store *s;
	const struct rates *rates;
	const struct refdata *ref;
	struct date as_of;
	struct emps emps;
	struct compliance_report *r;
	struct errbuf *eb;
};

static void base_case(const struct run *x, const struct emp *e, const struct store_billable *m,
		      struct iuran_case *c)
{
	memset(c, 0, sizeof(*c));
	c->segment = SEG_PU;
	c->year = x->as_of.year;
	c->month = x->as_of.month;
	c->wage_sen = m->wage_sen;
	c->programs = m->programs;
	c->risk_group = e->risk_group;
	memcpy(c->kbli, e->kbli, sizeof(c->kbli));
	c->employer_participants = (int)(e->active > INT32_MAX ? INT32_MAX : e->active);
}

/* Prices every active wage earner: as reported, at the UMK, with the missing programs. */
static jr_err scan_members(struct run *x)
{
	struct store_billable *b = NULL;
	size_t nb = 0;
	jr_err err = store_billable_load(x->s, x->as_of, x->as_of, &b, &nb, x->eb);
	if (err != JR_EOK)
		return err;
	/* Headcounts first: some discounts depend on the employer's participants. */
	for (size_t i = 0; i < nb; i++) {
		struct emp *e;
		if (b[i].segment == SEG_PU && b[i].employer_id &&
		    (e = find_emp(&x->emps, b[i].employer_id))) {
			e->active++;
			e->wage_sum_sen += b[i].wage_sen;
		}
	}
	/* A licence stating a higher average wage than the one reported scales every
	 * reported wage up by the same ratio. */
	for (size_t i = 0; i < x->emps.n; i++) {
		struct emp *e = &x->emps.v[i];
		if (e->has_licence && e->lic.avg_wage_sen > 0 && e->active && e->wage_sum_sen > 0) {
			int64_t avg = e->wage_sum_sen / e->active;
			if (avg > 0 && avg < e->lic.avg_wage_sen && e->lic.avg_wage_sen < INT64_MAX / 1000)
				e->lic_ratio_pm = e->lic.avg_wage_sen * 1000 / avg;
		}
	}
	for (size_t i = 0; i < nb && err == JR_EOK; i++) {
		const struct store_billable *m = &b[i];
		struct emp *e;
		if (m->segment != SEG_PU || !m->employer_id || !(e = find_emp(&x->emps, m->employer_id)))
			continue;
		struct iuran_case c;
		struct iuran_result res;
		struct errbuf ignored;
		base_case(x, e, m, &c);
		/* A case the rules cannot price (no wage) is the bill run's to report. */
		if (iuran_compute(x->rates, &c, &res, &ignored) != JR_EOK)
			continue;
		e->contrib_sen += res.total_sen;

		int64_t umk = 0, gap = 0, floor = 0;
		int year = 0;
		if (e->regency[0] && umk_for(x->ref, e->regency, x->as_of.year, &umk, &year)) {
			e->umk_sen = umk;
			e->umk_year = year;
			if (m->wage_sen < umk) {
				floor = umk;
				e->below_umk++;
			}
		}
		if (e->lic_ratio_pm > 1000 && m->wage_sen < INT64_MAX / e->lic_ratio_pm) {
			int64_t scaled = m->wage_sen * e->lic_ratio_pm / 1000;
			if (scaled > floor)
				floor = scaled;
		}
		if (floor > m->wage_sen) {
			err = compliance_wage_gap(x->rates, &c, floor, &gap, x->eb);
			e->below++;
			if (!e->lowest_wage_sen || m->wage_sen < e->lowest_wage_sen)
				e->lowest_wage_sen = m->wage_sen;
			e->wage_missing_sen += gap;
		}
		unsigned missing;
		if (err == JR_EOK)
			err = compliance_program_gap(x->rates, &c, programs_required_pu(e->scale),
						     &missing, &gap, x->eb);
		if (err == JR_EOK && missing) {
			e->prog_workers++;
			e->prog_missing |= missing;
			e->prog_missing_sen += gap;
		}
	}
	free(b);
	return err;
}

static jr_err nomem(struct errbuf *eb)
{
	return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk temuan kepatuhan");
}

/* A partner's list: the workers a unit reported to its partner. */
static jr_err add_reported(void *ctx, int64_t employer_id, int64_t partner_id, int64_t reported)
{
	struct emp *e = find_emp(ctx, employer_id);
	if (e) {
		e->reported = reported;
		e->reported_partner = partner_id;
	}
	return JR_EOK;
}

/* The findings of the pass over memberships (and the licence, when there is one). */
static jr_err member_findings(struct run *x)
{
	char a[MONEY_FMT_SIZE], b[MONEY_FMT_SIZE], c[MONEY_FMT_SIZE], progs[40];
	for (size_t i = 0; i < x->emps.n; i++) {
		struct emp *e = &x->emps.v[i];
		struct finding *f;
		/* Bills are whole rupiah; so is the average contribution of a worker. */
		int64_t per_worker = e->active ? money_round_rupiah(e->contrib_sen / e->active) : 0;
		/* The larger of what the licence and the partner's list say it employs. */
		int64_t lic_n = e->has_licence ? e->lic.employees : -1;
		bool by_partner = e->reported > lic_n;
		int64_t claimed = by_partner ? e->reported : lic_n;
		if (claimed > e->active) {
			/* Nobody registered to average over: one worker at the UMK with the
			 * programs the employer's size requires. */
			int64_t umk;
			int year;
			if (!per_worker && e->regency[0] &&
			    umk_for(x->ref, e->regency, x->as_of.year, &umk, &year)) {
				struct store_billable m = {.wage_sen = umk,
							   .programs = programs_required_pu(e->scale)};
				struct iuran_case ic;
				struct iuran_result res;
				struct errbuf ignored;
				base_case(x, e, &m, &ic);
				if (iuran_compute(x->rates, &ic, &res, &ignored) == JR_EOK)
					per_worker = res.total_sen;
			}
			int64_t missing;
			/* Workers not registered at all: priced like the average registered one. */
			int64_t gap = compliance_headcount_gap(claimed, e->active, per_worker, &missing);
			if (!(f = new_finding(x->r, FINDING_PDS_TK, e->npp, e->name)))
				return nomem(x->eb);
			f->missing_monthly_sen = missing;
			ev_text(f, "source", by_partner ? "partner_list" : "licence");
			if (e->has_licence) {
				ev_text(f, "nib", e->lic.nib);
				ev_num(f, "licence_employees", EV_INT, e->lic.employees);
			}
			if (e->reported >= 0) {
				ev_num(f, "partner_id", EV_INT, e->reported_partner);
				ev_num(f, "partner_reported", EV_INT, e->reported);
			}
			ev_num(f, "active_workers", EV_INT, e->active);
			ev_num(f, "missing_workers", EV_INT, gap);
			ev_num(f, "per_worker_sen", EV_SEN, per_worker);
			if (by_partner)
				snprintf(f->summary, sizeof(f->summary),
					 "mitra %lld melaporkan %lld pekerja, terdaftar aktif %lld",
					 (long long)e->reported_partner, (long long)e->reported,
					 (long long)e->active);
			else
				snprintf(f->summary, sizeof(f->summary),
					 "izin usaha (NIB %s) menyebut %lld pekerja, terdaftar aktif %lld",
					 e->lic.nib, (long long)e->lic.employees, (long long)e->active);
		}
		if (e->below) {
			bool by_lic = e->lic_ratio_pm > 1000;
			if (!(f = new_finding(x->r, FINDING_PDS_UPAH, e->npp, e->name)))
				return nomem(x->eb);
			f->missing_monthly_sen = e->wage_missing_sen;
			ev_text(f, "source", !by_lic ? "umk" : e->below_umk ? "umk+licence" : "licence");
			if (e->umk_sen) {
				ev_text(f, "regency", e->regency);
				ev_num(f, "umk_year", EV_INT, e->umk_year);
				ev_num(f, "umk_sen", EV_SEN, e->umk_sen);
			}
			ev_num(f, "workers_below", EV_INT, e->below);
			ev_num(f, "active_workers", EV_INT, e->active);
			ev_num(f, "lowest_wage_sen", EV_SEN, e->lowest_wage_sen);
			if (by_lic) {
				ev_text(f, "nib", e->lic.nib);
				ev_num(f, "licence_avg_wage_sen", EV_SEN, e->lic.avg_wage_sen);
				ev_num(f, "reported_avg_wage_sen", EV_SEN, e->wage_sum_sen / e->active);
			}
			money_format_rp(e->lowest_wage_sen, a);
			if (by_lic) {
				money_format_rp(e->wage_sum_sen / e->active, b);
				money_format_rp(e->lic.avg_wage_sen, c);
				snprintf(f->summary, sizeof(f->summary),
					 "rata-rata upah dilaporkan %s, izin usaha (NIB %s) menyebut %s; "
					 "%lld pekerja di bawah UMK",
					 b, e->lic.nib, c, (long long)e->below_umk);
			} else {
				money_format_rp(e->umk_sen, b);
				snprintf(f->summary, sizeof(f->summary),
					 "%lld dari %lld pekerja dilaporkan di bawah UMK %s %d (%s), "
					 "terendah %s",
					 (long long)e->below, (long long)e->active, e->regency,
					 e->umk_year, b, a);
			}
		}
		if (e->prog_workers) {
			if (!(f = new_finding(x->r, FINDING_PDS_PROGRAM, e->npp, e->name)))
				return nomem(x->eb);
			f->missing_monthly_sen = e->prog_missing_sen;
			programs_format(programs_required_pu(e->scale), progs, sizeof(progs));
			ev_text(f, "scale", e->scale ? scale_name(e->scale) : "unknown");
			ev_text(f, "required", progs);
			programs_format(e->prog_missing, progs, sizeof(progs));
			ev_text(f, "missing_programs", progs);
			ev_num(f, "workers_missing", EV_INT, e->prog_workers);
			ev_num(f, "active_workers", EV_INT, e->active);
			snprintf(f->summary, sizeof(f->summary),
				 "%lld dari %lld pekerja tanpa %s (wajib untuk usaha %s, Perpres 109/2013)",
				 (long long)e->prog_workers, (long long)e->active, progs,
				 e->scale == SCALE_MICRO    ? "mikro"
				 : e->scale == SCALE_SMALL  ? "kecil"
				 : e->scale == SCALE_MEDIUM ? "menengah"
							    : "besar");
		}
		if (e->kind == EKIND_GOVERNMENT_OFFICE && e->active == 0) {
			if (!(f = new_finding(x->r, FINDING_OPD_UNREGISTERED, e->npp, e->name)))
				return nomem(x->eb);
			ev_num(f, "registered", EV_BOOL, 1);
			ev_num(f, "active_workers", EV_INT, 0);
			snprintf(f->summary, sizeof(f->summary),
				 "OPD terdaftar tanpa satu pun pekerja non-ASN aktif (Inpres 2/2021)");
		}
	}
	return JR_EOK;
}

static jr_err arrears_findings(struct run *x)
{
	struct arrears_report ar;
	char a[MONEY_FMT_SIZE], per[16];
	jr_err err = arrears_compute(x->s, x->as_of, &ar, x->eb);
	if (err != JR_EOK)
		return err;
	for (size_t i = 0; i < ar.n && err == JR_EOK; i++) {
		const struct arrears_payer *p = &ar.payer[i];
		/* Only what is late: a bill not yet due is not arrears. */
		if (p->kind != PAYER_KIND_EMPLOYER || p->months_1_3_sen + p->over_3_sen <= 0)
			continue;
		struct emp *e = find_emp(&x->emps, p->ref); /* payer_ref of an employer is its id */
		struct finding *f = new_finding(x->r, FINDING_ARREARS, p->code, e ? e->name : "");
		if (!f) {
			err = nomem(x->eb);
			break;
		}
		f->missing_monthly_sen = compliance_arrears_monthly(p->owed_sen, p->oldest_period,
								    x->as_of);
		snprintf(per, sizeof(per), "%04d-%02d", p->oldest_period / 100, p->oldest_period % 100);
		ev_num(f, "owed_sen", EV_SEN, p->owed_sen);
		ev_num(f, "fines_sen", EV_SEN, p->fines_sen);
		ev_num(f, "months_1_3_sen", EV_SEN, p->months_1_3_sen);
		ev_num(f, "over_3_sen", EV_SEN, p->over_3_sen);
		ev_text(f, "oldest_period", per);
		ev_num(f, "employer_pays_jkk_first", EV_BOOL, p->employer_pays_jkk_first);
		money_format_rp(p->owed_sen, a);
		snprintf(f->summary, sizeof(f->summary), "menunggak %s sejak %s%s", a, per,
			 p->employer_pays_jkk_first ? "; manfaat JKK ditanggung pemberi kerja dulu" : "");
	}
	arrears_free(&ar);
	return err;
}

/* Offices buying through the procurement plan, by folded name. */
struct owner {
	char fold[MATCH_NAME_MAX];           /* satker + local government, normalised */
	char fold_short[MATCH_NAME_MAX];     /* satker alone */
	char name[NAME_MAX_BYTES + 1];
	char klpd[NAME_MAX_BYTES + 1];
	int64_t packages, value_sen;
};

struct owners {
	struct owner *v;
	size_t n, cap;
};

static jr_err add_owner(void *ctx, const struct store_package *pk)
{
	struct owners *l = ctx;
	char full[NAME_MAX_BYTES * 2 + 2];
	struct match_name mn;
	snprintf(full, sizeof(full), "%s %s", pk->p.owner, pk->p.klpd);
	match_normalise(full, strlen(full), &mn);
	const char *fold = mn.text;
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].fold, fold)) {
			l->v[i].packages++;
			l->v[i].value_sen += pk->p.value_sen;
			return JR_EOK;
		}
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 64;
		struct owner *nv = realloc(l->v, ncap * sizeof(*nv));
		if (!nv)
			return JR_ENOMEM;
		l->v = nv;
		l->cap = ncap;
	}
	struct owner *o = &l->v[l->n++];
	memcpy(o->fold, mn.text, sizeof(o->fold));
	match_normalise(pk->p.owner, strlen(pk->p.owner), &mn);
	memcpy(o->fold_short, mn.text, sizeof(o->fold_short));
	memcpy(o->name, pk->p.owner, sizeof(o->name));
	memcpy(o->klpd, pk->p.klpd, sizeof(o->klpd));
	o->packages = 1;
	o->value_sen = pk->p.value_sen;
	return JR_EOK;
}

/*
 * An office in the procurement plan is registered when a government-office
 * employer's folded name is its folded satker name, with or without the
 * local government's name after it ("Dinas Sosial Kota Pekalongan").
 */
static jr_err opd_findings(struct run *x)
{
	struct owners l = {0};
	char a[MONEY_FMT_SIZE];
	struct match_name mn;
	jr_err err = store_procurement_packages_each(x->s, add_owner, &l, x->eb);
	if (err == JR_ENOMEM)
		err = nomem(x->eb);
	/* The government offices' names, normalised once. */
	char (*gov)[MATCH_NAME_MAX] = NULL;
	size_t ngov = 0, want = 0;
	for (size_t k = 0; k < x->emps.n; k++)
		want += x->emps.v[k].kind == EKIND_GOVERNMENT_OFFICE;
	if (err == JR_EOK && l.n && want && !(gov = malloc(want * sizeof(*gov))))
		err = nomem(x->eb);
	for (size_t k = 0; gov && k < x->emps.n; k++)
		if (x->emps.v[k].kind == EKIND_GOVERNMENT_OFFICE) {
			match_normalise(x->emps.v[k].name, strlen(x->emps.v[k].name), &mn);
			memcpy(gov[ngov++], mn.text, MATCH_NAME_MAX);
		}
	for (size_t i = 0; i < l.n && err == JR_EOK; i++) {
		const struct owner *o = &l.v[i];
		bool found = false;
		for (size_t k = 0; k < ngov && !found; k++)
			found = !strcmp(gov[k], o->fold) || !strcmp(gov[k], o->fold_short);
		if (found)
			continue;
		struct finding *f = new_finding(x->r, FINDING_OPD_UNREGISTERED, "", o->name);
		if (!f) {
			err = nomem(x->eb);
			break;
		}
		ev_num(f, "registered", EV_BOOL, 0);
		ev_text(f, "klpd", o->klpd);
		ev_num(f, "packages", EV_INT, o->packages);
		ev_num(f, "packages_value_sen", EV_SEN, o->value_sen);
		money_format_rp(money_round_rupiah(o->value_sen), a);
		snprintf(f->summary, sizeof(f->summary),
			 "satker belanja %lld paket konstruksi (%s) tetapi tidak terdaftar sebagai "
			 "pemberi kerja; pekerja non-ASN-nya belum terlindungi (Inpres 2/2021)",
			 (long long)o->packages, a);
	}
	free(gov);
	free(l.v);
	return err;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	if (x->missing_monthly_sen != y->missing_monthly_sen)
		return x->missing_monthly_sen > y->missing_monthly_sen ? -1 : 1;
	int c = strcmp(x->npp, y->npp);
	if (c)
		return c;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int cmp_who(const void *a, const void *b)
{
	const struct finding *x = *(const struct finding *const *)a,
			     *y = *(const struct finding *const *)b;
	int c = strcmp(x->npp, y->npp);
	return c ? c : strcmp(x->npp[0] ? "" : x->name, y->npp[0] ? "" : y->name);
}

/* Keeps the findings the options ask for, and sums them. */
static jr_err finish(struct run *x, const struct compliance_opts *o)
{
	struct compliance_report *r = x->r;
	size_t w = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct finding *f = &r->f[i];
		if (o->kinds && !(o->kinds & (1u << f->kind)))
			continue;
		if (o->employer_npp && strcmp(o->employer_npp, f->npp))
			continue;
		r->f[w++] = *f;
	}
	r->n = w;
	if (r->n)
		qsort(r->f, r->n, sizeof(*r->f), cmp_finding);
	for (size_t i = 0; i < r->n; i++) {
		r->by_kind[r->f[i].kind]++;
		r->missing_by_kind_sen[r->f[i].kind] += r->f[i].missing_monthly_sen;
		r->missing_total_sen += r->f[i].missing_monthly_sen;
	}
	if (r->n) {
		const struct finding **p = malloc(r->n * sizeof(*p));
		if (!p)
			return nomem(x->eb);
		for (size_t i = 0; i < r->n; i++)
			p[i] = &r->f[i];
		qsort(p, r->n, sizeof(*p), cmp_who);
		r->employers = 1;
		for (size_t i = 1; i < r->n; i++)
			if (cmp_who(&p[i - 1], &p[i]))
				r->employers++;
		free(p);
	}
	return JR_EOK;
}

jr_err compliance_run(struct store *s, const struct refdata *ref, const struct rates *rates,
		      const struct compliance_opts *o, struct compliance_report *out,
		      struct errbuf *eb)
{
	struct run x = {.s = s, .rates = rates, .ref = ref, .as_of = o->as_of, .r = out, .eb = eb};
	memset(out, 0, sizeof(*out));
	out->as_of = o->as_of;
	jr_err err = store_employers_each(s, add_emp, &x.emps, eb);
	if (err == JR_ENOMEM)
		err = nomem(eb);
	if (err == JR_EOK && x.emps.n)
		qsort(x.emps.v, x.emps.n, sizeof(*x.emps.v), cmp_emp_id);
	if (err == JR_EOK)
		err = store_link_rows_each(s, LINK_NONE_YET, 0, add_licence, &x.emps, eb);
	if (err == JR_ENOMEM)
		err = nomem(eb);
	if (err == JR_EOK)
		err = store_reported_workers_each(s, add_reported, &x.emps, eb);
	if (err == JR_EOK)
		err = scan_members(&x);
	if (err == JR_EOK)
		err = member_findings(&x);
	if (err == JR_EOK)
		err = arrears_findings(&x);
	if (err == JR_EOK)
		err = opd_findings(&x);
	if (err == JR_EOK)
		err = finish(&x, o);
	free(x.emps.v);
	if (err != JR_EOK)
		compliance_report_free(out);
	return err;
}

void compliance_report_free(struct compliance_report *r)
{
	free(r->f);
	r->f = NULL;
	r->n = r->cap = 0;
}
