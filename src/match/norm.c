/* norm.c - company name normalisation (see norm.h). */
#include "compat.h"

#include "match/norm.h"

static const char *const form_names[LF_COUNT] = {
	"", "pt", "cv", "ud", "pd", "firma", "koperasi", "yayasan", "perum",
};

const char *legal_form_name(enum legal_form f)
{
	return (unsigned)f < LF_COUNT ? form_names[f] : "";
}

/* Words that name a legal form on their own (after folding and merging letters). */
static const struct {
	const char *word;
	enum legal_form form;
} form_words[] = {
	{"pt", LF_PT},          {"persero", LF_PT},     {"cv", LF_CV},
	{"ud", LF_UD},          {"pd", LF_PD},          {"fa", LF_FIRMA},
	{"firma", LF_FIRMA},    {"koperasi", LF_KOPERASI}, {"kop", LF_KOPERASI},
	{"kopkar", LF_KOPERASI}, {"kopwan", LF_KOPERASI}, {"ksp", LF_KOPERASI},
	{"ksu", LF_KOPERASI},   {"kud", LF_KOPERASI},   {"kspps", LF_KOPERASI},
	{"yayasan", LF_YAYASAN}, {"yys", LF_YAYASAN},   {"yay", LF_YAYASAN},
	{"perum", LF_PERUM},    {"perumda", LF_PERUM},
};

/* Two-word spellings of a legal form. */
static const struct {
	const char *first, *second;
	enum legal_form form;
} form_pairs[] = {
	{"perseroan", "terbatas", LF_PT},
	{"commanditaire", "vennootschap", LF_CV},
	{"persekutuan", "komanditer", LF_CV},
	{"usaha", "dagang", LF_UD},
	{"perusahaan", "dagang", LF_PD},
	{"perusahaan", "daerah", LF_PD},
	{"perusahaan", "umum", LF_PERUM},
	{"koperasi", "karyawan", LF_KOPERASI},
};

/* Abbreviations and variant spellings written out (after old-spelling folding). */
static const struct {
	const char *from, *to;
} synonyms[] = {
	{"and", "dan"},          {"sej", "sejahtera"},
	{"sejahtra", "sejahtera"}, {"sjt", "sejahtera"},    {"mdr", "mandiri"},
	{"ind", "industri"},     {"industry", "industri"},  {"industries", "industri"},
	{"indonesia", "indonesia"}, {"indo", "indonesia"},  {"intl", "internasional"},
	{"international", "internasional"}, {"int", "internasional"},
	{"tehnik", "teknik"},    {"tek", "teknik"},         {"technic", "teknik"},
	{"sentausa", "sentosa"}, {"bros", "bersaudara"},
	{"brothers", "bersaudara"}, {"sdr", "bersaudara"},  {"grp", "group"},
	{"grup", "group"},       {"mfg", "manufaktur"},     {"manufacturing", "manufaktur"},
	{"trading", "trading"},  {"dagang", "dagang"},      {"kons", "konstruksi"},
	{"konst", "konstruksi"}, {"construction", "konstruksi"}, {"mkmr", "makmur"},
	{"abd", "abadi"},        {"jy", "jaya"},            {"cemerlang", "cemerlang"},
	{"mulya", "mulia"},      {"moelia", "mulia"},       {"utama", "utama"},
	{"utm", "utama"},        {"prs", "persada"},        {"nusantara", "nusantara"},
	{"nus", "nusantara"},    {"tx", "tekstil"},         {"textile", "tekstil"},
	{"textil", "tekstil"},   {"garment", "garmen"},     {"konveksi", "konveksi"},
	{"konfeksi", "konveksi"}, {"pekalongan", "pekalongan"}, {"pkl", "pekalongan"},
};

/* Latin-1 letters of a two-byte UTF-8 sequence C3 xx, folded to ASCII. */
static char fold_c3(unsigned char b)
{
	static const char map[64] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
				    "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	if (b < 0x80 || b > 0xbf)
		return 0;
	char c = map[b - 0x80];
	return (c >= 'a' && c <= 'z') ? c : 0;
}

struct words {
	char buf[512];
	size_t used;
	int n;
	uint16_t off[48];
	uint8_t len[48];
};

static void word_push(struct words *w, const char *s, size_t len)
{
	if (len == 0 || w->n >= (int)ARRAY_SIZE(w->off))
		return;
	if (len > MATCH_TOKEN_MAX)
		len = MATCH_TOKEN_MAX;
	if (w->used + len > sizeof(w->buf))
		return;
	memcpy(w->buf + w->used, s, len);
	w->off[w->n] = (uint16_t)w->used;
	w->len[w->n] = (uint8_t)len;
	w->used += len;
	w->n++;
}

static bool word_is(const struct words *w, int i, const char *lit)
{
	/* First letters first: this runs for every word of a million names. */
	if (w->len[i] == 0 || w->buf[w->off[i]] != lit[0])
		return false;
	size_t n = strlen(lit);
	return w->len[i] == n && !memcmp(w->buf + w->off[i], lit, n);
}

/* Splits into lower-case ASCII words; "&" is a word of its own. */
static void split(const char *s, size_t len, struct words *w)
{
	char cur[MATCH_TOKEN_MAX];
	size_t n = 0;
	memset(w, 0, sizeof(*w));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char out = 0;
		if (c >= 'A' && c <= 'Z')
			out = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out = (char)c;
		else if (c == 0xc3 && i + 1 < len && fold_c3((unsigned char)s[i + 1])) {
			out = fold_c3((unsigned char)s[i + 1]);
			i++;
		} else if (c == '\'' || c == '`') {
			continue; /* Ma'ruf = Maruf */
		}
		if (out) {
			if (n < sizeof(cur))
				cur[n++] = out;
			continue;
		}
		word_push(w, cur, n);
		n = 0;
		if (c == '&' || c == '+')
			word_push(w, "dan", 3);
	}
	word_push(w, cur, n);
}

/* "p t" -> "pt", "c v" -> "cv": runs of one-letter words become one word. */
static void merge_letters(struct words *in, struct words *out)
{
	memset(out, 0, sizeof(*out));
	for (int i = 0; i < in->n;) {
		if (in->len[i] == 1 && i + 1 < in->n && in->len[i + 1] == 1) {
			char run[MATCH_TOKEN_MAX];
			size_t n = 0;
			while (i < in->n && in->len[i] == 1 && n < sizeof(run))
				run[n++] = in->buf[in->off[i++]];
			word_push(out, run, n);
		} else {
			word_push(out, in->buf + in->off[i], in->len[i]);
			i++;
		}
	}
}

/*
 * Pre-1972 spelling (Ejaan Soewandi), in place: a word that shows it (dj,
 * tj, sj, nj, oe) has j read as y, then dj -> j, tj -> c, sj -> sy,
 * nj -> ny, oe -> u: "Djaja" = "Jaya", "Tjahaja" = "Cahaya", "Soerabaja" =
 * "Surabaya".  A word without those letters is left alone (modern "Jaya"
 * keeps its j).  (ch -> kh is not done: it would spoil Dutch words such as
 * "Vennootschap".)
 */
static size_t old_spelling(char *t, size_t len)
{
	bool old = false;
	for (size_t i = 0; i + 1 < len; i++) {
		char a = t[i], b = t[i + 1];
		if ((b == 'j' && (a == 'd' || a == 't' || a == 's' || a == 'n')) ||
		    (a == 'o' && b == 'e'))
			old = true;
	}
	if (!old)
		return len;
	char out[MATCH_TOKEN_MAX * 2];
	size_t o = 0;
	for (size_t i = 0; i < len && o + 2 <= sizeof(out); i++) {
		char a = t[i], b = i + 1 < len ? t[i + 1] : 0;
		if (a == 'd' && b == 'j') {
			out[o++] = 'j';
			i++;
		} else if (a == 't' && b == 'j') {
			out[o++] = 'c';
			i++;
		} else if ((a == 's' || a == 'n') && b == 'j') {
			out[o++] = a;
			out[o++] = 'y';
			i++;
		} else if (a == 'o' && b == 'e') {
			out[o++] = 'u';
			i++;
		} else {
			out[o++] = a == 'j' ? 'y' : a;
		}
	}
	if (o > MATCH_TOKEN_MAX)
		o = MATCH_TOKEN_MAX;
	memcpy(t, out, o);
	return o;
}

static enum legal_form form_of_word(const char *s, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(form_words); i++)
		if (len && form_words[i].word[0] == s[0] && strlen(form_words[i].word) == len &&
		    !memcmp(form_words[i].word, s, len))
			return form_words[i].form;
	return LF_NONE;
}

/* The legal form of words [i, i+1) or [i, i+2) (*span set), else NONE. */
static enum legal_form form_at(const struct words *w, int i, int *span)
{
	if (i + 1 < w->n)
		for (size_t k = 0; k < ARRAY_SIZE(form_pairs); k++)
			if (word_is(w, i, form_pairs[k].first) && word_is(w, i + 1, form_pairs[k].second)) {
				*span = 2;
				return form_pairs[k].form;
			}
	*span = 1;
	return form_of_word(w->buf + w->off[i], w->len[i]);
}

/* The legal form ending at word j (inclusive), else NONE. */
static enum legal_form form_ending(const struct words *w, int j, int *span)
{
	if (j >= 1) {
		int sp;
		enum legal_form f = form_at(w, j - 1, &sp);
		if (f && sp == 2) {
			*span = 2;
			return f;
		}
	}
	*span = 1;
	return form_of_word(w->buf + w->off[j], w->len[j]);
}

enum legal_form legal_form_parse(const char *s, size_t len)
{
	struct words a, b;
	int span;
	split(s, len, &a);
	merge_letters(&a, &b);
	if (b.n == 0 || b.n > 2)
		return LF_NONE;
	enum legal_form f = form_at(&b, 0, &span);
	return span == b.n ? f : LF_NONE;
}

static void emit(struct match_name *out, const char *s, size_t len)
{
	if (out->ntok >= MATCH_TOKENS_MAX || len == 0)
		return;
	size_t need = len + (out->len ? 1 : 0);
	if (out->len + need + 1 > sizeof(out->text))
		return;
	if (out->len)
		out->text[out->len++] = ' ';
	memcpy(out->text + out->len, s, len);
	out->tok_off[out->ntok] = (uint8_t)out->len;
	out->tok_len[out->ntok] = (uint8_t)len;
	out->ntok++;
	out->len += len;
	out->text[out->len] = '\0';
}

void match_normalise(const char *s, size_t len, struct match_name *out)
{
	struct words raw, w;
	memset(out, 0, sizeof(*out));
	split(s, len, &raw);
	merge_letters(&raw, &w);
	for (int i = 0; i < w.n; i++)
		w.len[i] = (uint8_t)old_spelling(w.buf + w.off[i], w.len[i]);

	/* Legal forms, Tbk and Persero at either end, as often as they come. */
	int lo = 0, hi = w.n - 1, span;
	for (bool moved = true; moved && lo <= hi;) {
		moved = false;
		enum legal_form f;
		if (lo < hi && word_is(&w, hi, "tbk")) {
			out->tbk = true;
			hi--;
			moved = true;
		} else if (lo < hi && (f = form_ending(&w, hi, &span)) && hi - span + 1 > lo) {
			if (!out->form)
				out->form = f;
			hi -= span;
			moved = true;
		}
		if (lo < hi && (f = form_at(&w, lo, &span)) && lo + span - 1 < hi) {
			out->form = f;
			lo += span;
			moved = true;
		}
	}
	for (int i = lo; i <= hi; i++) {
		const char *t = w.buf + w.off[i];
		size_t n = w.len[i];
		for (size_t k = 0; k < ARRAY_SIZE(synonyms); k++)
			if (synonyms[k].from[0] == t[0] && strlen(synonyms[k].from) == n &&
			    !memcmp(synonyms[k].from, t, n)) {
				t = synonyms[k].to;
				n = strlen(t);
				break;
			}
		emit(out, t, n);
	}
}

void match_name_from_text(const char *text, size_t len, struct match_name *out)
{
	memset(out, 0, sizeof(*out));
	size_t i = 0;
	while (i < len) {
		while (i < len && text[i] == ' ')
			i++;
		size_t st = i;
		while (i < len && text[i] != ' ')
			i++;
		emit(out, text + st, i - st);
	}
}
