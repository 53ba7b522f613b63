/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader (src/ingest/csvread.c).
 *
 * Each input is read twice, on the fast path and with libcsv alone, and both
 * must give the same records, line numbers, flags and error.  Every record is
 * checked against the reader's promises (fields are UTF-8 C strings within the
 * caps, line numbers rise and stay inside the file), then written back with
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

/*
 * Reads every record, checks it, and serialises it into *out for comparison.
 * *delim gets the delimiter; returns the final code.
 */
static jr_err read_all(const uint8_t *data, size_t size, bool libcsv_only, char **out,
		       size_t *outlen, char *delim, struct errbuf *eb)
{
	FILE *f = open_memstream(out, outlen);
	CHECK(f);
	struct csvreader *r;
	jr_err e = csvreader_open_mem((const char *)data, size, &r, eb);
	if (e != JR_EOK) {
		CHECK(e == JR_EPARSE && !r);
		fprintf(f, "open %d %s", (int)e, eb->msg);
		fclose(f);
		return e;
	}
	if (libcsv_only)
		csvreader_libcsv_only(r);
	*delim = csvreader_delimiter(r);
	CHECK(*delim == ',' || *delim == ';' || *delim == '\t');
	size_t maxline = count_lines(data, size), prev = 0;
	struct csvrecord rec;
	while ((e = csvreader_next(r, &rec, eb)) == JR_EOK) {
		CHECK(rec.line > prev && rec.line <= maxline);
		prev = rec.line;
		CHECK(rec.nfields >= 1 && rec.nfields <= CSV_FIELDS_MAX);
		fprintf(f, "%zu %zu %d %d\n", rec.line, rec.nfields, rec.recoded, rec.truncated);
		for (size_t i = 0; i < rec.nfields; i++) {
			CHECK(rec.len[i] <= CSV_FIELD_MAX);
			CHECK(strlen(rec.field[i]) == rec.len[i]);
			CHECK(is_utf8((const unsigned char *)rec.field[i], rec.len[i]));
			fprintf(f, "%zu:", rec.len[i]);
			fwrite(rec.field[i], 1, rec.len[i], f);
		}
	}
	CHECK(e == JR_EEOF || e == JR_EPARSE);
	CHECK(csvreader_offset(r) == csvreader_size(r));
	fprintf(f, "end %d %s", (int)e, e == JR_EEOF ? "" : eb->msg);
	/* Errors are sticky. */
	CHECK(csvreader_next(r, &rec, eb) == e);
	csvreader_free(r);
	fclose(f);
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
	char *fast, *ref;
	size_t fastlen, reflen;
	char delim = ',', delim2 = ',';
	struct errbuf eb;
	jr_err e = read_all(data, size, false, &fast, &fastlen, &delim, &eb);
	jr_err e2 = read_all(data, size, true, &ref, &reflen, &delim2, &eb);
	CHECK(e == e2 && delim == delim2);
	if (fastlen != reflen || memcmp(fast, ref, fastlen) != 0) {
		fprintf(stderr, "fast path:\n%.*s\nlibcsv only:\n%.*s\n", (int)fastlen, fast,
			(int)reflen, ref);
		abort();
	}
	free(fast);
	free(ref);
	if (e == JR_EEOF)
		round_trip(data, size, delim);
	return 0;
}
