/*
 * csvread.h - reading the CSV files users bring, record by record.
 *
 * A thin layer over libcsv that adds what real files need: a UTF-8 byte order
 * mark is skipped; the delimiter (comma, semicolon or tab: Indonesian Excel
 * writes semicolons) is detected from the header line; CRLF, LF and CR line
 * ends all work; RFC 4180 quotes may hold delimiters and newlines.  Every
 * record carries the line number an editor shows for its first line (the
 * header is line 1).  Fields that are not valid UTF-8 are decoded as
 * Windows-1252 (what Excel's "CSV" format writes) and the record is flagged.
 * Files that are not text at all (NUL bytes, a ZIP/XLSX or other binary
 * signature) are refused with a reason when opened.
 *
 * What the reader does with what it meets:
 *  - Fields keep their leading and trailing spaces (callers trim).  "a,b,"
 *    has three fields, the last empty.  A line that is empty is skipped but
 *    counted; a line of only spaces or delimiters is a record.
 *  - Quotes are read leniently where real files break RFC 4180, because
 *    refusing them would refuse most hand-made files.  A quote inside an
 *    unquoted field is text (Toko "Maju" stays Toko "Maju").  Inside a quoted
 *    field, a quote not followed by the delimiter, a line end or a second
 *    quote is text and the field goes on ("Toko "Maju" Jaya" gives
 *    Toko "Maju" Jaya).  A quote opened and never closed swallows the rest of
 *    the file into one field, so csvreader_next reports JR_EPARSE with the
 *    line where that record starts, after handing out every record before
 *    it: the rows after it would otherwise vanish silently.
 *  - Each field is checked on its own: strict UTF-8 (no overlongs, no
 *    surrogates, nothing above U+10FFFF) is kept as is; anything else is
 *    decoded as Windows-1252 (with iconv).  The five bytes that code page
 *    leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) and NUL bytes (only possible
 *    past the first 64 KiB, or the file is refused) become U+FFFD, so every
 *    field is a C string whose strlen is its len.
 *  - A field longer than CSV_FIELD_MAX is cut there (on a UTF-8 boundary) and
 *    fields past CSV_FIELDS_MAX are dropped; either sets rec->truncated and
 *    callers should reject the row.  The line breaks inside a cut field are
 *    still counted.
 *  - A field longer than CSV_FIELD_HARD_MAX is not read at all: csvreader_next
 *    reports JR_EPARSE with the line where its record starts, after handing
 *    out every record before it.  Such a field is nearly always a quote left
 *    open in a big file, and the cap keeps a reader's memory bounded (libcsv
 *    holds a field whole before handing it over).
 */
#ifndef JARING_INGEST_CSVREAD_H
#define JARING_INGEST_CSVREAD_H

#include "compat.h"
#include "core/err.h"

/* No single field may be longer than this (bytes, after decoding). */
#define CSV_FIELD_MAX (64 * 1024)
/* No record may have more fields than this. */
#define CSV_FIELDS_MAX 256
/*
 * A field longer than this (bytes, before decoding) stops reading with
 * JR_EPARSE; fields between CSV_FIELD_MAX and this are delivered cut.  It
 * caps libcsv's field buffer, the one part of a reader's memory that would
 * otherwise grow with the input.
 */
#define CSV_FIELD_HARD_MAX (16 * 1024 * 1024)

struct csvrecord {
	size_t line;          /* editor line of the record's first byte (1-based) */
	size_t nfields;
	char **field;         /* NUL-terminated UTF-8, owned by the reader */
	size_t *len;          /* byte length of each field */
	bool recoded;         /* some field was decoded from Windows-1252 */
	bool truncated;       /* some field exceeded CSV_FIELD_MAX (kept cut) or there
	                         were more than CSV_FIELDS_MAX fields (extra dropped) */
};

struct csvreader;

/*
 * Opens a file (path) for reading.  JR_EIO when it cannot be read, JR_EPARSE
 * when it is empty (0 bytes) or not a CSV text file (NUL bytes in the first
 * 64 KiB, XLSX/ZIP, old XLS, PDF, UTF-16); eb says which, in Bahasa
 * Indonesia.  On success *out must be freed with csvreader_free; on failure
 * *out is NULL.
 */
jr_err csvreader_open(const char *path, struct csvreader **out, struct errbuf *eb);

/* The same over a memory buffer (not copied: it must outlive the reader). */
jr_err csvreader_open_mem(const char *buf, size_t len, struct csvreader **out,
			  struct errbuf *eb);

/* The delimiter in use: ',', ';' or '\t'. */
char csvreader_delimiter(const struct csvreader *r);

/*
 * Bytes consumed so far and total size, for progress reports.  The size is 0
 * when unknown (a pipe); the offset runs ahead of the records handed out by
 * up to 64 KiB.
 */
size_t csvreader_offset(const struct csvreader *r);
size_t csvreader_size(const struct csvreader *r);

/*
 * Reads the next record into rec; its fields (owned by the reader) stay valid
 * until the next call to csvreader_next or csvreader_free.  Blank lines are
 * skipped (but counted for line numbers).  Returns JR_EOK; JR_EEOF at the
 * end; JR_EPARSE for a quote never closed or a field longer than
 * CSV_FIELD_HARD_MAX ("baris N: ..." in eb, N the line where that record
 * starts); JR_EIO for a read error; JR_ENOMEM; JR_EUNSUPPORTED if iconv
 * cannot convert from Windows-1252 (a C library without that converter).
 * Errors come after every record before them and are sticky: later calls
 * repeat them.
 */
jr_err csvreader_next(struct csvreader *r, struct csvrecord *rec, struct errbuf *eb);

/* Frees the reader and its records; NULL is fine. */
void csvreader_free(struct csvreader *r);

/*
 * Writes one CSV field (len bytes of s) to f, quoting it (RFC 4180, quotes
 * doubled) when it contains the delimiter, a quote, CR or LF, or starts or
 * ends with a space or tab.  It also quotes a field holding any of , ; TAB
 * even when that is not delim, so that reading the file back detects the same
 * delimiter.  An empty field is written as nothing: a record of one empty
 * field would be a blank line, which readers skip; write "" for it yourself.
 * No formula neutralising (=, +, -, @) is done here: that changes the data.
 * Returns false on a write error.
 */
bool csvout_field(FILE *f, const char *s, size_t len, char delim);

#endif
