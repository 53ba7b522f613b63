/*
 * licensing.c - the demo's licensing office list: licences of businesses
 * the registry already has (their names written the licensing office's way,
 * some declaring more workers or higher wages than they registered) and of
 * businesses it does not have (PWBD: the leads), in the four regencies.
 *
 * The last stage of demo_build: it draws after every other stage, so adding
 * it changed no earlier row for a seed.  At scale 1: about 1,200 licences of
 * registered companies and 400 of unregistered businesses.
 */
#include "compat.h"

#include "demo/gen.h"
#include "store/licensing.h"

/* What the stage needs of a registered company. */
struct known {
	int64_t id;
	char name[NAME_MAX_BYTES + 1];
	char nib[NIB_SIZE];
	char region_code[REGION_CODE_SIZE];
	char kbli[KBLI_SIZE];
};

struct known_list {
	struct known *k;
	size_t n, cap;
};

static jr_err keep_company(void *ctx, const struct employer *e)
{
	struct known_list *l = ctx;
	if (e->kind != EKIND_COMPANY && e->kind != EKIND_COOPERATIVE)
		return JR_EOK;
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 1024;
		struct known *nk = realloc(l->k, ncap * sizeof(*nk));
		if (!nk)
			return JR_ENOMEM;
		l->k = nk;
		l->cap = ncap;
	}
	struct known *k = &l->k[l->n++];
	k->id = e->id;
	memcpy(k->name, e->name, sizeof(k->name));
	memcpy(k->nib, e->nib, sizeof(k->nib));
	memcpy(k->region_code, e->region_code, sizeof(k->region_code));
	memcpy(k->kbli, e->kbli, sizeof(k->kbli));
	return JR_EOK;
}

static int cmp_known(const void *a, const void *b)
{
	const struct known *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* The generator's record of employer id, or NULL. */
static const struct demo_emp *emp_of(const struct demo_gen *g, int64_t id)
{
	size_t lo = 0, hi = g->nemps;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->emps[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->nemps && g->emps[lo].id == id ? &g->emps[lo] : NULL;
}

static const char *const forms[] = {"PT", "CV", "UD"};

/* "PT Batik Jaya" written as a licensing office might: "BATIK JAYA, PT", "P.T. Batik Jaya"... */
static void variant(struct demo_gen *g, const char *name, char *out, size_t size)
{
	const char *form = NULL, *rest = name;
	for (size_t i = 0; i < ARRAY_SIZE(forms); i++) {
		size_t n = strlen(forms[i]);
		if (!strncmp(name, forms[i], n) && (name[n] == ' ' || name[n] == '.')) {
			form = forms[i];
			rest = name + n + (name[n] == '.');
			while (*rest == ' ')
				rest++;
		}
	}
	struct demo_sb b;
	demo_sb_init(&b, out, size);
	uint64_t pick = demo_rng_below(&g->rng, 5);
	if (form && pick == 0) {
		for (const char *p = rest; *p; p++) {
			char c[2] = {(char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p), 0};
			demo_sb_add(&b, c);
		}
		demo_sb_addf(&b, ", %s", form);
	} else if (form && pick == 1) {
		demo_sb_addf(&b, "%c.%c. %s", form[0], form[1], rest);
	} else {
		demo_sb_add(&b, name);
	}
	/* One in ten with a typing slip: a letter dropped inside a long word. */
	size_t len = strlen(out);
	if (len > 8 && demo_rng_pm(&g->rng, 100)) {
		size_t i = (size_t)demo_rng_range(&g->rng, 3, (int64_t)len - 3);
		if (out[i] != ' ' && out[i - 1] != ' ' && out[i + 1] != ' ')
			memmove(out + i, out + i + 1, len - i);
	}
}

static void new_nib(struct demo_gen *g, char nib[NIB_SIZE])
{
	memcpy(nib, "9120", 4);
	demo_put_digits(nib + 4, demo_perm_at(&g->nib_perm, g->nib_next++), 9);
	nib[13] = '\0';
}

static struct date recent_day(struct demo_gen *g)
{
	return date_from_days(g->today_day - demo_rng_range(&g->rng, 1, 540));
}

/* Businesses the registry lacks: what they do, with weights. */
static const struct {
	const char *kbli, *word;
	int weight;
} trades[] = {
	{"13134", "Batik", 30},     {"14111", "Konveksi", 14}, {"56101", "Rumah Makan", 10},
	{"47111", "Toko", 10},      {"31001", "Mebel", 8},     {"03111", "Perikanan", 6},
	{"45201", "Bengkel", 6},    {"10710", "Roti", 6},      {"18111", "Percetakan", 4},
	{"41011", "Kontraktor", 4}, {"13133", "Batik Cap", 2},
};

static const char *const words[] = {
	"Jaya", "Abadi", "Makmur", "Sejahtera", "Sentosa", "Mandiri", "Berkah", "Barokah",
	"Sumber", "Rejeki", "Maju", "Mulia", "Karya", "Putra", "Putri", "Indah", "Cahaya",
	"Mitra", "Utama", "Sinar", "Gemilang", "Lestari", "Agung", "Harapan", "Anugerah",
	"Amanah", "Prima", "Wijaya", "Kencana", "Mekar", "Lancar", "Setia", "Bintang",
	"Samudra", "Permata", "Mustika", "Tunggal", "Sukses", "Citra", "Surya", "Fajar",
};

static int64_t pick_workers(struct demo_gen *g)
{
	int x = (int)demo_rng_below(&g->rng, 100);
	if (x < 50)
		return demo_rng_range(&g->rng, 1, 4);
	if (x < 85)
		return demo_rng_range(&g->rng, 5, 19);
	if (x < 98)
		return demo_rng_range(&g->rng, 20, 99);
	return demo_rng_range(&g->rng, 100, 300);
}

static jr_err push(struct demo_gen *g, struct licence **rows, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 1024;
		struct licence *nr = realloc(*rows, ncap * sizeof(*nr));
		if (!nr)
			return demo_nomem(g);
		*rows = nr;
		*cap = ncap;
	}
	memset(&(*rows)[*n], 0, sizeof(**rows));
	(*n)++;
	return JR_EOK;
}

jr_err demo_build_licensing(struct demo_gen *g, int64_t *registered, int64_t *unregistered)
{
	struct known_list kl = {0};
	struct licence *rows = NULL;
	size_t n = 0, cap = 0;
	jr_err err = store_employers_each(g->s, keep_company, &kl, g->eb);
	if (err == JR_ENOMEM)
		err = demo_nomem(g);
	if (err == JR_EOK && kl.n)
		qsort(kl.k, kl.n, sizeof(*kl.k), cmp_known);
	*registered = *unregistered = 0;

	/* Registered companies that took a licence lately (three in ten). */
	for (size_t i = 0; err == JR_EOK && i < kl.n; i++) {
		const struct known *k = &kl.k[i];
		const struct demo_emp *e = emp_of(g, k->id);
		if (!e || !demo_rng_pm(&g->rng, 300) || (err = push(g, &rows, &n, &cap)) != JR_EOK)
			continue;
		struct licence *l = &rows[n - 1];
		if (k->nib[0] && demo_rng_pm(&g->rng, 600))
			memcpy(l->nib, k->nib, sizeof(l->nib));
		else
			new_nib(g, l->nib); /* registered before OSS: the registry has no NIB */
		variant(g, k->name, l->name, sizeof(l->name));
		memcpy(l->region_code, k->region_code, sizeof(l->region_code));
		memcpy(l->kbli, k->kbli, sizeof(l->kbli));
		l->licensed_on = recent_day(g);
		/* What it declared to the licensing office: every worker, at what it pays. */
		l->employees = e->n_lic > 0 ? e->n_lic : 1;
		int reg = e->district >= 0 ? g->districts[e->district].regency : 0;
		int64_t umk = demo_umk(g, reg, l->licensed_on.year);
		int pct = (e->flags & DEMO_EF_UNDER_WAGE) ? (int)demo_rng_range(&g->rng, 105, 130)
							   : (int)demo_rng_range(&g->rng, 100, 140);
		l->avg_wage_sen = umk * pct / 100 / 100 * 100; /* whole rupiah */
		l->legal_form[0] = '\0';
		(*registered)++;
	}

	/* Businesses the registry does not have. */
	int total = 0;
	for (size_t t = 0; t < ARRAY_SIZE(trades); t++)
		total += trades[t].weight;
	int64_t want = 400 * (int64_t)g->scale;
	for (int64_t i = 0; err == JR_EOK && i < want && g->ndistricts; i++) {
		if ((err = push(g, &rows, &n, &cap)) != JR_EOK)
			break;
		struct licence *l = &rows[n - 1];
		int x = (int)demo_rng_below(&g->rng, (uint64_t)total);
		size_t t = 0;
		while (x >= trades[t].weight)
			x -= trades[t++].weight;
		size_t d = (size_t)demo_rng_below(&g->rng, g->ndistricts);
		const char *form = demo_rng_pm(&g->rng, 600) ? forms[demo_rng_below(&g->rng, 3)] : "";
		const char *w1 = words[demo_rng_below(&g->rng, ARRAY_SIZE(words))];
		const char *w2 = words[demo_rng_below(&g->rng, ARRAY_SIZE(words))];
		struct demo_sb b;
		demo_sb_init(&b, l->name, sizeof(l->name));
		if (*form)
			demo_sb_addf(&b, "%s ", form);
		demo_sb_addf(&b, "%s %s", trades[t].word, w1);
		if (w2 != w1)
			demo_sb_addf(&b, " %s", w2);
		new_nib(g, l->nib);
		memcpy(l->region_code, g->districts[d].code, sizeof(l->region_code));
		if (refdata_kbli_known(g->ref, trades[t].kbli))
			memcpy(l->kbli, trades[t].kbli, sizeof(l->kbli));
		l->licensed_on = recent_day(g);
		l->employees = pick_workers(g);
		int64_t umk = demo_umk(g, g->districts[d].regency, l->licensed_on.year);
		l->avg_wage_sen = umk * demo_rng_range(&g->rng, 90, 130) / 100 / 100 * 100;
		(*unregistered)++;
	}
	if (err == JR_EOK && n)
		err = store_licences_upsert(g->s, rows, n, 0, NULL, g->eb);
	free(rows);
	free(kl.k);
	return err;
}
