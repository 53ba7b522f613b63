/*
 * leads.c - unregistered construction packages as leads (see
 * construction.h): the contractor of a package without a registered
 * project is not known yet, so the lead names the office that bought the
 * work, which knows who builds it.
 */
#include "compat.h"

#include "construction/construction.h"
#include "core/money.h"
#include "store/licensing.h"

/* Copies at most size - 1 bytes of s, never cutting a UTF-8 character. */
static void copy_utf8(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static int cmp_ref(const void *a, const void *b)
{
	const struct store_lead *x = a, *y = b;
	return strcmp(x->source_ref, y->source_ref);
}

jr_err construction_leads_refresh(struct store *s, const struct construction_report *r,
				  struct date today, struct store_leads_refresh *out,
				  struct errbuf *eb)
{
	struct store_lead *l = NULL;
	size_t n = 0;
	if (r->n && !(l = calloc(r->n, sizeof(*l))))
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk prospek konstruksi");
	for (size_t i = 0; i < r->n; i++) {
		const struct construction_row *w = &r->row[i];
		if (w->registered)
			continue;
		struct store_lead *d = &l[n++];
		char name[NAME_MAX_BYTES + TEXT_MAX_BYTES + 4];
		snprintf(d->source, sizeof(d->source), "sirup");
		size_t k = strlen(w->pk.p.kd_rup);
		if (k >= sizeof(d->source_ref))
			k = strcspn(w->pk.p.kd_rup, ";"); /* a code has at most 12 digits */
		memcpy(d->source_ref, w->pk.p.kd_rup, k);
		d->source_ref[k] = '\0';
		snprintf(name, sizeof(name), "%s: %s", w->pk.p.owner, w->pk.p.name);
		copy_utf8(d->name, sizeof(d->name), name);
		d->workers = w->pk.p.expected_workers;
		d->monthly_sen = money_round_rupiah(w->pk.p.expected_sen / CONSTRUCTION_PROJECT_MONTHS);
	}
	if (n)
		qsort(l, n, sizeof(*l), cmp_ref);
	/* Two packages cut to the same first code would break "each ref once". */
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (!w || strcmp(l[w - 1].source_ref, l[i].source_ref))
			l[w++] = l[i];
	jr_err err = store_begin(s, eb);
	if (err == JR_EOK)
		err = store_leads_refresh(s, "sirup", l, w, today, out, eb);
	if (err == JR_EOK)
		err = store_commit(s, eb);
	else
		store_rollback(s);
	free(l);
	return err;
}
