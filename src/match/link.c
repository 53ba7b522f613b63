/* link.c - the registry index and the linkage decision (see link.h). */
#include "compat.h"

#include <math.h>

#include "match/link.h"

const struct match_rules match_rules_default = {
	.match = 0.84,
	.review = 0.70,
	.margin = 0.03,
	.form_penalty = 0.04,
};

const char *match_decision_name(enum match_decision d)
{
	return d == MATCH_DECIDE_MATCH ? "match" : d == MATCH_DECIDE_REVIEW ? "review" : "none";
}

#define REGENCY_SIZE 6   /* "33.75" */
#define REGENCIES_MAX 4096
#define LABEL_SIZE 17
#define ID_DUP UINT32_MAX
#define TOP_K 6

struct entry {
	int64_t id;
	uint32_t name_off;
	uint16_t name_len;
	uint8_t form;
	uint16_t regency;          /* index into regency[] */
	char district[9];          /* "33.75.01", "" when the code is shorter */
	char label[LABEL_SIZE];
	char nib[14];
	char npwp[16];             /* 15 digits */
};

/* Open addressing, 64-bit keys (0 = empty); value meaning depends on the table. */
struct slot {
	uint64_t key;
	uint32_t a, b;
};

struct table {
	struct slot *slot;
	size_t cap, n;
};

struct match_index {
	struct entry *e;
	size_t n, cap;
	char *names;
	size_t names_len, names_cap;
	char regency[REGENCIES_MAX][REGENCY_SIZE];
	size_t nregency;
	struct table keys;   /* (regency, kind, word) -> a = start, b = count in post */
	uint32_t *post;
	struct table words;  /* word -> a = entries holding it */
	struct table nib, npwp; /* identifier -> a = entry index, or ID_DUP */
	bool built;
};

struct match_scratch {
	float *acc;
	uint32_t *touched;
	size_t ntouched, cap;
};

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * UINT64_C(1099511628211);
	return h;
}

static uint64_t nonzero(uint64_t h)
{
	return h ? h : 1;
}

static bool table_grow(struct table *t)
{
	size_t ncap = t->cap ? t->cap * 2 : 1024;
	struct slot *ns = calloc(ncap, sizeof(*ns));
	if (!ns)
		return false;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->slot[i].key)
			continue;
		size_t j = t->slot[i].key & (ncap - 1);
		while (ns[j].key)
			j = (j + 1) & (ncap - 1);
		ns[j] = t->slot[i];
	}
	free(t->slot);
	t->slot = ns;
	t->cap = ncap;
	return true;
}

/* The slot of key, inserted (zeroed) when absent; NULL when out of memory. */
static struct slot *table_put(struct table *t, uint64_t key)
{
	if ((t->n + 1) * 2 > t->cap && !table_grow(t))
		return NULL;
	size_t j = key & (t->cap - 1);
	while (t->slot[j].key && t->slot[j].key != key)
		j = (j + 1) & (t->cap - 1);
	if (!t->slot[j].key) {
		t->slot[j].key = key;
		t->n++;
	}
	return &t->slot[j];
}

static const struct slot *table_get(const struct table *t, uint64_t key)
{
	if (!t->cap)
		return NULL;
	size_t j = key & (t->cap - 1);
	while (t->slot[j].key) {
		if (t->slot[j].key == key)
			return &t->slot[j];
		j = (j + 1) & (t->cap - 1);
	}
	return NULL;
}

struct match_index *match_index_new(void)
{
	return calloc(1, sizeof(struct match_index));
}

void match_index_free(struct match_index *x)
{
	if (!x)
		return;
	free(x->e);
	free(x->names);
	free(x->keys.slot);
	free(x->post);
	free(x->words.slot);
	free(x->nib.slot);
	free(x->npwp.slot);
	free(x);
}

size_t match_index_count(const struct match_index *x)
{
	return x->n;
}

/* "33.75.01.1001" -> "33.75"; "" when shorter. */
static void regency_of(const char *code, char out[REGENCY_SIZE])
{
	out[0] = '\0';
	if (code && strlen(code) >= 5 && code[2] == '.') {
		memcpy(out, code, 5);
		out[5] = '\0';
	}
}

/* Index of a regency; adds it when add is true.  -1 when unknown (or full). */
static int regency_index(struct match_index *x, const char *reg, bool add)
{
	for (size_t i = 0; i < x->nregency; i++)
		if (!strcmp(x->regency[i], reg))
			return (int)i;
	if (!add || x->nregency >= REGENCIES_MAX)
		return -1;
	memcpy(x->regency[x->nregency], reg, REGENCY_SIZE);
	return (int)x->nregency++;
}

/* Digits of an NPWP as 15 ("0" + 15 is the same taxpayer); "" when not 15/16 digits. */
static void npwp15(const char *s, char out[16])
{
	char d[24];
	size_t n = 0;
	out[0] = '\0';
	for (; s && *s && n < sizeof(d) - 1; s++)
		if (*s >= '0' && *s <= '9')
			d[n++] = *s;
	d[n] = '\0';
	if (n == 16 && d[0] == '0')
		memmove(d, d + 1, 16);
	else if (n != 15)
		return;
	memcpy(out, d, 16);
}

bool match_index_add(struct match_index *x, int64_t id, const char *label, const char *name,
		     const char *region_code, const char *nib, const char *npwp)
{
	struct match_name nm;
	char reg[REGENCY_SIZE];
	if (x->built)
		return false;
	if (x->n == x->cap) {
		size_t ncap = x->cap ? x->cap * 2 : 1024;
		struct entry *ne = realloc(x->e, ncap * sizeof(*ne));
		if (!ne)
			return false;
		x->e = ne;
		x->cap = ncap;
	}
	match_normalise(name ? name : "", name ? strlen(name) : 0, &nm);
	if (x->names_len + nm.len + 1 > x->names_cap) {
		size_t ncap = x->names_cap ? x->names_cap * 2 : 65536;
		while (ncap < x->names_len + nm.len + 1)
			ncap *= 2;
		char *nn = realloc(x->names, ncap);
		if (!nn)
			return false;
		x->names = nn;
		x->names_cap = ncap;
	}
	regency_of(region_code, reg);
	int ri = regency_index(x, reg, true);
	if (ri < 0)
		return false;
	struct entry *e = &x->e[x->n];
	memset(e, 0, sizeof(*e));
	e->id = id;
	e->name_off = (uint32_t)x->names_len;
	e->name_len = (uint16_t)nm.len;
	e->form = (uint8_t)nm.form;
	e->regency = (uint16_t)ri;
	snprintf(e->label, sizeof(e->label), "%s", label ? label : "");
	if (region_code && strlen(region_code) >= 8)
		memcpy(e->district, region_code, 8);
	if (nib && strlen(nib) == 13)
		memcpy(e->nib, nib, 14);
	npwp15(npwp, e->npwp);
	memcpy(x->names + x->names_len, nm.text, nm.len + 1);
	x->names_len += nm.len + 1;
	x->n++;
	return true;
}

/* ---- keys ---- */

enum key_kind { KEY_WORD = 'W', KEY_PREFIX = 'P', KEY_SUFFIX = 'S' };

#define AFFIX 4
#define AFFIX_MIN_WORD 5

static uint64_t key_hash(int regency, char kind, const char *w, size_t n)
{
	uint16_t r = (uint16_t)regency;
	uint64_t h = fnv(UINT64_C(1469598103934665603), &r, sizeof(r));
	h = fnv(h, &kind, 1);
	return nonzero(fnv(h, w, n));
}

static uint64_t word_hash(const char *w, size_t n)
{
	return nonzero(fnv(UINT64_C(1469598103934665603), w, n));
}

/* The keys of a word in a regency: itself, and the ends of a long word. */
static size_t word_keys(int regency, const char *w, size_t n, uint64_t out[3])
{
	size_t k = 0;
	out[k++] = key_hash(regency, KEY_WORD, w, n);
	if (n >= AFFIX_MIN_WORD) {
		out[k++] = key_hash(regency, KEY_PREFIX, w, AFFIX);
		out[k++] = key_hash(regency, KEY_SUFFIX, w + n - AFFIX, AFFIX);
	}
	return k;
}

/* Calls fn for every key of entry i; false when fn fails. */
static bool entry_keys(struct match_index *x, uint32_t i, bool (*fn)(struct match_index *x,
								    uint64_t key, uint32_t i))
{
	const struct entry *e = &x->e[i];
	const char *t = x->names + e->name_off;
	size_t len = e->name_len, p = 0;
	while (p < len) {
		size_t st = p;
		while (p < len && t[p] != ' ')
			p++;
		uint64_t k[3];
		size_t nk = word_keys(e->regency, t + st, p - st, k);
		for (size_t j = 0; j < nk; j++)
			if (!fn(x, k[j], i))
				return false;
		p++;
	}
	return true;
}

static bool count_key(struct match_index *x, uint64_t key, uint32_t i)
{
	(void)i;
	struct slot *s = table_put(&x->keys, key);
	if (!s)
		return false;
	s->b++;
	return true;
}

static bool place_key(struct match_index *x, uint64_t key, uint32_t i)
{
	struct slot *s = (struct slot *)table_get(&x->keys, key);
	if (!s)
		return false; /* cannot happen: every key was counted */
	x->post[s->a + s->b++] = i; /* b counts up again from 0 */
	return true;
}

/* Counts each distinct word of entry i once: the rarity of a word is how many hold it. */
static bool count_words(struct match_index *x, uint32_t i)
{
	const struct entry *e = &x->e[i];
	struct match_name nm;
	match_name_from_text(x->names + e->name_off, e->name_len, &nm);
	for (int t = 0; t < nm.ntok; t++) {
		const char *w = nm.text + nm.tok_off[t];
		size_t n = nm.tok_len[t];
		bool seen = false;
		for (int u = 0; u < t && !seen; u++)
			seen = nm.tok_len[u] == n && !memcmp(nm.text + nm.tok_off[u], w, n);
		if (seen)
			continue;
		struct slot *s = table_put(&x->words, word_hash(w, n));
		if (!s)
			return false;
		s->a++;
	}
	return true;
}

static bool id_put(struct table *t, const char *id, uint32_t i)
{
	if (!id[0])
		return true;
	struct slot *s = table_put(t, word_hash(id, strlen(id)));
	if (!s)
		return false;
	if (s->b == 0) {
		s->a = i;
		s->b = 1;
	} else {
		s->a = ID_DUP;
	}
	return true;
}

/*
 * Puts the entries of each regency next to each other: a query only touches
 * the entries of its regency, and its running sums then sit in a few
 * hundred kilobytes instead of being spread over the whole registry (the
 * cache misses were most of a query's time).  Stable: ties keep their order.
 */
static bool group_by_regency(struct match_index *x)
{
	size_t *start = calloc(x->nregency + 1, sizeof(*start));
	struct entry *ne = malloc((x->n ? x->n : 1) * sizeof(*ne));
	if (!start || !ne) {
		free(start);
		free(ne);
		return false;
	}
	for (size_t i = 0; i < x->n; i++)
		start[x->e[i].regency + 1]++;
	for (size_t r = 1; r <= x->nregency; r++)
		start[r] += start[r - 1];
	for (size_t i = 0; i < x->n; i++)
		ne[start[x->e[i].regency]++] = x->e[i];
	free(start);
	free(x->e);
	x->e = ne;
	x->cap = x->n ? x->n : 1;
	return true;
}

bool match_index_build(struct match_index *x)
{
	if (x->built || !group_by_regency(x))
		return false;
	for (uint32_t i = 0; i < x->n; i++)
		if (!entry_keys(x, i, count_key) || !count_words(x, i) ||
		    !id_put(&x->nib, x->e[i].nib, i) || !id_put(&x->npwp, x->e[i].npwp, i))
			return false;
	size_t total = 0;
	for (size_t j = 0; j < x->keys.cap; j++) {
		struct slot *s = &x->keys.slot[j];
		if (!s->key)
			continue;
		s->a = (uint32_t)total;
		total += s->b;
		s->b = 0;
	}
	x->post = malloc((total ? total : 1) * sizeof(*x->post));
	if (!x->post)
		return false;
	for (uint32_t i = 0; i < x->n; i++)
		if (!entry_keys(x, i, place_key))
			return false;
	x->built = true;
	return true;
}

/* ---- queries ---- */

struct match_scratch *match_scratch_new(const struct match_index *x)
{
	struct match_scratch *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->cap = x->n ? x->n : 1;
	s->acc = calloc(s->cap, sizeof(*s->acc));
	s->touched = malloc(s->cap * sizeof(*s->touched));
	if (!s->acc || !s->touched) {
		match_scratch_free(s);
		return NULL;
	}
	return s;
}

void match_scratch_free(struct match_scratch *s)
{
	if (!s)
		return;
	free(s->acc);
	free(s->touched);
	free(s);
}

/* Rarity of a word in the registry: 1 + ln((N + 1) / (holders + 1)). */
static double idf(void *ctx, const char *w, size_t n)
{
	const struct match_index *x = ctx;
	const struct slot *s = table_get(&x->words, word_hash(w, n));
	double df = s ? (double)s->a : 0.0;
	double rarity = 1.0 + log(((double)x->n + 1.0) / (df + 1.0));
	return rarity > 1.0 ? rarity : 1.0; /* df <= N; the floor guards a hash collision */
}

static void accumulate(const struct match_index *x, struct match_scratch *s, uint64_t key,
		       float w)
{
	const struct slot *k = table_get(&x->keys, key);
	if (!k)
		return;
	for (uint32_t p = 0; p < k->b; p++) {
		uint32_t i = x->post[k->a + p];
		if (s->acc[i] == 0.0f)
			s->touched[s->ntouched++] = i;
		s->acc[i] += w;
	}
}

struct scored {
	uint32_t i;
	double score;
	struct match_sim sim;
	bool form_differs;
};

/* Looks an identifier up: 0 none, 1 one entry (*i), 2 several. */
static int id_lookup(const struct table *t, const struct match_index *x, const char *id,
		     bool npwp, uint32_t *i)
{
	if (!id[0])
		return 0;
	const struct slot *s = table_get(t, word_hash(id, strlen(id)));
	if (!s)
		return 0;
	if (s->a == ID_DUP)
		return 2;
	const char *have = npwp ? x->e[s->a].npwp : x->e[s->a].nib;
	if (strcmp(have, id))
		return 0;
	*i = s->a;
	return 1;
}

static bool decide_by_id(const struct match_index *x, const struct match_query *q,
			 struct match_result *out)
{
	uint32_t i = 0;
	char np[16];
	int r = 0;
	const char *what = "NIB";
	if (q->nib && strlen(q->nib) == 13)
		r = id_lookup(&x->nib, x, q->nib, false, &i);
	if (r == 0) {
		npwp15(q->npwp, np);
		what = "NPWP";
		r = id_lookup(&x->npwp, x, np, true, &i);
	}
	if (r == 0)
		return false;
	if (r == 2) {
		out->decision = MATCH_DECIDE_REVIEW;
		out->score = 1.0;
		snprintf(out->why, sizeof(out->why),
			 "%s sama dengan lebih dari satu pemberi kerja; pilih yang benar", what);
		return true;
	}
	out->decision = MATCH_DECIDE_MATCH;
	out->id = x->e[i].id;
	out->score = 1.0;
	snprintf(out->why, sizeof(out->why), "%s sama dengan NPP %s", what, x->e[i].label);
	return true;
}

/* Posting lists longer than this are words too common to find anyone by. */
#define POSTING_CAP 2000

static uint32_t posting_len(const struct match_index *x, uint64_t key)
{
	const struct slot *k = table_get(&x->keys, key);
	return k ? k->b : 0;
}

/*
 * Sums, for every employer of the regencies searched, the rarity of the
 * query's words it holds.  A word found as it is counts whole; a word not
 * found (a typo, a run-together pair) counts by its first and last four
 * letters, half each.  Words held by more than POSTING_CAP employers of a
 * regency are left out when the query has a rarer one: they find everybody.
 */
static void candidates(const struct match_index *x, struct match_scratch *s,
		       const struct match_name *nm, const char *reg)
{
	int regs[3], nregs = 0;
	bool all = !reg[0];
	if (!all) {
		int r = regency_index((struct match_index *)x, reg, false);
		if (r >= 0)
			regs[nregs++] = r;
		r = regency_index((struct match_index *)x, "", false);
		if (r >= 0)
			regs[nregs++] = r;
	}
	size_t nr = all ? x->nregency : (size_t)nregs;
	for (size_t ri = 0; ri < nr; ri++) {
		int r = all ? (int)ri : regs[ri];
		uint64_t keys[MATCH_TOKENS_MAX * 2];
		float wts[MATCH_TOKENS_MAX * 2];
		uint32_t lens[MATCH_TOKENS_MAX * 2];
		size_t nk = 0;
		bool rare = false;
		for (int t = 0; t < nm->ntok; t++) {
			const char *w = nm->text + nm->tok_off[t];
			size_t n = nm->tok_len[t];
			bool seen = false;
			for (int u = 0; u < t; u++)
				if (nm->tok_len[u] == n && !memcmp(nm->text + nm->tok_off[u], w, n))
					seen = true;
			if (seen)
				continue;
			double wt = idf((void *)x, w, n);
			uint64_t k[3];
			size_t nwk = word_keys(r, w, n, k);
			uint32_t len = posting_len(x, k[0]);
			if (len || nwk == 1) {
				keys[nk] = k[0];
				wts[nk] = (float)wt;
				lens[nk++] = len;
			} else {
				for (size_t j = 1; j < nwk; j++) {
					keys[nk] = k[j];
					wts[nk] = (float)(wt / 2);
					lens[nk++] = posting_len(x, k[j]);
				}
			}
		}
		for (size_t j = 0; j < nk; j++)
			rare |= lens[j] > 0 && lens[j] <= POSTING_CAP;
		for (size_t j = 0; j < nk; j++)
			if (lens[j] && (!rare || lens[j] <= POSTING_CAP))
				accumulate(x, s, keys[j], wts[j]);
	}
}

/* The TOP_K touched entries with the largest sums, best first. */
static size_t top_k(const struct match_scratch *s, uint32_t *best)
{
	size_t nb = 0;
	for (size_t t = 0; t < s->ntouched; t++) {
		uint32_t i = s->touched[t];
		float v = s->acc[i];
		if (nb == TOP_K && v <= s->acc[best[nb - 1]])
			continue;
		size_t p = nb < TOP_K ? nb++ : TOP_K - 1;
		while (p > 0 && (s->acc[best[p - 1]] < v ||
				 (s->acc[best[p - 1]] == v && best[p - 1] > i))) {
			best[p] = best[p - 1];
			p--;
		}
		best[p] = i;
	}
	return nb;
}

static void clear(struct match_scratch *s)
{
	for (size_t t = 0; t < s->ntouched; t++)
		s->acc[s->touched[t]] = 0.0f;
	s->ntouched = 0;
}

void match_link(const struct match_index *x, struct match_scratch *s,
		const struct match_rules *rules, const struct match_query *q,
		struct match_result *out)
{
	const struct match_rules *R = rules ? rules : &match_rules_default;
	struct match_name nm, en;
	char reg[REGENCY_SIZE];
	memset(out, 0, sizeof(*out));
	if (decide_by_id(x, q, out))
		return;
	match_normalise(q->name ? q->name : "", q->name ? strlen(q->name) : 0, &nm);
	if (!nm.form && q->legal_form && *q->legal_form)
		nm.form = legal_form_parse(q->legal_form, strlen(q->legal_form));
	regency_of(q->region_code, reg);
	if (nm.ntok == 0) {
		snprintf(out->why, sizeof(out->why), "nama kosong; tidak dapat dicocokkan");
		return;
	}
	candidates(x, s, &nm, reg);
	uint32_t top[TOP_K];
	size_t nt = top_k(s, top);
	clear(s);
	struct scored best = {0, -1.0, {0, 0, 0}, false}, second = best;
	for (size_t k = 0; k < nt; k++) {
		const struct entry *e = &x->e[top[k]];
		struct scored c = {top[k], 0, {0, 0, 0}, false};
		match_name_from_text(x->names + e->name_off, e->name_len, &en);
		match_similarity(&nm, &en, idf, (void *)x, &c.sim);
		c.score = c.sim.score;
		if (nm.form && e->form && nm.form != e->form) {
			c.form_differs = true;
			c.score -= R->form_penalty;
		}
		if (c.score < 0)
			c.score = 0;
		if (c.score > best.score || (c.score == best.score && c.i < best.i)) {
			second = best;
			best = c;
		} else if (c.score > second.score) {
			second = c;
		}
	}
	const char *where = reg[0] ? reg : "mana pun";
	if (best.score < 0) {
		snprintf(out->why, sizeof(out->why), "tidak ada nama serupa di wilayah %s", where);
		return;
	}
	const struct entry *b = &x->e[best.i];
	out->score = best.score;
	const char *form_note = best.form_differs ? "; bentuk usaha berbeda" : "";
	bool close = best.score >= R->match && second.score >= 0 &&
		     best.score - second.score < R->margin;
	if (close && q->region_code && strlen(q->region_code) >= 8) {
		/* Two firms of one name in the regency: the district may tell them apart. */
		const struct entry *s2 = &x->e[second.i];
		bool in_b = !strncmp(b->district, q->region_code, 8);
		bool in_s = !strncmp(s2->district, q->region_code, 8);
		if (in_b != in_s) {
			if (in_s) {
				b = s2;
				best = second;
				out->score = best.score;
			}
			out->decision = MATCH_DECIDE_MATCH;
			out->id = b->id;
			snprintf(out->why, sizeof(out->why),
				 "nama mirip NPP %s (kata %.2f, huruf %.2f); yang lain di kecamatan "
				 "lain",
				 b->label, best.sim.words, best.sim.letters);
			return;
		}
	}
	if (close) {
		out->decision = MATCH_DECIDE_REVIEW;
		out->id = b->id;
		snprintf(out->why, sizeof(out->why),
			 "dua pemberi kerja hampir sama: NPP %s (%.2f) dan NPP %s (%.2f)", b->label,
			 best.score, x->e[second.i].label, second.score);
	} else if (best.score >= R->match) {
		out->decision = MATCH_DECIDE_MATCH;
		out->id = b->id;
		snprintf(out->why, sizeof(out->why), "nama mirip NPP %s (kata %.2f, huruf %.2f)%s",
			 b->label, best.sim.words, best.sim.letters, form_note);
	} else if (best.score >= R->review) {
		out->decision = MATCH_DECIDE_REVIEW;
		out->id = b->id;
		snprintf(out->why, sizeof(out->why),
			 "nama agak mirip NPP %s (kata %.2f, huruf %.2f)%s; perlu diperiksa petugas",
			 b->label, best.sim.words, best.sim.letters, form_note);
	} else {
		snprintf(out->why, sizeof(out->why),
			 "tidak ada nama cukup mirip di wilayah %s (terdekat NPP %s, skor %.2f)", where,
			 b->label, best.score);
	}
}
