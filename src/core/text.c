/* text.c - trimming, word comparison and safe quoting (see text.h). */
#include "compat.h"
#include "core/text.h"

void text_trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
}

static char lower_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

bool text_ieq(const char *s, size_t len, const char *word)
{
	text_trim(&s, &len);
	size_t wl = strlen(word);
	if (wl != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (lower_ascii(s[i]) != lower_ascii(word[i]))
			return false;
	return true;
}

void text_quote(const char *s, size_t len, char *buf, size_t size)
{
	size_t o = 0, i;

	for (i = 0; i < len && i < 40 && o + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		buf[o++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	if (i < len && o + 4 < size) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
}
