/* sim.c - name similarity (see sim.h). */
#include "compat.h"

#include "match/sim.h"

double match_jaro_winkler(const char *a, size_t na, const char *b, size_t nb)
{
	if (na == 0 && nb == 0)
		return 1.0;
	if (na == 0 || nb == 0)
		return 0.0;
	if (na > 64)
		na = 64;
	if (nb > 64)
		nb = 64;
	size_t window = (na > nb ? na : nb) / 2;
	window = window ? window - 1 : 0;
	bool ma[64] = {false}, mb[64] = {false};
	size_t m = 0;
	for (size_t i = 0; i < na; i++) {
		size_t lo = i > window ? i - window : 0;
		size_t hi = i + window + 1 < nb ? i + window + 1 : nb;
		for (size_t j = lo; j < hi; j++)
			if (!mb[j] && a[i] == b[j]) {
				ma[i] = mb[j] = true;
				m++;
				break;
			}
	}
	if (m == 0)
		return 0.0;
	size_t t = 0, j = 0;
	for (size_t i = 0; i < na; i++) {
		if (!ma[i])
			continue;
		while (!mb[j])
			j++;
		if (a[i] != b[j])
			t++;
		j++;
	}
	double md = (double)m;
	double jaro = (md / (double)na + md / (double)nb + (md - (double)t / 2.0) / md) / 3.0;
	size_t prefix = 0;
	while (prefix < 4 && prefix < na && prefix < nb && a[prefix] == b[prefix])
		prefix++;
	return jaro + (double)prefix * 0.1 * (1.0 - jaro);
}

static bool has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

double match_word_sim(const char *a, size_t na, const char *b, size_t nb)
{
	if (na == nb && !memcmp(a, b, na))
		return 1.0;
	if (has_digit(a, na) || has_digit(b, nb))
		return 0.0;
	size_t shorter = na < nb ? na : nb;
	if (shorter >= 3 && !memcmp(a, b, shorter))
		return 0.9;
	double jw = match_jaro_winkler(a, na, b, nb);
	return jw >= 0.88 ? jw : 0.0;
}

/* Insertion sort: a name has a few dozen letter pairs, where qsort's calls cost more. */
static void sort_u16(uint16_t *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		uint16_t x = v[i];
		size_t j = i;
		while (j > 0 && v[j - 1] > x) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

/* The sorted letter pairs of a name without its spaces; returns how many. */
static size_t bigrams(const struct match_name *n, uint16_t *out, size_t cap)
{
	char prev = 0;
	size_t k = 0;
	for (size_t i = 0; i < n->len && k < cap; i++) {
		char c = n->text[i];
		if (c == ' ')
			continue;
		if (prev)
			out[k++] = (uint16_t)(((unsigned char)prev << 8) | (unsigned char)c);
		prev = c;
	}
	sort_u16(out, k);
	return k;
}

double match_dice(const struct match_name *a, const struct match_name *b)
{
	uint16_t x[MATCH_NAME_MAX], y[MATCH_NAME_MAX];
	size_t nx = bigrams(a, x, ARRAY_SIZE(x)), ny = bigrams(b, y, ARRAY_SIZE(y));
	if (nx + ny == 0)
		return a->len == b->len && !memcmp(a->text, b->text, a->len) ? 1.0 : 0.0;
	size_t i = 0, j = 0, common = 0;
	while (i < nx && j < ny) {
		if (x[i] == y[j]) {
			common++;
			i++;
			j++;
		} else if (x[i] < y[j]) {
			i++;
		} else {
			j++;
		}
	}
	return 2.0 * (double)common / (double)(nx + ny);
}

/* Weighted mean over a's words of each one's best likeness in b. */
static double monge_elkan(const struct match_name *a, const struct match_name *b,
			  const double *wa)
{
	double num = 0, den = 0;
	for (int i = 0; i < a->ntok; i++) {
		const char *ta = a->text + a->tok_off[i];
		double best = 0;
		for (int j = 0; j < b->ntok && best < 1.0; j++) {
			double s = match_word_sim(ta, a->tok_len[i], b->text + b->tok_off[j],
						  b->tok_len[j]);
			if (s > best)
				best = s;
		}
		num += wa[i] * best;
		den += wa[i];
	}
	return den > 0 ? num / den : 0.0;
}

static void weights(const struct match_name *n, match_weight_fn weight, void *ctx, double *w)
{
	for (int i = 0; i < n->ntok; i++)
		w[i] = weight ? weight(ctx, n->text + n->tok_off[i], n->tok_len[i]) : 1.0;
}

/*
 * A word of a written as two adjacent words of b run together ("tekstilsukses"
 * against "tekstil sukses"), and not itself a word of b, is split like b,
 * into *out; false when none is.
 */
static bool split_like(const struct match_name *a, const struct match_name *b,
		       struct match_name *out)
{
	char buf[MATCH_NAME_MAX * 2];
	size_t n = 0;
	bool split = false;
	for (int i = 0; i < a->ntok; i++) {
		const char *t = a->text + a->tok_off[i];
		size_t tl = a->tok_len[i];
		size_t cut = 0;
		bool in_b = false;
		for (int j = 0; j < b->ntok && !in_b; j++)
			in_b = b->tok_len[j] == tl && !memcmp(b->text + b->tok_off[j], t, tl);
		for (int j = 0; j + 1 < b->ntok && !cut && !in_b; j++) {
			size_t l1 = b->tok_len[j], l2 = b->tok_len[j + 1];
			if (l1 + l2 == tl && !memcmp(t, b->text + b->tok_off[j], l1) &&
			    !memcmp(t + l1, b->text + b->tok_off[j + 1], l2))
				cut = l1;
		}
		if (n + tl + 2 >= sizeof(buf))
			break;
		if (n)
			buf[n++] = ' ';
		if (cut) {
			memcpy(buf + n, t, cut);
			n += cut;
			buf[n++] = ' ';
			memcpy(buf + n, t + cut, tl - cut);
			n += tl - cut;
			split = true;
		} else {
			memcpy(buf + n, t, tl);
			n += tl;
		}
	}
	if (split) {
		match_name_from_text(buf, n, out);
		out->form = a->form;
		out->tbk = a->tbk;
	}
	return split;
}

void match_similarity(const struct match_name *a, const struct match_name *b,
		      match_weight_fn weight, void *ctx, struct match_sim *out)
{
	double wa[MATCH_TOKENS_MAX], wb[MATCH_TOKENS_MAX];
	struct match_name as, bs;
	if (split_like(a, b, &as))
		a = &as;
	if (split_like(b, a, &bs))
		b = &bs;
	weights(a, weight, ctx, wa);
	weights(b, weight, ctx, wb);
	double ab = monge_elkan(a, b, wa), ba = monge_elkan(b, a, wb);
	out->words = (ab + ba) / 2.0;
	out->letters = match_dice(a, b);
	out->score = MATCH_WORDS_WEIGHT * out->words + (1.0 - MATCH_WORDS_WEIGHT) * out->letters;
}
