/*
 * csvread.c - the CSV reader: libcsv underneath, a pull API on top (see csvread.h).
 *
 * Parsers push fields and record ends; csvreader_next pulls.  Between the two
 * sits a queue: each refill parses one slice of input (64 KiB), put_field()
 * decodes every field into one arena and end_record() notes where records lie,
 * and csvreader_next hands the completed records out one by one.  When the
 * queue is empty the arena is rewound, so in steady state nothing is
 * allocated.  A slice rather than the whole 1 MiB read buffer keeps the queue
 * small enough to stay in cache.
 *
 * Two parsers feed the queue.  A simple line, whose fields hold no quote or
 * are quoted whole with no quote or line break inside (simple_line()), is
 * split at the delimiter by split_line(): that is all libcsv would do with
 * it, and libcsv's per-byte state machine was two thirds of the reading time
 * (about 150 MB/s alone).  Any other line goes to libcsv, which keeps every
 * line after it until it ends a record exactly where its input ends.
 * csvreader_libcsv_only() sends everything to libcsv; the tests and the
 * fuzzer check that both ways give the same records.
 *
 * libcsv runs with CSV_STRICT only so that CSV_STRICT_FINI can tell us about a
 * quote left open at the end of the file; every other strict complaint (a
 * quote inside an unquoted field, text after a quote inside a quoted one) is
 * answered by re-feeding that one byte in lenient mode, which keeps the quote
 * as text.  CSV_REPALL_NL makes libcsv report line ends outside records too,
 * which is how blank lines are counted; a space function that says "no" keeps
 * leading and trailing spaces.
 *
 * One function, bound_field(), reaches into struct csv_parser (public in
 * csv.h, libcsv 3.0.x) to cap the entry buffer of an over-long field:
 * libcsv itself would buffer a 100 MB quoted field whole.
 */
#include "compat.h"

#include <csv.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "ingest/csvread.h"

/* Bytes read from a file per read() call. */
#define READ_CHUNK (1024 * 1024)
/* Bytes parsed per refill, at most.  Fuzzing builds may shrink it to hit its edges. */
#ifndef FEED_SLICE
#define FEED_SLICE (64 * 1024)
#endif
/* How much of the start is checked for NUL bytes (binary files). */
#define SNIFF_LEN (64 * 1024)
/*
 * Raw bytes of an over-long field that stay in libcsv's buffer.  Anything
 * beyond CSV_FIELD_MAX is cut anyway; the few extra bytes let utf8_floor()
 * look at the byte at the cut.
 */
#define FIELD_KEEP (CSV_FIELD_MAX + 8)
/*
 * A line longer than this with no end in sight is handed to libcsv, which
 * buffers (and bound_field() bounds) it, instead of waiting for its end.
 */
#define LONG_LINE (FEED_SLICE / 2)

#define PARSER_OPTS (CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)

/* One queued record: its fields are fields[first .. first + n). */
struct qrec {
	size_t line;
	size_t first;
	size_t n;
	bool recoded;
	bool truncated;
};

/* One queued field: arena[off .. off + len), NUL-terminated. */
struct qfield {
	size_t off;
	size_t len;
};

struct csvreader {
	struct csv_parser p;

	/* Input: the caller's buffer, or rbuf refilled from fd. */
	int fd;                      /* -1 for a memory reader */
	const unsigned char *data;
	size_t datalen;
	size_t pos;                  /* next byte of data to parse */
	unsigned char *rbuf;
	bool input_eof;              /* read() said end of file (memory: always) */
	size_t offset;               /* bytes consumed over the whole input */
	size_t size;

	char delim;
	bool in_libcsv;              /* libcsv is inside a record: it gets the next line */
	bool libcsv_only;            /* csvreader_libcsv_only() was called */
	size_t nends;                /* end_record() calls, to see whether libcsv ended one */
	bool done;                   /* csv_fini has run */
	jr_err err;                  /* sticky failure, reported once the queue is empty */
	char errmsg[sizeof(((struct errbuf *)0)->msg)];
	bool nomem;                  /* an allocation in a callback failed */

	/* Line accounting. */
	size_t line;                 /* line of the next record's first byte */
	bool prev_cr;                /* the last line end seen was a CR */

	/* The field libcsv is collecting, when bound_field() had to cut it. */
	bool fcut;
	bool fcr;
	size_t fbreaks;

	/* The record being assembled. */
	size_t cur_first;
	size_t cur_n;                /* fields kept */
	size_t cur_seen;             /* fields seen, kept or dropped */
	size_t cur_breaks;           /* line breaks inside its quoted fields */
	bool cur_recoded;
	bool cur_truncated;

	/* The queue. */
	struct qrec *recs;
	size_t nrecs, caprecs, qhead;
	struct qfield *fields;
	size_t nfields, capfields;
	char *arena;
	size_t alen, acap;

	/* What the current csvrecord points at. */
	char *ptrs[CSV_FIELDS_MAX];
	size_t lens[CSV_FIELDS_MAX];
};

/*
 * Windows-1252 bytes 0x80..0x9F as code points.  The five bytes the code page
 * leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) become U+FFFD rather than the
 * C1 controls Windows maps them to: an invisible control character in a name
 * would make it silently differ from the same name typed by hand, while
 * U+FFFD is visible and validators can reject it.
 */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* ---- growth helpers ---- */

/* Grows *p (of *cap elements of size sz) to hold at least need; false on overflow or OOM. */
static bool grow(void **p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return true;
	size_t ncap = *cap ? *cap : 64;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return false;
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / sz)
		return false;
	void *np = realloc(*p, ncap * sz);
	if (!np)
		return false;
	*p = np;
	*cap = ncap;
	return true;
}

/* ---- bytes and text ---- */

#define SCAN_HIGH 1u  /* a byte >= 0x80 */
#define SCAN_CTL 2u   /* a byte < 0x0E: maybe NUL, CR or LF */
#define SCAN_NUL 4u   /* a NUL byte */
#define SCAN_QUOTE 8u /* scan_line() stopped at a quote */

/* One cheap pass that tells whether the careful passes are needed at all. */
static unsigned scan(const unsigned char *s, size_t n)
{
	unsigned hi = 0, ctl = 0;
	for (size_t i = 0; i < n; i++) {
		hi |= s[i];
		ctl |= s[i] < 0x0e;
	}
	return ((hi & 0x80) ? SCAN_HIGH : 0) | (ctl ? SCAN_CTL : 0);
}

/*
 * Counts line breaks the way an editor does: CR LF, lone CR and lone LF are
 * one each.  *cr carries "the previous byte was CR" across calls.
 */
static size_t count_breaks(const unsigned char *s, size_t n, bool *cr)
{
	size_t k = 0;
	bool prev = *cr;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '\n') {
			k += !prev;
			prev = false;
		} else if (c == '\r') {
			k++;
			prev = true;
		} else {
			prev = false;
		}
	}
	*cr = prev;
	return k;
}

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF, and no NUL. */
static bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			if (c == 0)
				return false;
			i++;
			continue;
		}
		size_t need;
		unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;     /* overlong */
			else if (c == 0xED)
				hi = 0x9F;     /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;     /* overlong */
			else if (c == 0xF4)
				hi = 0x8F;     /* above U+10FFFF */
		} else {
			return false;
		}
		if (n - i - 1 < need)
			return false;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (size_t k = 2; k <= need; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
		i += need + 1;
	}
	return true;
}

/* Writes code point cp (< 0x10000) as UTF-8; returns the bytes written. */
static size_t put_utf8(unsigned char *d, unsigned cp)
{
	if (cp < 0x80) {
		d[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (unsigned char)(0xC0 | cp >> 6);
		d[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	d[0] = (unsigned char)(0xE0 | cp >> 12);
	d[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	d[2] = (unsigned char)(0x80 | (cp & 0x3F));
	return 3;
}

/*
 * Decodes n Windows-1252 bytes into d (room for 3 * n bytes).  NUL becomes
 * U+FFFD so that every field is a proper C string.
 */
static size_t cp1252_decode(unsigned char *d, const unsigned char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c == 0)
			o += put_utf8(d + o, 0xFFFD);
		else if (c < 0x80)
			d[o++] = (unsigned char)c;
		else if (c < 0xA0)
			o += put_utf8(d + o, cp1252_c1[c - 0x80]);
		else
			o += put_utf8(d + o, c);
	}
	return o;
}

/*
 * The largest cut <= n that does not split a UTF-8 sequence, given that
 * s[n] exists.  On bytes that are not UTF-8 it loses at most 3 bytes, which
 * does not matter: the field is being cut anyway.
 */
static size_t utf8_floor(const unsigned char *s, size_t n)
{
	size_t k = n;
	while (k > 0 && n - k < 3 && (s[k] & 0xC0) == 0x80)
		k--;
	return (s[k] & 0xC0) == 0x80 ? n : k;
}

/* ---- fields and records (both parsers end here) ---- */

/*
 * Appends one field (raw bytes u[0..len)) to the record being assembled:
 * cut at the cap, checked as UTF-8 when flags say a byte >= 0x80 is there,
 * decoded from Windows-1252 when that fails or a NUL is there.  cut says the
 * field was already cut upstream.
 */
static void put_field(struct csvreader *r, const unsigned char *u, size_t len,
		      unsigned flags, bool cut)
{
	r->cur_seen++;
	if (r->cur_n >= CSV_FIELDS_MAX) {
		r->cur_truncated = true;
		return;
	}
	if (len > CSV_FIELD_MAX) {
		len = utf8_floor(u, CSV_FIELD_MAX);
		cut = true;
	}
	bool bad = (flags & (SCAN_NUL | SCAN_CTL)) && memchr(u, 0, len) != NULL;
	if (!bad && (flags & SCAN_HIGH))
		bad = !utf8_valid(u, len);

	/* len <= CSV_FIELD_MAX, so 3 * len + 1 cannot overflow. */
	size_t room = bad ? 3 * len + 1 : len + 1;
	if ((r->alen + room > r->acap && !grow((void **)&r->arena, &r->acap, r->alen + room, 1)) ||
	    (r->nfields == r->capfields &&
	     !grow((void **)&r->fields, &r->capfields, r->nfields + 1, sizeof(*r->fields)))) {
		r->nomem = true;
		return;
	}
	unsigned char *dst = (unsigned char *)r->arena + r->alen;
	size_t out;
	if (!bad) {
		memcpy(dst, u, len);
		out = len;
	} else {
		out = cp1252_decode(dst, u, len);
		r->cur_recoded = true;
		if (out > CSV_FIELD_MAX) {
			out = utf8_floor(dst, CSV_FIELD_MAX);
			cut = true;
		}
	}
	dst[out] = '\0';
	r->fields[r->nfields].off = r->alen;
	r->fields[r->nfields].len = out;
	r->nfields++;
	r->alen += out + 1;
	r->cur_n++;
	if (cut)
		r->cur_truncated = true;
}

/*
 * Ends a record at line end c ('\r', '\n', or -1 at the end of input).  With
 * no field seen it is a line end outside any record: a blank line, or the LF
 * of a CR LF.
 */
static void end_record(struct csvreader *r, int c)
{
	r->nends++;
	if (r->cur_seen == 0) {
		if (!(c == '\n' && r->prev_cr))
			r->line++;
		r->prev_cr = c == '\r';
		return;
	}
	if (r->nrecs == r->caprecs &&
	    !grow((void **)&r->recs, &r->caprecs, r->nrecs + 1, sizeof(*r->recs))) {
		r->nomem = true;
	} else {
		struct qrec *q = &r->recs[r->nrecs++];
		q->line = r->line;
		q->first = r->cur_first;
		q->n = r->cur_n;
		q->recoded = r->cur_recoded;
		q->truncated = r->cur_truncated;
	}
	r->line += r->cur_breaks + (c >= 0);
	r->prev_cr = c == '\r';
	r->cur_first = r->nfields;
	r->cur_n = 0;
	r->cur_seen = 0;
	r->cur_breaks = 0;
	r->cur_recoded = false;
	r->cur_truncated = false;
}

/* ---- the libcsv path ---- */

static void on_field(void *data, size_t len, void *ctx)
{
	struct csvreader *r = ctx;
	const unsigned char *u = data;
	bool cr = r->fcr;
	size_t breaks = r->fbreaks;
	unsigned flags;

	if (r->fcut) {
		/* bound_field() dropped the middle and counted its line breaks. */
		if (len > FIELD_KEEP) {
			breaks += count_breaks(u + FIELD_KEEP, len - FIELD_KEEP, &cr);
			len = FIELD_KEEP;
		}
		flags = scan(u, len) | SCAN_CTL;
	} else {
		flags = scan(u, len);
		if (flags & SCAN_CTL)
			breaks += count_breaks(u, len, &cr);
	}
	r->cur_breaks += breaks;
	bool cut = r->fcut;
	r->fcut = false;
	r->fcr = false;
	r->fbreaks = 0;
	put_field(r, u, len, flags, cut);
}

static void on_record(int c, void *ctx)
{
	end_record(ctx, c);
}

/*
 * Keeps libcsv's buffer for the field in progress near FIELD_KEEP bytes: the
 * bytes past it are counted for line breaks and then overwritten.  The last
 * byte is kept because libcsv may still remove it (a closing quote).
 */
static void bound_field(struct csvreader *r)
{
	struct csv_parser *p = &r->p;
	if (p->entry_pos <= FIELD_KEEP + 1)
		return;
	size_t from = r->fcut ? FIELD_KEEP : 0;
	size_t last = p->entry_pos - 1;
	r->fbreaks += count_breaks(p->entry_buf + from, last - from, &r->fcr);
	p->entry_buf[FIELD_KEEP] = p->entry_buf[last];
	p->entry_pos = FIELD_KEEP + 1;
	r->fcut = true;
}

static jr_err fail(struct csvreader *r, jr_err code, const char *fmt, ...) JR_PRINTF(3, 4);

static jr_err fail(struct csvreader *r, jr_err code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->errmsg, sizeof(r->errmsg), fmt, ap);
	va_end(ap);
	r->err = code;
	return code;
}

static jr_err nomem(struct csvreader *r)
{
	return fail(r, JR_ENOMEM, "memori tidak cukup saat membaca CSV");
}

/* Feeds n bytes to libcsv. */
static jr_err feed(struct csvreader *r, const unsigned char *s, size_t n)
{
	size_t done = 0;
	while (done < n) {
		done += csv_parse(&r->p, s + done, n - done, on_field, on_record, r);
		if (r->nomem)
			return nomem(r);
		if (done == n)
			break;
		if (csv_error(&r->p) != CSV_EPARSE)
			return nomem(r);
		/* A stray quote: take this one byte leniently, as text. */
		csv_set_opts(&r->p, PARSER_OPTS & ~CSV_STRICT);
		size_t got = csv_parse(&r->p, s + done, 1, on_field, on_record, r);
		csv_set_opts(&r->p, PARSER_OPTS);
		if (r->nomem || got != 1)
			return nomem(r);
		done++;
	}
	bound_field(r);
	return JR_EOK;
}

/* ---- the fast path, and choosing between the two ---- */

/*
 * Index of the first CR, LF or quote in s[0..n), or n; *flags gets SCAN_QUOTE
 * if it is a quote, and SCAN_HIGH and SCAN_NUL for the bytes before it.  The
 * one loop every byte of a file goes through, so 16 bytes at a time where
 * SSE2 is there (all x86-64).
 */
static size_t scan_line(const unsigned char *s, size_t n, unsigned *flags)
{
	unsigned hi = 0, nul = 0;
	size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
	const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
	const __m128i qu = _mm_set1_epi8('"'), zero = _mm_setzero_si128();
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i eol = _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr));
		__m128i hit = _mm_or_si128(eol, _mm_cmpeq_epi8(v, qu));
		unsigned stop = (unsigned)_mm_movemask_epi8(hit);
		unsigned h = (unsigned)_mm_movemask_epi8(v);
		unsigned z = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
		if (stop) {
			unsigned at = (unsigned)__builtin_ctz(stop);
			unsigned below = (1u << at) - 1;
			hi |= h & below;
			nul |= z & below;
			i += at;
			*flags = (hi ? SCAN_HIGH : 0) | (nul ? SCAN_NUL : 0) |
				 (s[i] == '"' ? SCAN_QUOTE : 0);
			return i;
		}
		hi |= h;
		nul |= z;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = s[i];
		hi |= c & 0x80;
		nul |= c == 0;
		if (c == '\n' || c == '\r' || c == '"')
			break;
	}
	*flags = (hi ? SCAN_HIGH : 0) | (nul ? SCAN_NUL : 0) |
		 (i < n && s[i] == '"' ? SCAN_QUOTE : 0);
	return i;
}

/*
 * Splits a simple line (see simple_line) s[0..n), which ends with c, at the
 * delimiter.  This is exactly what libcsv does with such a line when spaces
 * are data, but several times faster: libcsv pays a state switch per byte.
 */
static void split_line(struct csvreader *r, const unsigned char *s, size_t n, unsigned flags,
		       bool quoted, int c)
{
	const unsigned char *end = s + n;
	unsigned char delim = (unsigned char)r->delim;
	while (n > 0) {
		if (quoted && s < end && *s == '"') {
			/* simple_line() made sure the closing quote is there. */
			const unsigned char *q = memchr(s + 1, '"', (size_t)(end - s - 1));
			put_field(r, s + 1, (size_t)(q - s - 1), flags, false);
			s = q + 1;
			if (s == end)
				break;
			s++;    /* the delimiter after it */
			continue;
		}
		const unsigned char *d = memchr(s, delim, (size_t)(end - s));
		if (!d) {
			put_field(r, s, (size_t)(end - s), flags, false);
			break;
		}
		put_field(r, s, (size_t)(d - s), flags, false);
		s = d + 1;
	}
	end_record(r, c);
}

enum line_kind {
	LINE_END,       /* a simple line, ended by the CR or LF at the returned index */
	LINE_OPEN,      /* simple so far, but it goes past the end of what is there */
	LINE_HARD,      /* not simple: libcsv's */
};

/*
 * Looks at the line that starts s[0..n) and says whether split_line can take
 * it: every field either holds no quote at all, or is quoted from its first
 * byte to a closing quote right before the delimiter or the line end, with no
 * quote, CR or LF inside.  That covers what spreadsheets write for addresses
 * with commas; doubled quotes, line breaks in fields and stray quotes go to
 * libcsv.  *flags gets SCAN_HIGH and SCAN_NUL for the line, *quoted whether
 * a quoted field was seen.  final: nothing comes after s[n - 1].
 */
static enum line_kind simple_line(const unsigned char *s, size_t n, unsigned char delim,
				  bool final, size_t *len, unsigned *flags, bool *quoted)
{
	unsigned f = 0, g;
	size_t i = 0;
	*quoted = false;
	for (;;) {
		size_t q = i + scan_line(s + i, n - i, &g);
		f |= g & (SCAN_HIGH | SCAN_NUL);
		*flags = f;
		*len = q;
		if (!(g & SCAN_QUOTE))
			return q < n ? LINE_END : LINE_OPEN;
		if (q > 0 && s[q - 1] != delim)
			return LINE_HARD;       /* a quote inside an unquoted field */
		size_t k = q + 1 + scan_line(s + q + 1, n - q - 1, &g);
		f |= g & (SCAN_HIGH | SCAN_NUL);
		*flags = f;
		*quoted = true;
		if (k == n) {
			*len = n;
			return final ? LINE_HARD : LINE_OPEN;  /* never closed, or not yet seen */
		}
		if (s[k] != '"')
			return LINE_HARD;       /* a line break inside quotes */
		*len = k + 1;
		if (k + 1 == n)
			return LINE_OPEN;
		unsigned char c = s[k + 1];
		if (c == '\r' || c == '\n')
			return LINE_END;
		if (c != delim)
			return LINE_HARD;       /* a doubled quote, or text after the quote */
		i = k + 1;
	}
}

/* Index of the first CR or LF in s[0..n), or n. */
static size_t find_eol(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || s[i] == '\r')
			return i;
	return n;
}

/*
 * Parses what it can of s[0..n), whole lines only unless final (nothing comes
 * after s); returns the bytes consumed.  Simple lines go through split_line;
 * any other line goes to libcsv, and so does every line after it until libcsv
 * ends a record exactly at the end of what it was given, which is where the
 * two parsers can change hands.
 */
static size_t parse_some(struct csvreader *r, const unsigned char *s, size_t n, bool final)
{
	size_t i = 0;
	while (i < n && r->err == JR_EOK) {
		if (r->libcsv_only) {
			feed(r, s + i, n - i);
			i = n;
			continue;
		}
		if (r->in_libcsv) {
			size_t e = i + find_eol(s + i, n - i);
			size_t take = e < n ? e + 1 - i : n - i;
			size_t ends = r->nends;
			feed(r, s + i, take);
			i += take;
			/* The line end is the last byte given, so an ended record ended there. */
			if (r->nends != ends && e < n)
				r->in_libcsv = false;
			continue;
		}
		unsigned flags;
		bool quoted;
		size_t len;
		enum line_kind k = simple_line(s + i, n - i, (unsigned char)r->delim, final, &len,
					       &flags, &quoted);
		if (k == LINE_HARD) {
			r->in_libcsv = true;
			continue;
		}
		size_t j = i + len;
		if (k == LINE_OPEN && !final) {
			if (len < LONG_LINE)
				break;          /* wait for the whole line */
			/* A very long line: let libcsv buffer (and bound) it. */
			r->in_libcsv = true;
			continue;
		}
		split_line(r, s + i, len, flags, quoted, j < n ? s[j] : -1);
		i = j < n ? j + 1 : n;
	}
	return i;
}

/* Moves the record in progress to the front once everything before it has been handed out. */
static void compact(struct csvreader *r)
{
	size_t nf = r->nfields - r->cur_first;
	if (nf == 0) {
		r->alen = 0;
	} else if (r->cur_first > 0) {
		size_t aoff = r->fields[r->cur_first].off;
		memmove(r->arena, r->arena + aoff, r->alen - aoff);
		r->alen -= aoff;
		for (size_t i = 0; i < nf; i++) {
			r->fields[i].off = r->fields[r->cur_first + i].off - aoff;
			r->fields[i].len = r->fields[r->cur_first + i].len;
		}
	}
	r->nfields = nf;
	r->cur_first = 0;
	r->nrecs = 0;
	r->qhead = 0;
}

/* read() into rbuf after its datalen bytes, retried on EINTR; sets input_eof at the end. */
static jr_err read_some(struct csvreader *r)
{
	for (;;) {
		ssize_t got = read(r->fd, r->rbuf + r->datalen, READ_CHUNK - r->datalen);
		if (got > 0) {
			r->datalen += (size_t)got;
			return JR_EOK;
		}
		if (got == 0) {
			r->input_eof = true;
			return JR_EOK;
		}
		if (errno != EINTR)
			return JR_EIO;
	}
}

/* Parses the next slice of input, or finishes at the end. */
static void refill(struct csvreader *r)
{
	compact(r);
	if (r->fd >= 0 && !r->input_eof && r->datalen - r->pos < FEED_SLICE) {
		/* Keep the unparsed tail (less than a slice) and fill up behind it. */
		memmove(r->rbuf, r->rbuf + r->pos, r->datalen - r->pos);
		r->datalen -= r->pos;
		r->pos = 0;
		while (!r->input_eof && r->datalen < FEED_SLICE) {
			if (read_some(r) != JR_EOK) {
				fail(r, JR_EIO, "gagal membaca berkas: %s", strerror(errno));
				return;
			}
		}
	}
	size_t avail = r->datalen - r->pos;
	if (avail == 0) {
		r->done = true;
		size_t start = r->line;
		if (csv_fini(&r->p, on_field, on_record, r) != 0)
			fail(r, JR_EPARSE,
			     "baris %zu: tanda kutip (\") dibuka tetapi tidak ditutup "
			     "sampai akhir berkas", start);
		else if (r->nomem)
			nomem(r);
		return;
	}
	size_t n = avail < FEED_SLICE ? avail : FEED_SLICE;
	size_t used = parse_some(r, r->data + r->pos, n, r->input_eof && n == avail);
	r->pos += used;
	r->offset += used;
}

/* ---- opening ---- */

static int no_space(unsigned char c)
{
	(void)c;
	return 0; /* leading and trailing spaces are data; callers trim */
}

/* A reader with no input yet, or NULL when out of memory. */
static struct csvreader *reader_new(void)
{
	struct csvreader *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->fd = -1;
	r->line = 1;
	csv_init(&r->p, PARSER_OPTS);
	csv_set_space_func(&r->p, no_space);
	csv_set_blk_size(&r->p, 16 * 1024);
	return r;
}

/* Most frequent of , ; TAB outside quotes on the first line; ties go to the comma. */
static char sniff_delim(const unsigned char *s, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool inq = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '"')
			inq = !inq;
		else if (inq)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ',')
			comma++;
		else if (c == ';')
			semi++;
		else if (c == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/*
 * Refuses what is not CSV text, judged on the first n bytes of the input
 * (at least SNIFF_LEN of them unless the input is shorter), then skips a
 * UTF-8 byte order mark and picks the delimiter.
 */
static jr_err sniff(struct csvreader *r, const unsigned char *s, size_t n, struct errbuf *eb)
{
	if (n == 0)
		return errbuf_set(eb, JR_EPARSE, "berkas kosong (0 byte)");
	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return errbuf_set(eb, JR_EPARSE, "berkas UTF-16; simpan sebagai CSV UTF-8");
	if (n >= 4 && memcmp(s, "PK\x03\x04", 4) == 0)
		return errbuf_set(eb, JR_EPARSE, "berkas XLSX/ZIP; simpan sebagai CSV");
	if (n >= 4 && memcmp(s, "%PDF", 4) == 0)
		return errbuf_set(eb, JR_EPARSE, "berkas PDF, bukan teks CSV");
	if (n >= 4 && memcmp(s, "\xD0\xCF\x11\xE0", 4) == 0)
		return errbuf_set(eb, JR_EPARSE, "berkas Excel lama (XLS); simpan sebagai CSV");
	size_t lim = n < SNIFF_LEN ? n : SNIFF_LEN;
	const unsigned char *nul = memchr(s, 0, lim);
	if (nul) {
		/* UTF-16 without a byte order mark: text with every other byte NUL. */
		bool le = n >= 4 && s[0] && !s[1] && s[2] && !s[3];
		bool be = n >= 4 && !s[0] && s[1] && !s[2] && s[3];
		if (le || be)
			return errbuf_set(eb, JR_EPARSE, "berkas UTF-16; simpan sebagai CSV UTF-8");
		return errbuf_set(eb, JR_EPARSE,
				  "berkas biner, bukan teks CSV (byte NUL di posisi %zu)",
				  (size_t)(nul - s));
	}
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		r->pos = r->offset = 3;
	r->delim = sniff_delim(s + r->pos, n - r->pos);
	csv_set_delim(&r->p, (unsigned char)r->delim);
	return JR_EOK;
}

jr_err csvreader_open_mem(const char *buf, size_t len, struct csvreader **out,
			  struct errbuf *eb)
{
	*out = NULL;
	struct csvreader *r = reader_new();
	if (!r)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup saat membuka CSV");
	r->data = (const unsigned char *)buf;
	r->datalen = len;
	r->size = len;
	r->input_eof = true;
	jr_err e = sniff(r, r->data, len, eb);
	if (e != JR_EOK) {
		csvreader_free(r);
		return e;
	}
	*out = r;
	return JR_EOK;
}

jr_err csvreader_open(const char *path, struct csvreader **out, struct errbuf *eb)
{
	*out = NULL;
	struct csvreader *r = reader_new();
	if (!r)
		return errbuf_set(eb, JR_ENOMEM, "memori tidak cukup saat membuka CSV");
	jr_err e;
	r->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0) {
		e = errbuf_set(eb, JR_EIO, "tidak dapat membuka '%s': %s", path, strerror(errno));
		goto out_err;
	}
	struct stat st;
	if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode)) {
		r->size = (size_t)st.st_size;
		posix_fadvise(r->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	}
	r->rbuf = malloc(READ_CHUNK);
	if (!r->rbuf) {
		e = errbuf_set(eb, JR_ENOMEM, "memori tidak cukup saat membuka CSV");
		goto out_err;
	}
	r->data = r->rbuf;
	/* Enough of the start to judge it, however read() splits it. */
	while (!r->input_eof && r->datalen < SNIFF_LEN) {
		if (read_some(r) != JR_EOK) {
			e = errbuf_set(eb, JR_EIO, "gagal membaca '%s': %s", path, strerror(errno));
			goto out_err;
		}
	}
	e = sniff(r, r->data, r->datalen, eb);
	if (e != JR_EOK)
		goto out_err;
	*out = r;
	return JR_EOK;
out_err:
	csvreader_free(r);
	return e;
}

/* ---- reading ---- */

void csvreader_libcsv_only(struct csvreader *r)
{
	r->libcsv_only = true;
}

char csvreader_delimiter(const struct csvreader *r)
{
	return r->delim;
}

size_t csvreader_offset(const struct csvreader *r)
{
	return r->offset;
}

size_t csvreader_size(const struct csvreader *r)
{
	return r->size;
}

jr_err csvreader_next(struct csvreader *r, struct csvrecord *rec, struct errbuf *eb)
{
	while (r->qhead == r->nrecs) {
		if (r->err != JR_EOK)
			return errbuf_set(eb, r->err, "%s", r->errmsg);
		if (r->done)
			return JR_EEOF;
		refill(r);
	}
	const struct qrec *q = &r->recs[r->qhead++];
	for (size_t i = 0; i < q->n; i++) {
		r->ptrs[i] = r->arena + r->fields[q->first + i].off;
		r->lens[i] = r->fields[q->first + i].len;
	}
	rec->line = q->line;
	rec->nfields = q->n;
	rec->field = r->ptrs;
	rec->len = r->lens;
	rec->recoded = q->recoded;
	rec->truncated = q->truncated;
	return JR_EOK;
}

void csvreader_free(struct csvreader *r)
{
	if (!r)
		return;
	csv_free(&r->p);
	if (r->fd >= 0)
		close(r->fd);
	free(r->rbuf);
	free(r->recs);
	free(r->fields);
	free(r->arena);
	free(r);
}

/* ---- writing ---- */

bool csvout_field(FILE *f, const char *s, size_t len, char delim)
{
	if (len == 0)
		return true;
	bool quote = s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t';
	for (size_t i = 0; i < len && !quote; i++) {
		char c = s[i];
		quote = c == delim || c == '"' || c == '\r' || c == '\n' ||
			c == ',' || c == ';' || c == '\t';
	}
	if (!quote)
		return fwrite(s, 1, len, f) == len;
	if (putc('"', f) == EOF)
		return false;
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '"')
			continue;
		/* Write up to and including the quote, then the quote again. */
		size_t n = i + 1 - start;
		if (fwrite(s + start, 1, n, f) != n || putc('"', f) == EOF)
			return false;
		start = i + 1;
	}
	size_t n = len - start;
	if (n && fwrite(s + start, 1, n, f) != n)
		return false;
	return putc('"', f) != EOF;
}
