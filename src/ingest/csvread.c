/*
 * csvread.c - the CSV reader: libcsv underneath, a pull API on top (see csvread.h).
 *
 * libcsv pushes fields and record ends; csvreader_next pulls.  Between the two
 * sits a queue: each refill hands libcsv one slice of input (64 KiB of a
 * 1 MiB read buffer), on_field() decodes every field into one arena and
 * on_record() notes where records lie, and csvreader_next hands the
 * completed records out one by one.  When the queue is empty the arena is
 * rewound, so in steady state nothing is allocated.  A slice rather than the
 * whole read buffer keeps the queue small enough to stay in cache.
 *
 * libcsv runs with CSV_STRICT only so that CSV_STRICT_FINI can tell us about a
 * quote left open at the end of the file; every other strict complaint (a
 * quote inside an unquoted field, text after a quote inside a quoted one) is
 * answered by re-feeding that one byte in lenient mode, which keeps the quote
 * as text.  CSV_REPALL_NL makes libcsv report line ends outside records too,
 * which is how blank lines are counted; a space function that says "no" keeps
 * leading and trailing spaces.
 *
 * libcsv buffers a field whole before handing it over.  Its buffer grows
 * through entry_realloc() (csv_set_realloc_func), which refuses to pass
 * ENTRY_MAX bytes, so a field longer than CSV_FIELD_HARD_MAX (most often a
 * quote never closed in a big file) makes csv_parse stop with CSV_ENOMEM,
 * and the reader reports it.  libcsv grows by a fixed step; feed() raises
 * the step as the buffer grows, or a 16 MiB field would cost a thousand
 * reallocs.  Fields that are not UTF-8 are decoded from Windows-1252 by
 * iconv, with one descriptor per reader opened on first need.
 */
#include "compat.h"

#include <csv.h>
#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/csvread.h"

/* Bytes read from a file per read() call. */
#define READ_CHUNK (1024 * 1024)
/* Bytes given to libcsv per refill, at most.  Fuzzing builds may shrink it. */
#ifndef FEED_SLICE
#define FEED_SLICE (64 * 1024)
#endif
/* How much of the start is checked for NUL bytes (binary files). */
#define SNIFF_LEN (64 * 1024)
/*
 * The largest buffer libcsv may have: a field of CSV_FIELD_HARD_MAX bytes,
 * the closing quote libcsv stores until it knows the field has ended, and
 * room that libcsv wants free before it looks at the byte after them.
 */
#define ENTRY_MAX ((size_t)CSV_FIELD_HARD_MAX + 2)
/* libcsv's first buffer, and how much it grows by at least. */
#define ENTRY_BLK (16 * 1024)

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
	size_t blk;                  /* libcsv's current growth step */
	iconv_t cd;                  /* Windows-1252 to UTF-8, opened when first needed */

	/* Input: the caller's buffer, or rbuf refilled from fd. */
	int fd;                      /* -1 for a memory reader */
	const unsigned char *data;
	size_t datalen;
	size_t pos;                  /* next byte of data for libcsv */
	unsigned char *rbuf;
	bool input_eof;              /* read() said end of file (memory: always) */
	size_t offset;               /* bytes consumed over the whole input */
	size_t size;

	char delim;
	bool done;                   /* csv_fini has run */
	jr_err err;                  /* sticky failure, reported once the queue is empty */
	char errmsg[sizeof(((struct errbuf *)0)->msg)];
	jr_err cb_err;               /* parsing failed: JR_ENOMEM, JR_EUNSUPPORTED (iconv)
	                                or JR_ETOOBIG (a field over the hard cap); the
	                                callbacks ignore whatever libcsv still sends */

	/* Line accounting. */
	size_t line;                 /* line of the next record's first byte */
	bool prev_cr;                /* the last line end libcsv reported was a CR */

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

/* ---- bytes and text ---- */

#define SCAN_HIGH 1u  /* a byte >= 0x80: UTF-8 must be checked */
#define SCAN_CTL 2u   /* a byte < 0x0E: maybe NUL, CR or LF */

/*
 * One cheap pass that tells whether the careful passes are needed at all,
 * 8 bytes at a time: (w - 0x0E..) & ~w has a high bit set where some byte
 * of w is below 0x0E (Bit Twiddling Hacks, "hasless").
 */
static unsigned scan(const unsigned char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t hi = 0, ctl = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		hi |= w;
		ctl |= (w - 0x0e * ones) & ~w;
	}
	for (; i < n; i++) {
		hi |= s[i];
		ctl |= s[i] < 0x0e ? 0x80u : 0;
	}
	return ((hi & highs) ? SCAN_HIGH : 0) | ((ctl & highs) ? SCAN_CTL : 0);
}

/* Line breaks the way an editor counts them: CR LF, lone CR and lone LF are one each. */
static size_t count_breaks(const unsigned char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '\r' || (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'));
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

/*
 * Decodes n Windows-1252 bytes into d (room for 3 * n bytes) with iconv;
 * returns the bytes written.  glibc's iconv refuses the five bytes the code
 * page leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) with EILSEQ; they become
 * U+FFFD rather than the C1 controls Windows maps them to: an invisible
 * control character in a name would make it silently differ from the same
 * name typed by hand, while U+FFFD is visible and validators can reject it.
 * NUL becomes U+FFFD too, so that every field is a proper C string.
 */
static size_t cp1252_decode(iconv_t cd, unsigned char *d, const unsigned char *s, size_t n)
{
	const unsigned char *end = s + n;
	const unsigned char *nul = memchr(s, 0, n);
	char *out = (char *)d;
	size_t room = 3 * n;
	iconv(cd, NULL, NULL, NULL, NULL);
	while (s < end) {
		char *in = (char *)s;
		size_t left = (size_t)((nul ? nul : end) - s);
		iconv(cd, &in, &left, &out, &room);
		s = (const unsigned char *)in;
		if (s == end)
			break;
		/* iconv stopped at an undefined byte, or s is the NUL. */
		memcpy(out, "\xEF\xBF\xBD", 3);
		out += 3;
		room -= 3;
		if (s == nul)
			nul = memchr(s + 1, 0, (size_t)(end - s - 1));
		s++;
	}
	return (size_t)(out - (char *)d);
}

/* ---- fields and records (libcsv's callbacks end here) ---- */

/*
 * Appends one field (raw bytes u[0..len), flags from scan()) to the record
 * being assembled: cut at the cap, checked as UTF-8 when a byte >= 0x80 is
 * there, decoded from Windows-1252 when that fails or a NUL is there.
 */
static void put_field(struct csvreader *r, const unsigned char *u, size_t len, unsigned flags)
{
	r->cur_seen++;
	if (r->cur_n >= CSV_FIELDS_MAX) {
		r->cur_truncated = true;
		return;
	}
	bool cut = false;
	if (len > CSV_FIELD_MAX) {
		len = utf8_floor(u, CSV_FIELD_MAX);
		cut = true;
	}
	bool bad = (flags & SCAN_CTL) && memchr(u, 0, len) != NULL;
	if (!bad && (flags & SCAN_HIGH))
		bad = !utf8_valid(u, len);
	if (bad && r->cd == (iconv_t)-1) {
		r->cd = iconv_open("UTF-8", "WINDOWS-1252");
		if (r->cd == (iconv_t)-1) {
			r->cb_err = errno == ENOMEM ? JR_ENOMEM : JR_EUNSUPPORTED;
			return;
		}
	}

	/* len <= CSV_FIELD_MAX, so 3 * len + 1 cannot overflow. */
	size_t room = bad ? 3 * len + 1 : len + 1;
	if ((r->alen + room > r->acap && !grow((void **)&r->arena, &r->acap, r->alen + room, 1)) ||
	    (r->nfields == r->capfields &&
	     !grow((void **)&r->fields, &r->capfields, r->nfields + 1, sizeof(*r->fields)))) {
		r->cb_err = JR_ENOMEM;
		return;
	}
	unsigned char *dst = (unsigned char *)r->arena + r->alen;
	size_t out;
	if (!bad) {
		memcpy(dst, u, len);
		out = len;
	} else {
		out = cp1252_decode(r->cd, dst, u, len);
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

/* libcsv's field callback: counts the line breaks inside the field, then queues it. */
static void on_field(void *data, size_t len, void *ctx)
{
	struct csvreader *r = ctx;
	const unsigned char *u = data;
	if (r->cb_err != JR_EOK)
		return;
	if (len > CSV_FIELD_HARD_MAX) {
		/* entry_realloc() lets libcsv hold a byte or two more than the cap. */
		r->cb_err = JR_ETOOBIG;
		return;
	}
	unsigned flags = scan(u, len);
	if (flags & SCAN_CTL)
		r->cur_breaks += count_breaks(u, len);
	put_field(r, u, len, flags);
}

/*
 * libcsv's record callback: ends a record at line end c ('\r', '\n', or -1
 * at the end of input).  With no field seen it is a line end outside any
 * record: a blank line, or the LF of a CR LF.
 */
static void on_record(int c, void *ctx)
{
	struct csvreader *r = ctx;
	if (r->cb_err != JR_EOK)
		return;
	if (r->cur_seen == 0) {
		if (!(c == '\n' && r->prev_cr))
			r->line++;
		r->prev_cr = c == '\r';
		return;
	}
	if (r->nrecs == r->caprecs &&
	    !grow((void **)&r->recs, &r->caprecs, r->nrecs + 1, sizeof(*r->recs))) {
		r->cb_err = JR_ENOMEM;
		return;
	}
	struct qrec *q = &r->recs[r->nrecs++];
	q->line = r->line;
	q->first = r->cur_first;
	q->n = r->cur_n;
	q->recoded = r->cur_recoded;
	q->truncated = r->cur_truncated;
	r->line += r->cur_breaks + (c >= 0);
	r->prev_cr = c == '\r';
	r->cur_first = r->nfields;
	r->cur_n = 0;
	r->cur_seen = 0;
	r->cur_breaks = 0;
	r->cur_recoded = false;
	r->cur_truncated = false;
}

/*
 * libcsv's realloc for its field buffer.  The hook has no context, so the
 * cap is the same for every reader; libcsv halves its request after a
 * refusal, so the buffer ends exactly at ENTRY_MAX before it gives up.
 */
static void *entry_realloc(void *p, size_t n)
{
	return n > ENTRY_MAX ? NULL : realloc(p, n);
}

/* Records the failure of a callback or of libcsv, with the line of the record it was in. */
static void parse_failed(struct csvreader *r, jr_err code)
{
	if (code == JR_ETOOBIG)
		fail(r, JR_EPARSE, "baris %zu: isian lebih dari %d MiB", r->line,
		     CSV_FIELD_HARD_MAX / (1024 * 1024));
	else if (code == JR_EUNSUPPORTED)
		fail(r, code, "iconv tidak dapat mengubah Windows-1252 ke UTF-8");
	else
		fail(r, JR_ENOMEM, "memori tidak cukup saat membaca CSV");
}

/* Feeds s[0..n) to libcsv, taking stray quotes as text. */
static void feed(struct csvreader *r, const unsigned char *s, size_t n)
{
	size_t done = 0;
	while (done < n) {
		done += csv_parse(&r->p, s + done, n - done, on_field, on_record, r);
		if (r->cb_err != JR_EOK || done == n)
			break;
		if (csv_error(&r->p) == CSV_EPARSE) {
			/* A stray quote: take this one byte leniently, as text. */
			csv_set_opts(&r->p, PARSER_OPTS & ~CSV_STRICT);
			size_t got = csv_parse(&r->p, s + done, 1, on_field, on_record, r);
			csv_set_opts(&r->p, PARSER_OPTS);
			done += got;
			if (r->cb_err != JR_EOK)
				break;
			if (got == 1)
				continue;
		}
		/* CSV_ENOMEM: entry_realloc() refused, or memory really ran out. */
		r->cb_err = csv_get_buffer_size(&r->p) >= ENTRY_MAX ? JR_ETOOBIG : JR_ENOMEM;
		break;
	}
	if (r->cb_err != JR_EOK) {
		parse_failed(r, r->cb_err);
		return;
	}
	/* Grow libcsv's buffer geometrically: it adds a fixed step each time. */
	size_t have = csv_get_buffer_size(&r->p);
	if (have > r->blk) {
		r->blk = have;
		csv_set_blk_size(&r->p, have);
	}
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

/* Gives libcsv the next slice of input, reading more when it is used up, or finishes. */
static void refill(struct csvreader *r)
{
	compact(r);
	if (r->pos == r->datalen && r->fd >= 0 && !r->input_eof) {
		r->pos = r->datalen = 0;
		if (read_some(r) != JR_EOK) {
			fail(r, JR_EIO, "gagal membaca berkas: %s", strerror(errno));
			return;
		}
	}
	size_t avail = r->datalen - r->pos;
	if (avail == 0) {
		r->done = true;
		if (csv_fini(&r->p, on_field, on_record, r) != 0)
			fail(r, JR_EPARSE,
			     "baris %zu: tanda kutip (\") dibuka tetapi tidak ditutup "
			     "sampai akhir berkas", r->line);
		else if (r->cb_err != JR_EOK)
			parse_failed(r, r->cb_err);
		return;
	}
	size_t n = avail < FEED_SLICE ? avail : FEED_SLICE;
	feed(r, r->data + r->pos, n);
	r->pos += n;
	r->offset += n;
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
	r->cd = (iconv_t)-1;
	r->line = 1;
	csv_init(&r->p, PARSER_OPTS);
	csv_set_space_func(&r->p, no_space);
	csv_set_realloc_func(&r->p, entry_realloc);
	r->blk = ENTRY_BLK;
	csv_set_blk_size(&r->p, r->blk);
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
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
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
