/*
 * region.c - Kemendagri region codes and the index of their names.
 *
 * The index holds about 91,000 regions and is asked for a name once or more
 * per imported row, so a lookup must not allocate or scan: each code becomes
 * a 64-bit key (the ten digits PPKKCCVVVV padded with zeros, times 8, plus
 * the level so that "33" and a hypothetical "33.00" differ), the entries are
 * sorted by key once in region_index_finish and a hash table of the keys is
 * built, so that a lookup is one hash and usually one cache line.  Key order
 * equals the order of the dotted codes as text, parents first, which is the
 * order region_index_each promises.
 */
#include "compat.h"
#include "core/region.h"

#define CODE_DIGITS 10
/*
 * Keys are below 2^37 (ten digits times 8 plus level), so a 64-bit hash slot
 * has 27 bits left for the name's offset: names may fill 128 MB, the real
 * list needs 2.
 */
#define OFF_BITS 27
#define OFF_MASK ((UINT64_C(1) << OFF_BITS) - 1)
#define MAX_NAMES_LEN ((size_t)OFF_MASK - 1)

struct region_entry {
	uint64_t key;
	uint32_t name_off; /* into ix->names */
	uint32_t seq;      /* order of adding, so the last of duplicates wins */
	char code[REGION_CODE_SIZE];
};

struct region_index {
	struct region_entry *entries;
	size_t len, cap;
	/*
	 * Hash table built by finish: open addressing, linear probing, each
	 * slot (key << OFF_BITS | (name_off + 1)) or 0 when empty.  A lookup
	 * reads one slot and then the name, never the 2.9 MB of entries: a
	 * binary search over them cost 0.3 us per random lookup, mostly
	 * cache misses.
	 */
	uint64_t *slots;
	unsigned slot_bits;
	char *names; /* all names, NUL-terminated, back to back */
	size_t names_len, names_cap;
	size_t count[REGION_VILLAGE + 1];
	bool sorted;
};

/* Digits per group of the dotted form: PP.KK.CC.VVVV. */
static const size_t group_len[4] = { 2, 2, 2, 4 };

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Reads a code in dotted or bare form into its digits; returns the level, or
 * REGION_NONE when the shape is wrong.
 */
static enum region_level code_parse(const char *s, size_t len, char digits[CODE_DIGITS])
{
	size_t nd = 0;

	if (len == 0)
		return REGION_NONE;
	if (memchr(s, '.', len)) {
		size_t g = 0, in_group = 0;
		for (size_t i = 0; i < len; i++) {
			if (s[i] == '.') {
				if (in_group != group_len[g] || g == 3)
					return REGION_NONE;
				g++;
				in_group = 0;
			} else if (is_digit(s[i]) && in_group < group_len[g]) {
				digits[nd++] = s[i];
				in_group++;
			} else {
				return REGION_NONE;
			}
		}
		if (in_group != group_len[g])
			return REGION_NONE;
		return (enum region_level)(g + 1);
	}

	if (len != 2 && len != 4 && len != 6 && len != 10)
		return REGION_NONE;
	for (size_t i = 0; i < len; i++) {
		if (!is_digit(s[i]))
			return REGION_NONE;
		digits[nd++] = s[i];
	}
	return len == 10 ? REGION_VILLAGE : (enum region_level)(len / 2);
}

static size_t level_digits(enum region_level level)
{
	return level == REGION_VILLAGE ? 10 : (size_t)level * 2;
}

static uint64_t code_key(const char digits[CODE_DIGITS], enum region_level level)
{
	size_t n = level_digits(level);
	uint64_t k = 0;

	for (size_t i = 0; i < CODE_DIGITS; i++)
		k = k * 10 + (i < n ? (uint64_t)(digits[i] - '0') : 0);
	return k * 8 + (uint64_t)level;
}

static void code_dotted(const char digits[CODE_DIGITS], enum region_level level,
			char out[static REGION_CODE_SIZE])
{
	size_t o = 0, d = 0;

	for (size_t g = 0; g < (size_t)level; g++) {
		if (g > 0)
			out[o++] = '.';
		for (size_t i = 0; i < group_len[g]; i++)
			out[o++] = digits[d++];
	}
	out[o] = '\0';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

enum region_level region_code_normalise(const char *s, size_t len,
					char out[static REGION_CODE_SIZE],
					struct errbuf *eb)
{
	char digits[CODE_DIGITS];

	out[0] = '\0';
	while (len > 0 && is_space(s[0])) {
		s++;
		len--;
	}
	while (len > 0 && is_space(s[len - 1]))
		len--;

	enum region_level level = code_parse(s, len, digits);
	if (level == REGION_NONE) {
		char shown[24];
		size_t n = 0;
		for (size_t i = 0; i < len && n < 16; i++) {
			unsigned char c = (unsigned char)s[i];
			shown[n++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
		}
		shown[n] = '\0';
		errbuf_set(eb, JR_EINVALID,
			   "kode wilayah '%s%s' salah bentuk (contoh: 33, 33.75, 33.75.01, "
			   "33.75.01.1001)", shown, len > 16 ? "..." : "");
		return REGION_NONE;
	}
	code_dotted(digits, level, out);
	return level;
}

struct region_index *region_index_new(void)
{
	struct region_index *ix = calloc(1, sizeof(*ix));

	if (ix)
		ix->sorted = true;
	return ix;
}

void region_index_free(struct region_index *ix)
{
	if (!ix)
		return;
	free(ix->entries);
	free(ix->slots);
	free(ix->names);
	free(ix);
}

/*
 * Returns buf grown to hold at least need elements of size sz (updating *cap),
 * or NULL when that is impossible; buf is left intact then.
 */
static void *grow(void *buf, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return buf;
	size_t ncap = *cap ? *cap : 1024;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return NULL;
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / sz)
		return NULL;
	void *nb = realloc(buf, ncap * sz);
	if (nb)
		*cap = ncap;
	return nb;
}

jr_err region_index_add(struct region_index *ix, const char *code, const char *name,
			struct errbuf *eb)
{
	char digits[CODE_DIGITS];

	if (!code)
		return errbuf_set(eb, JR_EINVALID, "kode wilayah kosong");
	enum region_level level = code_parse(code, strlen(code), digits);
	if (level == REGION_NONE) {
		char dotted[REGION_CODE_SIZE];
		region_code_normalise(code, strlen(code), dotted, eb);
		return JR_EINVALID;
	}
	if (!name)
		name = "";

	size_t nlen = strlen(name);
	/* See OFF_BITS: names may fill 128 MB; the real list needs 2. */
	if (nlen >= MAX_NAMES_LEN - ix->names_len || ix->len >= UINT32_MAX)
		return errbuf_set(eb, JR_ETOOBIG, "indeks wilayah terlalu besar");
	char *names = grow(ix->names, &ix->names_cap, ix->names_len + nlen + 1, 1);
	if (!names)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk indeks wilayah");
	ix->names = names;
	struct region_entry *entries = grow(ix->entries, &ix->cap, ix->len + 1,
					    sizeof(*ix->entries));
	if (!entries)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup untuk indeks wilayah");
	ix->entries = entries;

	struct region_entry *e = &ix->entries[ix->len];
	e->key = code_key(digits, level);
	e->name_off = (uint32_t)ix->names_len;
	e->seq = (uint32_t)ix->len;
	code_dotted(digits, level, e->code);
	memcpy(ix->names + ix->names_len, name, nlen + 1);
	ix->names_len += nlen + 1;
	ix->len++;
	ix->count[level]++;
	ix->sorted = false;
	return JR_EOK;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct region_entry *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static size_t slot_of(uint64_t key, unsigned bits)
{
	/* Fibonacci hashing: the top bits of key times 2^64 / phi (mod 2^64,
	 * the unsigned wrap is the point). */
	return (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - bits));
}

/*
 * Builds the hash table over the finished entries, load factor at most 3/4.
 * Without memory for it lookups fall back to a binary search: slower, same
 * answers.
 */
static void build_slots(struct region_index *ix)
{
	unsigned bits = 4;

	free(ix->slots);
	ix->slots = NULL;
	while (((size_t)1 << bits) * 3 < ix->len * 4)
		bits++;
	uint64_t *slots = calloc((size_t)1 << bits, sizeof(*slots));
	if (!slots)
		return;
	size_t mask = ((size_t)1 << bits) - 1;
	for (size_t i = 0; i < ix->len; i++) {
		size_t s = slot_of(ix->entries[i].key, bits);
		while (slots[s] != 0)
			s = (s + 1) & mask;
		slots[s] = ix->entries[i].key << OFF_BITS | (ix->entries[i].name_off + 1);
	}
	ix->slots = slots;
	ix->slot_bits = bits;
}

/*
 * Sorts by code.  A code added twice keeps the name added last (a later data
 * file corrects an earlier one) and is counted once.  May be called again
 * after further adds; until then lookups fall back to a linear scan.
 */
void region_index_finish(struct region_index *ix)
{
	if (!ix || ix->sorted)
		return;
	if (ix->len > 1)
		qsort(ix->entries, ix->len, sizeof(*ix->entries), entry_cmp);

	size_t o = 0;
	memset(ix->count, 0, sizeof(ix->count));
	for (size_t i = 0; i < ix->len; i++) {
		if (i + 1 < ix->len && ix->entries[i + 1].key == ix->entries[i].key)
			continue;
		ix->entries[o++] = ix->entries[i];
		ix->count[ix->entries[i].key & 7]++;
	}
	ix->len = o;

	ix->sorted = true;
	build_slots(ix);
}

/* The offset of the name of key in ix->names, or -1 when unknown. */
static int64_t find(const struct region_index *ix, uint64_t key)
{
	if (!ix->sorted) {
		/* Before finish: the last added wins, as after it. */
		for (size_t i = ix->len; i > 0; i--)
			if (ix->entries[i - 1].key == key)
				return ix->entries[i - 1].name_off;
		return -1;
	}
	if (ix->slots) {
		size_t mask = ((size_t)1 << ix->slot_bits) - 1;
		for (size_t s = slot_of(key, ix->slot_bits);; s = (s + 1) & mask) {
			uint64_t v = ix->slots[s];
			if (v == 0)
				return -1;
			if (v >> OFF_BITS == key)
				return (int64_t)(v & OFF_MASK) - 1;
		}
	}
	size_t lo = 0, hi = ix->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t k = ix->entries[mid].key;
		if (k == key)
			return ix->entries[mid].name_off;
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const char *region_index_name(const struct region_index *ix, const char *code)
{
	char digits[CODE_DIGITS];

	if (!ix || !code)
		return NULL;
	enum region_level level = code_parse(code, strlen(code), digits);
	if (level == REGION_NONE)
		return NULL;
	int64_t off = find(ix, code_key(digits, level));
	return off >= 0 ? ix->names + off : NULL;
}

size_t region_index_count(const struct region_index *ix, enum region_level level)
{
	if (!ix || level < REGION_PROVINCE || level > REGION_VILLAGE)
		return 0;
	return ix->count[level];
}

/*
 * The code passed to fn stays valid as long as ix is not changed.  Code order
 * holds once region_index_finish has run; before it, the order of adding.
 */
jr_err region_index_each(const struct region_index *ix,
			 jr_err (*fn)(void *ctx, const char *code, enum region_level level,
				      const char *name),
			 void *ctx)
{
	if (!ix)
		return JR_EOK;
	for (size_t i = 0; i < ix->len; i++) {
		const struct region_entry *e = &ix->entries[i];
		jr_err rc = fn(ctx, e->code, (enum region_level)(e->key & 7),
			       ix->names + e->name_off);
		if (rc != JR_EOK)
			return rc;
	}
	return JR_EOK;
}
