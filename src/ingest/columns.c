/* columns.c - header matching (see columns.h). */
#include "compat.h"
#include "ingest/columns.h"

char *columns_fold(const char *s, size_t len, char *buf, size_t size)
{
	size_t n = 0;
	bool sep = false;
	if (size == 0)
		return buf;
	for (size_t i = 0; i < len && n + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (sep && n > 0)
				buf[n++] = '_';
			sep = false;
			if (n + 1 < size)
				buf[n++] = (char)c;
		} else if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '/' || c == '\t') {
			sep = true;
		} else if (c >= 0x80) {
			/* Keep non-ASCII letters (a header in another script) as they are. */
			if (sep && n > 0)
				buf[n++] = '_';
			sep = false;
			if (n + 1 < size)
				buf[n++] = (char)c;
		}
		/* Anything else ('*' marking required columns, '(' ...) is dropped. */
	}
	buf[n] = '\0';
	return buf;
}

static bool alias_match(const struct column_def *d, const char *folded)
{
	if (!strcmp(d->name, folded))
		return true;
	const char *a = d->aliases;
	size_t fl = strlen(folded);
	while (a && *a) {
		const char *bar = strchr(a, '|');
		size_t n = bar ? (size_t)(bar - a) : strlen(a);
		if (n == fl && !memcmp(a, folded, n))
			return true;
		a = bar ? bar + 1 : NULL;
	}
	return false;
}

static void list_append(char *list, size_t size, const char *item)
{
	size_t n = strlen(list);
	snprintf(list + n, size - n, "%s%s", n ? ", " : "", item);
}

jr_err columns_map(const struct column_def *defs, size_t ndefs, const struct csvrecord *header,
		   struct column_map *map, struct errbuf *eb)
{
	char folded[128], missing[256] = "";
	memset(map, 0, sizeof(*map));
	map->defs = defs;
	map->ndefs = ndefs < COLUMNS_MAX ? ndefs : COLUMNS_MAX;
	for (size_t d = 0; d < map->ndefs; d++)
		map->field[d] = -1;
	for (size_t f = 0; f < header->nfields; f++) {
		columns_fold(header->field[f], header->len[f], folded, sizeof(folded));
		if (!folded[0])
			continue; /* an empty header cell: Excel's trailing separators */
		size_t d;
		for (d = 0; d < map->ndefs; d++)
			if (alias_match(&defs[d], folded))
				break;
		if (d == map->ndefs) {
			map->nunknown++;
			list_append(map->unknown, sizeof(map->unknown), folded);
			continue;
		}
		if (map->field[d] >= 0)
			return errbuf_set(eb, JR_EPARSE,
					  "kolom '%s' muncul dua kali (kolom ke-%d dan ke-%zu)",
					  defs[d].name, map->field[d] + 1, f + 1);
		map->field[d] = (int)f;
	}
	for (size_t d = 0; d < map->ndefs; d++)
		if (defs[d].required && map->field[d] < 0)
			list_append(missing, sizeof(missing), defs[d].name);
	if (missing[0])
		return errbuf_set(eb, JR_EPARSE, "kolom wajib tidak ada di baris judul: %s", missing);
	return JR_EOK;
}

const char *columns_value(const struct column_map *map, const struct csvrecord *rec, size_t def,
			  size_t *len)
{
	int f = def < map->ndefs ? map->field[def] : -1;
	if (f < 0 || (size_t)f >= rec->nfields) {
		*len = 0;
		return "";
	}
	*len = rec->len[f];
	return rec->field[f];
}
