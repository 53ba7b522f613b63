/* issues.c - row issues held and reported in line order (see issues.h). */
#include "compat.h"

#include "ingest/issues.h"

void issue_list_hold(struct issue_list *l, const struct row_issue *is)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 64;
		struct held_issue *ni = realloc(l->item, ncap * sizeof(*ni));
		if (!ni) {
			l->nomem = true;
			return;
		}
		l->item = ni;
		l->cap = ncap;
	}
	struct held_issue *h = &l->item[l->n];
	h->value = malloc(is->value_len + 1);
	h->reason = strdup(is->reason);
	if (!h->value || !h->reason) {
		free(h->value);
		free(h->reason);
		l->nomem = true;
		return;
	}
	if (is->value_len)
		memcpy(h->value, is->value, is->value_len);
	h->value[is->value_len] = '\0';
	h->value_len = is->value_len;
	h->line = is->line;
	h->seq = l->n;
	h->column = is->column;
	h->warning = is->warning;
	l->n++;
}

static int cmp_held(const void *a, const void *b)
{
	const struct held_issue *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

void issue_list_flush(struct issue_list *l, void (*on_issue)(void *ctx, const struct row_issue *),
		      void *ctx, size_t *warnings)
{
	if (l->n)
		qsort(l->item, l->n, sizeof(*l->item), cmp_held);
	for (size_t i = 0; i < l->n; i++) {
		const struct held_issue *h = &l->item[i];
		struct row_issue is = {.line = h->line, .column = h->column, .value = h->value,
				       .value_len = h->value_len, .reason = h->reason,
				       .warning = h->warning};
		if (h->warning && warnings)
			(*warnings)++;
		if (on_issue)
			on_issue(ctx, &is);
	}
	issue_list_clear(l);
}

void issue_list_clear(struct issue_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->item[i].value);
		free(l->item[i].reason);
	}
	l->n = 0;
	l->nomem = false;
}

void issue_list_free(struct issue_list *l)
{
	issue_list_clear(l);
	free(l->item);
	memset(l, 0, sizeof(*l));
}
