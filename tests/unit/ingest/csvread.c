/*
 * csvread.c - unit tests for src/ingest/csvread.c, the CSV reader and field writer.
 *
 * Most cases are rows of tables: an input and the records it must give,
 * written as one dump string ("LINE:field|field!R!T" per record, CR and LF
 * shown as \r and \n, "E:NAME" for an error).  Each row runs as its own test.
 * A generated file of 40,000 random records checks line numbers and fields
 * across the reader's internal chunk boundaries, from memory and from disk.
 * Fields near CSV_FIELD_HARD_MAX check the cap on libcsv's buffer.
 */
#include "compat.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "ingest/csvread.h"

/* A string literal and its length, NUL bytes included. */
#define S(lit) lit, sizeof(lit) - 1

/* ---- helpers ---- */

static void dump_field(FILE *f, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\r' && s[i] != '\n')
			continue;
		fwrite(s + start, 1, i - start, f);
		fputs(s[i] == '\r' ? "\\r" : "\\n", f);
		start = i + 1;
	}
	fwrite(s + start, 1, n - start, f);
}

/* Reads every record of r into a dump string (caller frees); *eb gets the last message. */
static char *dump_reader(struct csvreader *r, struct errbuf *eb)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	assert_non_null(f);
	struct csvrecord rec;
	jr_err e;
	errbuf_clear(eb);
	while ((e = csvreader_next(r, &rec, eb)) == JR_EOK) {
		fprintf(f, "%zu:", rec.line);
		for (size_t i = 0; i < rec.nfields; i++) {
			if (i)
				putc('|', f);
			/* Every field is a proper C string. */
			assert_int_equal(strlen(rec.field[i]), rec.len[i]);
			dump_field(f, rec.field[i], rec.len[i]);
		}
		fputs(rec.recoded ? "!R" : "", f);
		fputs(rec.truncated ? "!T" : "", f);
		putc('\n', f);
	}
	if (e != JR_EEOF)
		fprintf(f, "E:%s\n", jr_errname(e));
	fclose(f);
	return out;
}

/* Reads in from memory into a dump string (caller frees). */
static char *read_all_mem(const char *in, size_t len, char *delim, struct errbuf *eb)
{
	struct csvreader *r;
	jr_err e = csvreader_open_mem(in, len, &r, eb);
	if (e != JR_EOK)
		fail_msg("open failed: %s: %s", jr_errname(e), eb->msg);
	if (delim)
		*delim = csvreader_delimiter(r);
	char *d = dump_reader(r, eb);
	assert_int_equal(csvreader_offset(r), csvreader_size(r));
	csvreader_free(r);
	return d;
}

/* Writes len bytes to a new temporary file; returns its path (caller unlinks and frees). */
static char *temp_file(const char *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	char *path = NULL;
	size_t plen = 0;
	FILE *f = open_memstream(&path, &plen);
	assert_non_null(f);
	fprintf(f, "%s/jaring-csvread-XXXXXX", dir && *dir ? dir : "/tmp");
	fclose(f);
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		assert_true(n > 0);
		done += (size_t)n;
	}
	close(fd);
	return path;
}

static void assert_same_dump(const char *got, const char *want)
{
	if (strcmp(got, want) == 0)
		return;
	size_t i = 0;
	while (got[i] && got[i] == want[i])
		i++;
	size_t from = i > 80 ? i - 80 : 0;
	fail_msg("dumps differ at byte %zu\n got: ...%.160s\nwant: ...%.160s", i, got + from,
		 want + from);
}

/* ---- table: records read ---- */

struct rcase {
	const char *name;
	const char *in;
	size_t len;
	char delim;
	const char *want;
	const char *errsub;   /* a substring of the error message, or NULL */
};

static const struct rcase read_cases[] = {
	/* line ends and line numbers */
	{"lf", S("a,b\nc,d\n"), ',', "1:a|b\n2:c|d\n", NULL},
	{"crlf", S("a,b\r\nc,d\r\n"), ',', "1:a|b\n2:c|d\n", NULL},
	{"cr", S("a,b\rc,d\r"), ',', "1:a|b\n2:c|d\n", NULL},
	{"no final newline", S("a,b\nc,d"), ',', "1:a|b\n2:c|d\n", NULL},
	{"blank lines of every kind", S("a\n\n\nb\r\n\r\nc\r\rd\n"), ',',
	 "1:a\n4:b\n6:c\n8:d\n", NULL},
	{"leading blank lines", S("\n\r\n\rh\n"), ',', "4:h\n", NULL},
	{"trailing blank lines", S("h\n\n\r\n"), ',', "1:h\n", NULL},
	{"quoted LF newlines", S("h\n\"x\ny\nz\",q\nnext\n"), ',',
	 "1:h\n2:x\\ny\\nz|q\n5:next\n", NULL},
	{"quoted CRLF newlines", S("h\r\n\"x\r\ny\",q\r\nnext\r\n"), ',',
	 "1:h\n2:x\\r\\ny|q\n4:next\n", NULL},
	{"quoted CR newlines", S("h\r\"x\ry\",q\rnext\r"), ',', "1:h\n2:x\\ry|q\n4:next\n", NULL},
	{"CR before closing quote, LF after", S("\"a\r\"\nb\n"), ',', "1:a\\r\n3:b\n", NULL},
	{"newlines in a later field", S("a,\"b\n\nc\"\nd\n"), ',', "1:a|b\\n\\nc\n4:d\n", NULL},
	{"quoted newline then blank line", S("\"a\nb\"\n\nc\n"), ',', "1:a\\nb\n4:c\n", NULL},
	{"quoted record ends in CR, LF after it", S("\"a\"\r\nb\r\n\"c\"\r\n"), ',',
	 "1:a\n2:b\n3:c\n", NULL},
	{"quote late in the line", S("x,y,\"z\nw\",v\nnext\n"), ',', "1:x|y|z\\nw|v\n3:next\n",
	 NULL},
	{"quoted lines back to back", S("\"a\"\n\"b\"\nc\n"), ',', "1:a\n2:b\n3:c\n", NULL},
	{"cp1252 in quoted fields", S("\"Jos\xe9\",\"\x80\"\n"), ',',
	 "1:Jos\xc3\xa9|\xe2\x82\xac!R\n", NULL},
	/* quoting */
	{"doubled quotes", S("\"c\"\"d\",\"\"\"\"\n"), ',', "1:c\"d|\"\n", NULL},
	{"quoted delimiter", S("\"a,b\",c\n"), ',', "1:a,b|c\n", NULL},
	{"empty quoted field", S("\"\"\n"), ',', "1:\n", NULL},
	{"every field quoted", S("\"a\",\"b\"\r\n\"c\",\"\"\r\n"), ',', "1:a|b\n2:c|\n", NULL},
	{"quoted then trailing delimiter", S("\"a\",\n"), ',', "1:a|\n", NULL},
	{"quoted field ends the input", S("x,\"a,b\""), ',', "1:x|a,b\n", NULL},
	{"quote opened at the end of the input", S("x\na,\"b"), ',', "1:x\nE:PARSE\n",
	 "baris 2"},
	{"quoted field with cp1252", S("x\n\"a\xe9\"\n"), ',', "1:x\n2:a\xc3\xa9!R\n", NULL},
	{"bare quotes in unquoted field", S("Toko \"Maju\",x\n"), ',', "1:Toko \"Maju\"|x\n", NULL},
	{"stray quotes inside quoted field", S("\"Toko \"Maju\" Jaya\",x\n"), ',',
	 "1:Toko \"Maju\" Jaya|x\n", NULL},
	{"text after a quote stays quoted", S("\"ab\"cd\",e\n"), ',', "1:ab\"cd|e\n", NULL},
	{"text after last quote leaves it open", S("\"ab\"cd,e\nf\n"), ',', "E:PARSE\n",
	 "baris 1"},
	{"space before opening quote", S(" \"a\",b\n"), ',', "1: \"a\"|b\n", NULL},
	{"unterminated quote", S("a,b\n1,2\n\"3,4\n5,6\n"), ',', "1:a|b\n2:1|2\nE:PARSE\n",
	 "baris 3"},
	{"unterminated quote at the very end", S("a\n\""), ',', "1:a\nE:PARSE\n", "baris 2"},
	{"unterminated after a multi-line record", S("a\n\"b\nc\"\nx,\"y\n"), ',',
	 "1:a\n2:b\\nc\nE:PARSE\n", "baris 4"},
	/* fields */
	{"trailing empty field", S("a,b,\n"), ',', "1:a|b|\n", NULL},
	{"trailing empty field at EOF", S("a,b,"), ',', "1:a|b|\n", NULL},
	{"only delimiters", S(",,\n"), ',', "1:||\n", NULL},
	{"spaces kept", S(" a , b \n"), ',', "1: a | b \n", NULL},
	{"single column", S("nik\n123\n"), ',', "1:nik\n2:123\n", NULL},
	/* delimiters and BOM */
	{"semicolon", S("nik;nama\n1;Budi, S.E.\n"), ';', "1:nik|nama\n2:1|Budi, S.E.\n", NULL},
	{"tab", S("nik\tnama\n1\tBudi; S.E.\n"), '\t', "1:nik|nama\n2:1|Budi; S.E.\n", NULL},
	{"comma wins a tie", S("a,b;c\n"), ',', "1:a|b;c\n", NULL},
	{"semicolon beats tab in a tie", S("a;b\tc\n"), ';', "1:a|b\tc\n", NULL},
	{"quoted delimiters are not counted", S("\"a,b,c\";d;e\n"), ';', "1:a,b,c|d|e\n", NULL},
	{"delimiter from first line only", S("a;b\nc,d,e,f\n"), ';', "1:a|b\n2:c,d,e,f\n", NULL},
	{"BOM", S("\xEF\xBB\xBFnik;nama\n1;x\n"), ';', "1:nik|nama\n2:1|x\n", NULL},
	{"BOM only", S("\xEF\xBB\xBF"), ',', "", NULL},
	{"newlines only", S("\n\r\n"), ',', "", NULL},
	/* encodings */
	{"cp1252 e-acute", S("Jos\xe9,x\n"), ',', "1:Jos\xc3\xa9|x!R\n", NULL},
	{"cp1252 euro", S("\x80 100\n"), ',', "1:\xe2\x82\xac 100!R\n", NULL},
	{"cp1252 undefined bytes", S("\x81\x8d\x8f\x90\x9d\n"), ',',
	 "1:\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd!R\n", NULL},
	{"cp1252 undefined bytes among defined ones", S("a\x81\x80" "b\x9d\xe9,\"\x8f;\x90\"\n"), ',',
	 "1:a\xef\xbf\xbd\xe2\x82\xac" "b\xef\xbf\xbd\xc3\xa9|\xef\xbf\xbd;\xef\xbf\xbd!R\n", NULL},
	{"cp1252 punctuation", S("\x93hi\x94 \x96 \x85\n"), ',',
	 "1:\xe2\x80\x9chi\xe2\x80\x9d \xe2\x80\x93 \xe2\x80\xa6!R\n", NULL},
	{"cp1252 recoded per field", S("\xe9,\xc3\xa9\n"), ',', "1:\xc3\xa9|\xc3\xa9!R\n", NULL},
	{"cp1252 flag per record", S("\xe9\nplain\n"), ',', "1:\xc3\xa9!R\n2:plain\n", NULL},
	{"valid UTF-8 kept", S("Jos\xc3\xa9,\xe2\x82\xac,\xf0\x9f\x98\x80\n"), ',',
	 "1:Jos\xc3\xa9|\xe2\x82\xac|\xf0\x9f\x98\x80\n", NULL},
	{"U+10FFFF kept", S("\xf4\x8f\xbf\xbf\n"), ',', "1:\xf4\x8f\xbf\xbf\n", NULL},
	{"overlong 2-byte", S("\xc0\xaf\n"), ',', "1:\xc3\x80\xc2\xaf!R\n", NULL},
	{"overlong 3-byte", S("\xe0\x80\xaf\n"), ',', "1:\xc3\xa0\xe2\x82\xac\xc2\xaf!R\n", NULL},
	{"surrogate", S("\xed\xa0\x80\n"), ',', "1:\xc3\xad\xc2\xa0\xe2\x82\xac!R\n", NULL},
	{"above U+10FFFF", S("\xf4\x90\x80\x80\n"), ',',
	 "1:\xc3\xb4\xef\xbf\xbd\xe2\x82\xac\xe2\x82\xac!R\n", NULL},
	{"F5 lead byte", S("\xf5\x80\x80\x80\n"), ',',
	 "1:\xc3\xb5\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac!R\n", NULL},
	{"cut sequence", S("ab\xe2\x82\n"), ',', "1:ab\xc3\xa2\xe2\x80\x9a!R\n", NULL},
	{"lone continuation byte", S("\xa9\n"), ',', "1:\xc2\xa9!R\n", NULL},
};

static void test_read_case(void **state)
{
	const struct rcase *c = *state;
	struct errbuf eb;
	char delim = 0;
	char *got = read_all_mem(c->in, c->len, &delim, &eb);
	assert_same_dump(got, c->want);
	assert_int_equal(delim, c->delim);
	if (c->errsub && !strstr(eb.msg, c->errsub))
		fail_msg("message '%s' lacks '%s'", eb.msg, c->errsub);
	free(got);
}

/* ---- table: inputs refused at open ---- */

struct ocase {
	const char *name;
	const char *in;
	size_t len;
	const char *msgsub;
};

static const struct ocase open_cases[] = {
	{"empty", S(""), "berkas kosong (0 byte)"},
	{"NUL byte", S("a,b\n\0\n"), "berkas biner, bukan teks CSV"},
	{"ZIP/XLSX", S("PK\x03\x04\x14\0\x06\0"), "berkas XLSX/ZIP; simpan sebagai CSV"},
	{"PDF", S("%PDF-1.7\n%\xe2\xe3\n"), "PDF"},
	{"old XLS", S("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "XLS"},
	{"UTF-16LE BOM", S("\xff\xfen\0i\0k\0"), "berkas UTF-16; simpan sebagai CSV UTF-8"},
	{"UTF-16BE BOM", S("\xfe\xff\0n\0i\0k"), "berkas UTF-16"},
	{"UTF-16LE without BOM", S("n\0i\0k\0,\0"), "berkas UTF-16"},
};

static void test_open_case(void **state)
{
	const struct ocase *c = *state;
	struct errbuf eb;
	struct csvreader *r = (struct csvreader *)&eb; /* must be reset to NULL */
	assert_int_equal(csvreader_open_mem(c->in, c->len, &r, &eb), JR_EPARSE);
	assert_null(r);
	if (!strstr(eb.msg, c->msgsub))
		fail_msg("message '%s' lacks '%s'", eb.msg, c->msgsub);

	/* The same from disk. */
	char *path = temp_file(c->in, c->len);
	eb.msg[0] = '\0';
	assert_int_equal(csvreader_open(path, &r, &eb), JR_EPARSE);
	assert_null(r);
	if (!strstr(eb.msg, c->msgsub))
		fail_msg("file: message '%s' lacks '%s'", eb.msg, c->msgsub);
	unlink(path);
	free(path);
}

/* ---- table: csvout_field ---- */

struct wcase {
	const char *in;
	char delim;
	const char *want;
};

static const struct wcase write_cases[] = {
	{"abc", ',', "abc"},
	{"", ',', ""},
	{"a b", ',', "a b"},
	{"a,b", ',', "\"a,b\""},
	{"a;b", ';', "\"a;b\""},
	{"a\tb", '\t', "\"a\tb\""},
	{"a,b", ';', "\"a,b\""},       /* any candidate delimiter, for re-detection */
	{"a;b", ',', "\"a;b\""},
	{"a\"b", ',', "\"a\"\"b\""},
	{"\"", ',', "\"\"\"\""},
	{"Toko \"Maju\"", ';', "\"Toko \"\"Maju\"\"\""},
	{"a\nb", ',', "\"a\nb\""},
	{"a\rb", ',', "\"a\rb\""},
	{" a", ',', "\" a\""},
	{"a ", ',', "\"a \""},
	{"Jos\xc3\xa9", ',', "Jos\xc3\xa9"},
};

static void test_csvout_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(write_cases); i++) {
		const struct wcase *c = &write_cases[i];
		char *out = NULL;
		size_t outlen = 0;
		FILE *f = open_memstream(&out, &outlen);
		assert_non_null(f);
		assert_true(csvout_field(f, c->in, strlen(c->in), c->delim));
		fclose(f);
		if (strcmp(out, c->want) != 0)
			fail_msg("case %zu: got [%s] want [%s]", i, out, c->want);
		free(out);
	}
}

static void test_csvout_write_error(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/null", "r");
	assert_non_null(f);
	setvbuf(f, NULL, _IONBF, 0);
	assert_false(csvout_field(f, "abc", 3, ','));
	assert_false(csvout_field(f, "a,b", 3, ','));
	fclose(f);
}

/* Fields written with csvout_field come back identical, with every delimiter. */
static void test_round_trip(void **state)
{
	(void)state;
	static const char *const vals[] = {
		"plain", "", " lead", "trail ", "a,b", "a;b", "a\tb", "say \"hi\"", "multi\nline",
		"cr\rx", "crlf\r\nx", "Jos\xc3\xa9", "\"", "\"\"", "\n", ",", "x\"", "  ",
	};
	static const char delims[] = {',', ';', '\t'};
	for (size_t d = 0; d < ARRAY_SIZE(delims); d++) {
		char *out = NULL;
		size_t outlen = 0;
		FILE *f = open_memstream(&out, &outlen);
		assert_non_null(f);
		/* Record k holds vals[k..] then vals[..k), so every value is first once. */
		size_t n = ARRAY_SIZE(vals);
		for (size_t k = 0; k < n; k++) {
			for (size_t i = 0; i < n; i++) {
				const char *v = vals[(k + i) % n];
				if (i)
					putc(delims[d], f);
				assert_true(csvout_field(f, v, strlen(v), delims[d]));
			}
			fputs(k % 2 ? "\r\n" : "\n", f);
		}
		fclose(f);

		struct csvreader *r;
		struct errbuf eb;
		assert_int_equal(csvreader_open_mem(out, outlen, &r, &eb), JR_EOK);
		assert_int_equal(csvreader_delimiter(r), delims[d]);
		struct csvrecord rec;
		for (size_t k = 0; k < n; k++) {
			assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
			assert_int_equal(rec.nfields, n);
			assert_false(rec.recoded);
			for (size_t i = 0; i < n; i++) {
				const char *v = vals[(k + i) % n];
				assert_int_equal(rec.len[i], strlen(v));
				assert_memory_equal(rec.field[i], v, rec.len[i]);
			}
		}
		assert_int_equal(csvreader_next(r, &rec, &eb), JR_EEOF);
		csvreader_free(r);
		free(out);
	}
}

/* ---- sizes and caps ---- */

/* Builds "h\n" + body + "\nnext\n" and reads it; returns the reader positioned after h. */
static struct csvreader *open_body(const char *body, size_t blen, char **buf)
{
	size_t n = 2 + blen + 6;
	char *b = malloc(n);
	assert_non_null(b);
	memcpy(b, "h\n", 2);
	memcpy(b + 2, body, blen);
	memcpy(b + 2 + blen, "\nnext\n", 6);
	struct csvreader *r;
	struct errbuf eb;
	assert_int_equal(csvreader_open_mem(b, n, &r, &eb), JR_EOK);
	struct csvrecord rec;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_string_equal(rec.field[0], "h");
	*buf = b;
	return r;
}

static void assert_next_line(struct csvreader *r, size_t line)
{
	struct csvrecord rec;
	struct errbuf eb;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.line, line);
	assert_string_equal(rec.field[0], "next");
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EEOF);
}

static void test_field_10000_whole(void **state)
{
	(void)state;
	/* A quoted 10,000-character field holding delimiters and quotes. */
	char *body = malloc(10000 * 2 + 2);
	assert_non_null(body);
	size_t n = 0;
	body[n++] = '"';
	for (size_t i = 0; i < 10000; i++) {
		char c = "ab,c\"d"[i % 6];
		body[n++] = c;
		if (c == '"')
			body[n++] = '"';
	}
	body[n++] = '"';
	char *buf;
	struct csvreader *r = open_body(body, n, &buf);
	struct csvrecord rec;
	struct errbuf eb;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.nfields, 1);
	assert_int_equal(rec.len[0], 10000);
	assert_false(rec.truncated);
	for (size_t i = 0; i < 10000; i++)
		assert_int_equal(rec.field[0][i], "ab,c\"d"[i % 6]);
	assert_next_line(r, 3);
	csvreader_free(r);
	free(buf);
	free(body);
}

static void test_field_at_and_over_cap(void **state)
{
	(void)state;
	static const size_t sizes[] = {CSV_FIELD_MAX, CSV_FIELD_MAX + 1, 3 * CSV_FIELD_MAX};
	for (size_t k = 0; k < ARRAY_SIZE(sizes); k++) {
		size_t n = sizes[k];
		char *body = malloc(n + 3);
		assert_non_null(body);
		memset(body, 'x', n);
		memcpy(body + n, ",y", 2);
		char *buf;
		struct csvreader *r = open_body(body, n + 2, &buf);
		struct csvrecord rec;
		struct errbuf eb;
		assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
		assert_int_equal(rec.nfields, 2);
		assert_int_equal(rec.len[0], n > CSV_FIELD_MAX ? CSV_FIELD_MAX : n);
		assert_int_equal(rec.truncated, n > CSV_FIELD_MAX);
		assert_string_equal(rec.field[1], "y");
		assert_next_line(r, 3);
		csvreader_free(r);
		free(buf);
		free(body);
	}
}

/* The cut never splits a UTF-8 sequence. */
static void test_cap_utf8_boundary(void **state)
{
	(void)state;
	size_t n = 1 + CSV_FIELD_MAX;   /* "a" then é, so the cap falls inside an é */
	char *body = malloc(n);
	assert_non_null(body);
	body[0] = 'a';
	for (size_t i = 1; i < n; i += 2)
		memcpy(body + i, "\xc3\xa9", 2);
	char *buf;
	struct csvreader *r = open_body(body, n, &buf);
	struct csvrecord rec;
	struct errbuf eb;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_true(rec.truncated);
	assert_false(rec.recoded);
	assert_int_equal(rec.len[0], CSV_FIELD_MAX - 1);
	assert_memory_equal(rec.field[0], body, CSV_FIELD_MAX - 1);
	assert_next_line(r, 3);
	csvreader_free(r);
	free(buf);
	free(body);
}

/* Windows-1252 grows when decoded; the decoded text is what the cap measures. */
static void test_cap_after_recoding(void **state)
{
	(void)state;
	size_t n = CSV_FIELD_MAX - 1;   /* fits raw, twice the cap decoded */
	char *body = malloc(n);
	assert_non_null(body);
	memset(body, 0xe9, n);
	char *buf;
	struct csvreader *r = open_body(body, n, &buf);
	struct csvrecord rec;
	struct errbuf eb;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_true(rec.truncated);
	assert_true(rec.recoded);
	assert_int_equal(rec.len[0], CSV_FIELD_MAX);
	for (size_t i = 0; i < rec.len[0]; i += 2)
		assert_memory_equal(rec.field[0] + i, "\xc3\xa9", 2);
	assert_next_line(r, 3);
	csvreader_free(r);
	free(buf);
	free(body);
}

/*
 * A quoted field of several megabytes full of line breaks: cut at the cap,
 * and the lines inside it still counted for the record after it.
 */
static void test_huge_quoted_field(void **state)
{
	(void)state;
	size_t n = 5 * 1024 * 1024;
	char *body = malloc(n + 2048);
	assert_non_null(body);
	size_t len = 0, breaks = 0;
	body[len++] = '"';
	while (len < n) {
		memset(body + len, 'q', 997);
		len += 997;
		static const char *const nl[] = {"\n", "\r\n", "\r"};
		const char *e = nl[breaks % 3];
		memcpy(body + len, e, strlen(e));
		len += strlen(e);
		breaks++;
	}
	memcpy(body + len, "\",\"tail\"", 8);
	len += 8;
	char *buf;
	struct csvreader *r = open_body(body, len, &buf);
	struct csvrecord rec;
	struct errbuf eb;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.line, 2);
	assert_int_equal(rec.nfields, 2);
	assert_true(rec.truncated);
	assert_int_equal(rec.len[0], CSV_FIELD_MAX);
	assert_memory_equal(rec.field[0], body + 1, CSV_FIELD_MAX);
	assert_string_equal(rec.field[1], "tail");
	assert_next_line(r, 2 + breaks + 1);
	csvreader_free(r);
	free(buf);
	free(body);
}

/* Every byte 0x80..0xFF alone in a field, against the Windows-1252 code chart. */
static void test_cp1252_all_bytes(void **state)
{
	(void)state;
	static const uint16_t c1[32] = {
		0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
		0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
	};
	char in[2 * 128];
	for (size_t i = 0; i < 128; i++) {
		in[2 * i] = (char)(0x80 + i);
		in[2 * i + 1] = i + 1 < 128 ? ',' : '\n';
	}
	struct csvreader *r;
	struct errbuf eb;
	assert_int_equal(csvreader_open_mem(in, sizeof(in), &r, &eb), JR_EOK);
	struct csvrecord rec;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.nfields, 128);
	assert_true(rec.recoded);
	for (size_t i = 0; i < 128; i++) {
		unsigned cp = i < 32 ? c1[i] : (unsigned)(0x80 + i);
		char want[4];
		if (cp < 0x800) {
			want[0] = (char)(0xC0 | cp >> 6);
			want[1] = (char)(0x80 | (cp & 0x3F));
			want[2] = '\0';
		} else {
			want[0] = (char)(0xE0 | cp >> 12);
			want[1] = (char)(0x80 | (cp >> 6 & 0x3F));
			want[2] = (char)(0x80 | (cp & 0x3F));
			want[3] = '\0';
		}
		if (strcmp(rec.field[i], want) != 0)
			fail_msg("byte 0x%02zx: got %s want U+%04X", 0x80 + i, rec.field[i], cp);
	}
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EEOF);
	csvreader_free(r);
}

/*
 * "h\n" + "a,b\n" + a record on lines 3-4 + "c," + a field of n bytes (quoted
 * or not, holding line breaks) on line 5, then "\nnext\n" unless at_end.
 */
static char *hard_cap_input(size_t n, bool quoted, bool at_end, size_t *len)
{
	static const char head[] = "h\na,b\n\"x\ny\",z\nc,";
	size_t cap = sizeof(head) + n + 16;
	char *b = malloc(cap);
	assert_non_null(b);
	size_t k = sizeof(head) - 1;
	memcpy(b, head, k);
	if (quoted)
		b[k++] = '"';
	memset(b + k, 'q', n);
	if (quoted)
		for (size_t i = 4096; i < n; i += 4096)
			b[k + i] = '\n';
	k += n;
	if (quoted)
		b[k++] = '"';
	if (!at_end) {
		memcpy(b + k, "\nnext\n", 6);
		k += 6;
	}
	*len = k;
	return b;
}

/* Reads the three records before line 5. */
static void assert_hard_cap_head(struct csvreader *r)
{
	struct csvrecord rec;
	struct errbuf eb;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.line, 1);
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.line, 2);
	assert_string_equal(rec.field[1], "b");
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.line, 3);
	assert_string_equal(rec.field[0], "x\ny");
}

/*
 * A field of CSV_FIELD_HARD_MAX bytes is still read (cut); one byte more is
 * an error naming the record's line, after the records before it, whether the
 * field is quoted or not and whether the input ends right after it.
 */
static void test_field_hard_cap(void **state)
{
	(void)state;
	for (int v = 0; v < 8; v++) {
		bool quoted = v & 1, at_end = v & 2, over = v & 4;
		size_t n = CSV_FIELD_HARD_MAX + (over ? 1 : 0), len;
		char *b = hard_cap_input(n, quoted, at_end, &len);
		struct csvreader *r;
		struct errbuf eb;
		assert_int_equal(csvreader_open_mem(b, len, &r, &eb), JR_EOK);
		assert_hard_cap_head(r);
		struct csvrecord rec;
		if (over) {
			assert_int_equal(csvreader_next(r, &rec, &eb), JR_EPARSE);
			assert_string_equal(eb.msg, "baris 5: isian lebih dari 16 MiB");
			eb.msg[0] = '\0';
			assert_int_equal(csvreader_next(r, &rec, &eb), JR_EPARSE);
			assert_string_equal(eb.msg, "baris 5: isian lebih dari 16 MiB");
		} else {
			assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
			assert_int_equal(rec.line, 5);
			assert_int_equal(rec.nfields, 2);
			assert_string_equal(rec.field[0], "c");
			assert_int_equal(rec.len[1], CSV_FIELD_MAX);
			assert_true(rec.truncated);
			if (!at_end) {
				assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
				assert_int_equal(rec.line, quoted ? 6 + (n - 1) / 4096 : 6);
				assert_string_equal(rec.field[0], "next");
			}
			assert_int_equal(csvreader_next(r, &rec, &eb), JR_EEOF);
		}
		csvreader_free(r);
		free(b);
	}
}

/* A quote left open early in a big file: the hard cap stops it, read from disk. */
static void test_hard_cap_unclosed_quote_file(void **state)
{
	(void)state;
	size_t n = CSV_FIELD_HARD_MAX + 4 * 1024 * 1024, len;
	char *b = hard_cap_input(n, false, false, &len);
	/* Open a quote in the field on line 5, then rows with no quote at all. */
	size_t at = sizeof("h\na,b\n\"x\ny\",z\nc,") - 1;
	b[at] = '"';
	for (size_t i = at + 100; i < len - 6; i += 100)
		b[i] = '\n';
	char *path = temp_file(b, len);
	struct csvreader *r;
	struct errbuf eb;
	assert_int_equal(csvreader_open(path, &r, &eb), JR_EOK);
	assert_hard_cap_head(r);
	struct csvrecord rec;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EPARSE);
	assert_string_equal(eb.msg, "baris 5: isian lebih dari 16 MiB");
	assert_true(csvreader_offset(r) < csvreader_size(r));
	csvreader_free(r);
	unlink(path);
	free(path);
	free(b);
}

static void test_field_count_cap(void **state)
{
	(void)state;
	static const size_t counts[] = {CSV_FIELDS_MAX, CSV_FIELDS_MAX + 1, 1000};
	for (size_t k = 0; k < ARRAY_SIZE(counts); k++) {
		char *body = NULL;
		size_t blen = 0;
		FILE *f = open_memstream(&body, &blen);
		assert_non_null(f);
		for (size_t i = 1; i <= counts[k]; i++)
			fprintf(f, i > 1 ? ",%zu" : "%zu", i);
		fclose(f);
		char *buf;
		struct csvreader *r = open_body(body, blen, &buf);
		struct csvrecord rec;
		struct errbuf eb;
		assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
		assert_int_equal(rec.nfields, CSV_FIELDS_MAX);
		assert_int_equal(rec.truncated, counts[k] > CSV_FIELDS_MAX);
		assert_string_equal(rec.field[CSV_FIELDS_MAX - 1], "256");
		assert_next_line(r, 3);
		csvreader_free(r);
		free(buf);
		free(body);
	}
}

/* NUL bytes past the first 64 KiB are not refused: they become U+FFFD. */
static void test_late_nul(void **state)
{
	(void)state;
	size_t lines = 40000;
	static const char tail[] = "x\0y\n\"p\0q\"\n\x81\0\x80\x8d\0\0z\xe9\n";
	size_t n = 2 * lines + sizeof(tail) - 1;
	char *b = malloc(n);
	assert_non_null(b);
	for (size_t i = 0; i < lines; i++)
		memcpy(b + 2 * i, "a\n", 2);
	memcpy(b + 2 * lines, tail, sizeof(tail) - 1);
	struct csvreader *r;
	struct errbuf eb;
	assert_int_equal(csvreader_open_mem(b, n, &r, &eb), JR_EOK);
	struct csvrecord rec;
	for (size_t i = 0; i < lines; i++)
		assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.line, lines + 1);
	assert_string_equal(rec.field[0], "x\xef\xbf\xbdy");
	assert_true(rec.recoded);
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.line, lines + 2);
	assert_string_equal(rec.field[0], "p\xef\xbf\xbdq");
	assert_true(rec.recoded);
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(rec.line, lines + 3);
	/* NUL and undefined bytes next to each other, and Windows-1252 around them. */
	assert_string_equal(rec.field[0], "\xef\xbf\xbd\xef\xbf\xbd\xe2\x82\xac\xef\xbf\xbd"
					  "\xef\xbf\xbd\xef\xbf\xbdz\xc3\xa9");
	assert_true(rec.recoded);
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EEOF);
	csvreader_free(r);
	free(b);
}

/* After an unclosed quote the error is repeated, not turned into a quiet end. */
static void test_error_is_sticky(void **state)
{
	(void)state;
	struct csvreader *r;
	struct errbuf eb;
	static const char in[] = "a\n\"b\n";
	assert_int_equal(csvreader_open_mem(in, sizeof(in) - 1, &r, &eb), JR_EOK);
	struct csvrecord rec;
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EOK);
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EPARSE);
	assert_non_null(strstr(eb.msg, "baris 2"));
	eb.msg[0] = '\0';
	assert_int_equal(csvreader_next(r, &rec, &eb), JR_EPARSE);
	assert_non_null(strstr(eb.msg, "baris 2"));
	csvreader_free(r);
}

/* ---- files ---- */

static void test_file_on_disk(void **state)
{
	(void)state;
	static const char in[] = "\xEF\xBB\xBFnik;nama\r\n3375010510640001;Jos\xe9\r\n\r\n"
				 "3375010510640002;\"Budi\r\nS.\"\r\nx;y";
	char *path = temp_file(in, sizeof(in) - 1);
	struct csvreader *r;
	struct errbuf eb;
	assert_int_equal(csvreader_open(path, &r, &eb), JR_EOK);
	assert_int_equal(csvreader_delimiter(r), ';');
	assert_int_equal(csvreader_size(r), sizeof(in) - 1);
	char *got = dump_reader(r, &eb);
	assert_same_dump(got, "1:nik|nama\n2:3375010510640001|Jos\xc3\xa9!R\n"
			      "4:3375010510640002|Budi\\r\\nS.\n6:x|y\n");
	assert_int_equal(csvreader_offset(r), sizeof(in) - 1);
	free(got);
	csvreader_free(r);
	unlink(path);
	free(path);
}

static void test_missing_file(void **state)
{
	(void)state;
	struct csvreader *r = (struct csvreader *)state;
	struct errbuf eb;
	assert_int_equal(csvreader_open("/nonexistent/jaring/x.csv", &r, &eb), JR_EIO);
	assert_null(r);
	assert_non_null(strstr(eb.msg, "/nonexistent/jaring/x.csv"));
	assert_non_null(strstr(eb.msg, strerror(ENOENT)));
}

static void test_directory(void **state)
{
	(void)state;
	struct csvreader *r;
	struct errbuf eb;
	assert_int_equal(csvreader_open("/", &r, &eb), JR_EIO);
	assert_null(r);
	assert_non_null(strstr(eb.msg, strerror(EISDIR)));
}

/* ---- generated files: line numbers and fields across chunk boundaries ---- */

struct gen {
	FILE *text;       /* the CSV */
	FILE *want;       /* its expected dump */
	size_t line;      /* editor line of the next byte */
	bool prev_cr;
	uint64_t rng;
};

static uint32_t gen_rand(struct gen *g, uint32_t n)
{
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 7;
	g->rng ^= g->rng << 17;
	return (uint32_t)(g->rng >> 32) % n;
}

/* Appends raw CSV text, counting lines the way an editor does. */
static void emit(struct gen *g, const char *s, size_t n)
{
	fwrite(s, 1, n, g->text);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' && !g->prev_cr)
			g->line++;
		else if (s[i] == '\r')
			g->line++;
		g->prev_cr = s[i] == '\r';
	}
}

static void emits(struct gen *g, const char *s)
{
	emit(g, s, strlen(s));
}

static const char *gen_newline(struct gen *g)
{
	static const char *const nl[] = {"\n", "\r\n", "\r"};
	return nl[gen_rand(g, 3)];
}

/* One field: its raw text into g->text, its dump form into g->want.  True if recoded. */
static bool gen_field(struct gen *g, char delim, bool alone)
{
	char d[2] = {delim, '\0'};
	unsigned kind = gen_rand(g, 10);
	if (alone && kind == 1)
		kind = 0;   /* a lone empty field would be a blank line */
	switch (kind) {
	case 0: {
		char w[32];
		snprintf(w, sizeof(w), "w%" PRIu32, gen_rand(g, 100000));
		emits(g, w);
		fputs(w, g->want);
		return false;
	}
	case 1:
		return false;
	case 2:
		emits(g, " sp ");
		fputs(" sp ", g->want);
		return false;
	case 3:
		emits(g, "\"x");
		emits(g, d);
		emits(g, "y\"");
		fprintf(g->want, "x%sy", d);
		return false;
	case 4:
		emits(g, "\"say \"\"hi\"\"\"");
		fputs("say \"hi\"", g->want);
		return false;
	case 5: {
		emits(g, "\"l");
		fputs("l", g->want);
		for (uint32_t k = gen_rand(g, 3) + 1; k > 0; k--) {
			const char *nl = gen_newline(g);
			emits(g, nl);
			emits(g, "m");
			dump_field(g->want, nl, strlen(nl));
			fputs("m", g->want);
		}
		emits(g, "\"");
		return false;
	}
	case 6:
		emits(g, "Jos\xc3\xa9");
		fputs("Jos\xc3\xa9", g->want);
		return false;
	case 7:
		emits(g, "Jos\xe9");
		fputs("Jos\xc3\xa9", g->want);
		return true;
	case 8:
		emits(g, "Toko \"M\"");
		fputs("Toko \"M\"", g->want);
		return false;
	default: {
		char z[400];
		size_t n = 50 + gen_rand(g, sizeof(z) - 50);
		memset(z, 'z', n);
		emit(g, z, n);
		fwrite(z, 1, n, g->want);
		return false;
	}
	}
}

static void gen_file(char delim, uint64_t seed, size_t nrec, char **text, size_t *tlen,
		     char **want)
{
	size_t wlen;
	struct gen g = {.line = 1, .rng = seed};
	g.text = open_memstream(text, tlen);
	g.want = open_memstream(want, &wlen);
	assert_true(g.text && g.want);
	char hdr[16];
	snprintf(hdr, sizeof(hdr), "a%cb%cc", delim, delim);
	emits(&g, hdr);
	fputs("1:a|b|c\n", g.want);
	emits(&g, "\n");
	for (size_t i = 0; i < nrec; i++) {
		fprintf(g.want, "%zu:", g.line);
		uint32_t nf = 1 + gen_rand(&g, 5);
		bool recoded = false;
		for (uint32_t k = 0; k < nf; k++) {
			if (k) {
				emit(&g, &delim, 1);
				putc('|', g.want);
			}
			recoded |= gen_field(&g, delim, nf == 1);
		}
		fputs(recoded ? "!R\n" : "\n", g.want);
		if (i + 1 == nrec && gen_rand(&g, 2))
			break;   /* no newline after the last record */
		emits(&g, gen_newline(&g));
		if (gen_rand(&g, 10) == 0)
			for (uint32_t k = gen_rand(&g, 3) + 1; k > 0; k--)
				emits(&g, gen_newline(&g));
	}
	fclose(g.text);
	fclose(g.want);
}

static void test_generated(void **state)
{
	(void)state;
	static const char delims[] = {',', ';', '\t'};
	for (size_t d = 0; d < ARRAY_SIZE(delims); d++) {
		char *text, *want;
		size_t tlen;
		gen_file(delims[d], 0x9E3779B97F4A7C15ull + d, 40000, &text, &tlen, &want);
		assert_true(tlen > 2 * 1024 * 1024); /* more than two read chunks */

		struct errbuf eb;
		char delim;
		char *got = read_all_mem(text, tlen, &delim, &eb);
		assert_int_equal(delim, delims[d]);
		assert_same_dump(got, want);
		free(got);

		char *path = temp_file(text, tlen);
		struct csvreader *r;
		assert_int_equal(csvreader_open(path, &r, &eb), JR_EOK);
		got = dump_reader(r, &eb);
		assert_same_dump(got, want);
		assert_int_equal(csvreader_offset(r), tlen);
		assert_int_equal(csvreader_size(r), tlen);
		csvreader_free(r);
		unlink(path);
		free(path);
		free(got);
		free(text);
		free(want);
	}
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_csvout_table),
		cmocka_unit_test(test_csvout_write_error),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_field_10000_whole),
		cmocka_unit_test(test_field_at_and_over_cap),
		cmocka_unit_test(test_cap_utf8_boundary),
		cmocka_unit_test(test_cap_after_recoding),
		cmocka_unit_test(test_huge_quoted_field),
		cmocka_unit_test(test_cp1252_all_bytes),
		cmocka_unit_test(test_field_hard_cap),
		cmocka_unit_test(test_hard_cap_unclosed_quote_file),
		cmocka_unit_test(test_field_count_cap),
		cmocka_unit_test(test_late_nul),
		cmocka_unit_test(test_error_is_sticky),
		cmocka_unit_test(test_file_on_disk),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_generated),
	};
	enum { NREAD = ARRAY_SIZE(read_cases), NOPEN = ARRAY_SIZE(open_cases) };
	static struct CMUnitTest tests[NREAD + NOPEN + ARRAY_SIZE(fixed)];
	size_t n = 0;
	for (size_t i = 0; i < NREAD; i++)
		tests[n++] = (struct CMUnitTest){read_cases[i].name, test_read_case, NULL, NULL,
						 (void *)&read_cases[i]};
	for (size_t i = 0; i < NOPEN; i++)
		tests[n++] = (struct CMUnitTest){open_cases[i].name, test_open_case, NULL, NULL,
						 (void *)&open_cases[i]};
	for (size_t i = 0; i < ARRAY_SIZE(fixed); i++)
		tests[n++] = fixed[i];
	return _cmocka_run_group_tests("ingest/csvread", tests, n, NULL, NULL);
}
