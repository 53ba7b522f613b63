/*
 * report.c - construction coverage: every procurement package matched
 * against the registered JAKON projects (see construction.h).
 *
 * A package is registered when a project names one of its RUP codes, or,
 * for a project without an RUP code, when the project's folded name and
 * owner equal the package's and the project starts in the package's budget
 * year.  Folding is deliberately plain (case and punctuation only): a near
 * miss is left for a person to confirm rather than counted as registered.
 */
#include "compat.h"

#include "construction/construction.h"

void construction_fold(const char *s, char *out, size_t size)
{
	size_t n = 0;
	bool space = false;
	if (!size)
		return;
	for (; *s && n + 1 < size; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (space && n > 0 && n + 2 < size)
				out[n++] = ' ';
			space = false;
			out[n++] = c;
		} else {
			space = true;
		}
	}
	out[n] = '\0';
}

struct project_list {
	struct store_project *v;
	size_t n, cap;
};

static jr_err add_project(void *ctx, const struct store_project *pr)
{
	struct project_list *l = ctx;
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 64;
		struct store_project *nv = realloc(l->v, ncap * sizeof(*nv));
		if (!nv)
			return JR_ENOMEM;
		l->v = nv;
		l->cap = ncap;
	}
	l->v[l->n++] = *pr;
	return JR_EOK;
}

static jr_err add_package(void *ctx, const struct store_package *pk)
{
	struct construction_report *r = ctx;
	if (pk->p.failed) {
		r->failed++;
		return JR_EOK;
	}
	if (r->n == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 64;
		struct construction_row *nv = realloc(r->row, ncap * sizeof(*nv));
		if (!nv)
			return JR_ENOMEM;
		r->row = nv;
		r->cap = ncap;
	}
	struct construction_row *row = &r->row[r->n++];
	memset(row, 0, sizeof(*row));
	row->pk = *pk;
	return JR_EOK;
}

const char *construction_match(const struct sirup_package *pk, const struct store_project *pr)
{
	char a[TEXT_MAX_BYTES + 1], b[TEXT_MAX_BYTES + 1];
	if (pr->kd_rup[0])
		return sirup_codes_contain(pk->kd_rup, pr->kd_rup) ? "kd_rup" : NULL;
	if (pr->start.year != pk->year)
		return NULL;
	construction_fold(pk->name, a, sizeof(a));
	construction_fold(pr->name, b, sizeof(b));
	if (!a[0] || strcmp(a, b))
		return NULL;
	construction_fold(pk->owner, a, sizeof(a));
	construction_fold(pr->owner, b, sizeof(b));
	return strcmp(a, b) ? NULL : "name";
}

/* Matches one package against every project; sums the workers of all matches. */
static void match(struct construction_row *row, const struct project_list *pl)
{
	for (size_t i = 0; i < pl->n; i++) {
		const struct store_project *pr = &pl->v[i];
		const char *how = construction_match(&row->pk.p, pr);
		if (!how)
			continue;
		if (!row->registered) {
			row->registered = true;
			snprintf(row->match, sizeof(row->match), "%s", how);
			memcpy(row->contractor_npp, pr->employer_npp, sizeof(row->contractor_npp));
			memcpy(row->contractor_name, pr->employer_name, sizeof(row->contractor_name));
		}
		row->registered_workers += pr->workers;
	}
}

jr_err construction_report(struct store *s, struct construction_report *out, struct errbuf *eb)
{
	struct project_list pl = {0};
	memset(out, 0, sizeof(*out));
	jr_err err = store_procurement_projects_each(s, add_project, &pl, eb);
	if (err == JR_EOK)
		err = store_procurement_packages_each(s, add_package, out, eb);
	if (err == JR_ENOMEM)
		errbuf_set(eb, err, "memori tidak cukup untuk laporan konstruksi");
	for (size_t i = 0; i < out->n && err == JR_EOK; i++) {
		struct construction_row *row = &out->row[i];
		match(row, &pl);
		out->total_value_sen += row->pk.p.value_sen;
		out->total_expected_sen += row->pk.p.expected_sen;
		out->workers_expected += row->pk.p.expected_workers;
		if (row->registered) {
			out->registered++;
			out->total_registered_sen += row->pk.p.expected_sen;
			out->workers_registered += row->registered_workers;
		}
	}
	free(pl.v);
	if (err != JR_EOK)
		construction_report_free(out);
	return err;
}

void construction_report_free(struct construction_report *r)
{
	free(r->row);
	memset(r, 0, sizeof(*r));
}
