/* model.c - vocabularies of the registry (see model.h). */
#include "compat.h"
#include "core/model.h"
#include "core/text.h"

/* A vocabulary entry: the value and the words that name it. */
struct word {
	int value;
	const char *text;
};

static int word_lookup(const struct word *words, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (text_ieq(s, len, words[i].text))
			return words[i].value;
	return 0;
}

static const char *const segment_names[SEG_COUNT] = {"", "PU", "BPU", "JAKON", "PMI"};

static const struct word segment_words[] = {
	{SEG_PU, "PU"},       {SEG_PU, "penerima upah"},
	{SEG_PU, "penerima_upah"},
	{SEG_BPU, "BPU"},     {SEG_BPU, "bukan penerima upah"},
	{SEG_BPU, "bukan_penerima_upah"},
	{SEG_JAKON, "JAKON"}, {SEG_JAKON, "jasa konstruksi"},
	{SEG_JAKON, "jasa_konstruksi"}, {SEG_JAKON, "JK"},
	{SEG_PMI, "PMI"},     {SEG_PMI, "pekerja migran indonesia"},
	{SEG_PMI, "pekerja_migran"},
};

const char *segment_name(enum segment s)
{
	return ((unsigned)s < SEG_COUNT) ? segment_names[s] : "";
}

enum segment segment_parse(const char *s, size_t len)
{
	return (enum segment)word_lookup(segment_words, ARRAY_SIZE(segment_words), s, len);
}

static const struct word program_words[] = {
	{PROG_JKK, "JKK"}, {PROG_JKM, "JKM"}, {PROG_JHT, "JHT"}, {PROG_JP, "JP"}, {PROG_JKP, "JKP"},
};

jr_err programs_parse(const char *s, size_t len, unsigned *out, struct errbuf *eb)
{
	unsigned set = 0;
	size_t i = 0;
	while (i < len) {
		while (i < len && strchr(" +,;/\t", s[i]))
			i++;
		size_t start = i;
		while (i < len && !strchr(" +,;/\t", s[i]))
			i++;
		if (i == start)
			break;
		int p = word_lookup(program_words, ARRAY_SIZE(program_words), s + start, i - start);
		if (!p)
			return errbuf_set(eb, JR_EINVALID,
					  "program '%.*s' tidak dikenal (JKK, JKM, JHT, JP, JKP)",
					  (int)(i - start > 20 ? 20 : i - start), s + start);
		set |= (unsigned)p;
	}
	*out = set;
	return JR_EOK;
}

char *programs_format(unsigned programs, char *buf, size_t size)
{
	size_t n = 0;
	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(program_words); i++) {
		if (!(programs & (unsigned)program_words[i].value))
			continue;
		int w = snprintf(buf + n, size - n, "%s%s", n ? " " : "", program_words[i].text);
		if (w < 0 || (size_t)w >= size - n)
			break;
		n += (size_t)w;
	}
	return buf;
}

unsigned programs_required_pu(enum scale s)
{
	switch (s) {
	case SCALE_MICRO:
		return PROG_JKK | PROG_JKM;
	case SCALE_SMALL:
		return PROG_JKK | PROG_JKM | PROG_JHT;
	default:
		return PROG_JKK | PROG_JKM | PROG_JHT | PROG_JP;
	}
}

unsigned programs_allowed(enum segment s)
{
	if (s == SEG_PU)
		return PROG_ALL;
	/* PP 44/2015, PP 45/2015, PP 37/2021: BPU, construction and migrant
	 * workers hold JKK, JKM and (optionally) JHT only. */
	return PROG_JKK | PROG_JKM | PROG_JHT;
}

static const char *const scale_names[SCALE_COUNT] = {"", "micro", "small", "medium", "large"};

static const struct word scale_words[] = {
	{SCALE_MICRO, "micro"},   {SCALE_MICRO, "mikro"},
	{SCALE_SMALL, "small"},   {SCALE_SMALL, "kecil"},
	{SCALE_MEDIUM, "medium"}, {SCALE_MEDIUM, "menengah"},
	{SCALE_LARGE, "large"},   {SCALE_LARGE, "besar"},
};

const char *scale_name(enum scale s)
{
	return ((unsigned)s < SCALE_COUNT) ? scale_names[s] : "";
}

enum scale scale_parse(const char *s, size_t len)
{
	return (enum scale)word_lookup(scale_words, ARRAY_SIZE(scale_words), s, len);
}

static const char *const kind_names[EKIND_COUNT] = {
	"", "company", "government_office", "religious_unit", "market", "cooperative", "other",
};

static const struct word kind_words[] = {
	{EKIND_COMPANY, "company"},
	{EKIND_COMPANY, "perusahaan"},
	{EKIND_COMPANY, "badan usaha"},
	{EKIND_COMPANY, "badan_usaha"},
	{EKIND_GOVERNMENT_OFFICE, "government_office"},
	{EKIND_GOVERNMENT_OFFICE, "government office"},
	{EKIND_GOVERNMENT_OFFICE, "opd"},
	{EKIND_GOVERNMENT_OFFICE, "instansi"},
	{EKIND_GOVERNMENT_OFFICE, "instansi pemerintah"},
	{EKIND_RELIGIOUS_UNIT, "religious_unit"},
	{EKIND_RELIGIOUS_UNIT, "religious unit"},
	{EKIND_RELIGIOUS_UNIT, "amal_usaha"},
	{EKIND_RELIGIOUS_UNIT, "amal usaha"},
	{EKIND_MARKET, "market"},
	{EKIND_MARKET, "pasar"},
	{EKIND_COOPERATIVE, "cooperative"},
	{EKIND_COOPERATIVE, "koperasi"},
	{EKIND_OTHER, "other"},
	{EKIND_OTHER, "lainnya"},
	{EKIND_OTHER, "lain-lain"},
};

const char *employer_kind_name(enum employer_kind k)
{
	return ((unsigned)k < EKIND_COUNT) ? kind_names[k] : "";
}

enum employer_kind employer_kind_parse(const char *s, size_t len)
{
	return (enum employer_kind)word_lookup(kind_words, ARRAY_SIZE(kind_words), s, len);
}

static const struct word sex_words[] = {
	{'M', "M"},         {'M', "L"},        {'M', "laki-laki"}, {'M', "laki laki"},
	{'M', "lk"},        {'M', "pria"},     {'M', "male"},      {'F', "F"},
	{'F', "P"},         {'F', "pr"},       {'F', "perempuan"}, {'F', "wanita"},
	{'F', "female"},
};

char sex_parse(const char *s, size_t len)
{
	return (char)word_lookup(sex_words, ARRAY_SIZE(sex_words), s, len);
}

static const struct word risk_words[] = {
	{1, "1"}, {2, "2"}, {3, "3"}, {4, "4"}, {5, "5"},
	{1, "I"}, {2, "II"}, {3, "III"}, {4, "IV"}, {5, "V"},
};

int risk_group_parse(const char *s, size_t len)
{
	return word_lookup(risk_words, ARRAY_SIZE(risk_words), s, len);
}
