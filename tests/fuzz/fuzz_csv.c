/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader (src/ingest/csvread.c).
 *
 * Every record is checked against the reader's promises (fields are UTF-8 C
 * strings within the caps, line numbers rise and stay inside the file, the
 * flags agree with the fields, errors are sticky), then written back with
 * csvout_field and read again: the fields must come back unchanged.  Any
 * broken promise aborts, which libFuzzer reports as a crash.
 */
#include "compat.h"

#include "ingest/csvread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                             \
	do {                                                                    \
		if (!(cond)) {                                                  \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,  \
				__LINE__, #cond);                               \
			abort();                                                \
		}                                                               \
	} while (0)

/* Strict UTF-8, written separately from the reader's own check. */
static bool is_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t c = s[i], cp;
		size_t k;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			k = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			k = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			k = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (n - i <= k)
			return false;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		static const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
		if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += k + 1;
	}
	return true;
}

/* Editor lines in the input: line breaks (CR LF counted once) plus one. */
static size_t count_lines(const uint8_t *s, size_t n)
{
	size_t lines = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\r' || (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')))
			lines++;
	return lines;
}

/* True if some byte of s[0..n) is >= 0x80. */
static bool has_high(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* Reads every record and checks it.  *delim gets the delimiter; returns the final code. */
static jr_err read_all(const uint8_t *data, size_t size, char *delim, struct errbuf *eb)
{
	struct csvreader *r;
	jr_err e = csvreader_open_mem((const char *)data, size, &r, eb);
	if (e != JR_EOK) {
		CHECK(e == JR_EPARSE && !r);
		CHECK(eb->msg[0] != '\0');
		return e;
	}
	*delim = csvreader_delimiter(r);
	CHECK(*delim == ',' || *delim == ';' || *delim == '\t');
	size_t maxline = count_lines(data, size), prev = 0;
	struct csvrecord rec;
	while ((e = csvreader_next(r, &rec, eb)) == JR_EOK) {
		CHECK(rec.line > prev && rec.line <= maxline);
		prev = rec.line;
		CHECK(rec.nfields >= 1 && rec.nfields <= CSV_FIELDS_MAX);
		bool high = false;
		for (size_t i = 0; i < rec.nfields; i++) {
			CHECK(rec.len[i] <= CSV_FIELD_MAX);
			CHECK(strlen(rec.field[i]) == rec.len[i]);
			CHECK(is_utf8((const unsigned char *)rec.field[i], rec.len[i]));
			high |= has_high(rec.field[i], rec.len[i]);
		}
		/*
		 * Only a byte >= 0x80 or NUL is decoded from Windows-1252, and it
		 * leaves a character >= 0x80 (unless a cut drops it).  Only too many
		 * fields or a field that may decode past the cap is truncated.
		 */
		CHECK(!rec.recoded || high || size > CSV_FIELD_MAX);
		CHECK(!rec.truncated || rec.nfields == CSV_FIELDS_MAX ||
		      size > CSV_FIELD_MAX / 3);
	}
	CHECK(e == JR_EEOF || e == JR_EPARSE);
	CHECK(csvreader_offset(r) == csvreader_size(r));
	char msg[sizeof(eb->msg)];
	memcpy(msg, eb->msg, sizeof(msg));
	if (e == JR_EPARSE)
		CHECK(strncmp(msg, "baris ", 6) == 0);
	/* Errors are sticky, message and all. */
	CHECK(csvreader_next(r, &rec, eb) == e);
	if (e == JR_EPARSE)
		CHECK(strcmp(msg, eb->msg) == 0);
	csvreader_free(r);
	return e;
}

/* Writes the records of data with csvout_field after a header, reads them back, compares. */
static void round_trip(const uint8_t *data, size_t size, char delim)
{
	struct csvreader *r;
	struct errbuf eb;
	CHECK(csvreader_open_mem((const char *)data, size, &r, &eb) == JR_EOK);
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	CHECK(f);
	/* A header that fixes the delimiter (and keeps a BOM-like first field off line 1). */
	fprintf(f, "h%ch\n", delim);
	struct csvrecord rec;
	size_t nrec = 0;
	while (csvreader_next(r, &rec, &eb) == JR_EOK) {
		if (rec.nfields == 1 && rec.len[0] == 0)
			continue;   /* would be a blank line */
		for (size_t i = 0; i < rec.nfields; i++) {
			if (i)
				putc(delim, f);
			CHECK(csvout_field(f, rec.field[i], rec.len[i], delim));
		}
		putc('\n', f);
		nrec++;
	}
	csvreader_free(r);
	fclose(f);

	struct csvreader *back;
	CHECK(csvreader_open_mem(out, outlen, &back, &eb) == JR_EOK);
	CHECK(csvreader_delimiter(back) == delim);
	CHECK(csvreader_open_mem((const char *)data, size, &r, &eb) == JR_EOK);
	struct csvrecord rec2;
	CHECK(csvreader_next(back, &rec2, &eb) == JR_EOK);   /* the header */
	for (size_t k = 0; k < nrec; k++) {
		do
			CHECK(csvreader_next(r, &rec, &eb) == JR_EOK);
		while (rec.nfields == 1 && rec.len[0] == 0);
		CHECK(csvreader_next(back, &rec2, &eb) == JR_EOK);
		CHECK(!rec2.recoded && !rec2.truncated);
		CHECK(rec2.nfields == rec.nfields);
		for (size_t i = 0; i < rec.nfields; i++) {
			CHECK(rec2.len[i] == rec.len[i]);
			CHECK(memcmp(rec2.field[i], rec.field[i], rec.len[i]) == 0);
		}
	}
	CHECK(csvreader_next(back, &rec2, &eb) == JR_EEOF);
	csvreader_free(back);
	csvreader_free(r);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char delim = ',';
	struct errbuf eb;
	jr_err e = read_all(data, size, &delim, &eb);
	if (e == JR_EEOF)
		round_trip(data, size, delim);
	return 0;
}
