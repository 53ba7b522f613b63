/* licence.c - the vocabulary of leads (see licence.h). */
#include "compat.h"

#include "core/licence.h"
#include "core/text.h"

static const char *const status_names[LEAD_STATUS_COUNT] = {
	"", "new", "contacted", "visited", "registered", "refused",
};

static const struct {
	enum lead_status value;
	const char *word;
} status_words[] = {
	{LEAD_NEW, "new"},           {LEAD_NEW, "baru"},
	{LEAD_CONTACTED, "contacted"}, {LEAD_CONTACTED, "dihubungi"},
	{LEAD_VISITED, "visited"},   {LEAD_VISITED, "dikunjungi"},
	{LEAD_REGISTERED, "registered"}, {LEAD_REGISTERED, "terdaftar"},
	{LEAD_REFUSED, "refused"},   {LEAD_REFUSED, "menolak"}, {LEAD_REFUSED, "ditolak"},
};

const char *lead_status_name(enum lead_status s)
{
	return (unsigned)s < LEAD_STATUS_COUNT ? status_names[s] : "";
}

enum lead_status lead_status_parse(const char *s, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(status_words); i++)
		if (text_ieq(s, len, status_words[i].word))
			return status_words[i].value;
	return LEAD_NONE;
}
