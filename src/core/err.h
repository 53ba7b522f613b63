/*
 * err.h - Jaring's error codes and the message buffer that carries details.
 *
 * Every fallible function returns a jr_err and, when it fails, fills a
 * caller-supplied struct errbuf with a sentence the caller can show to a
 * person ("baris 12, kolom upah: '-5000' negatif").  The code says what kind
 * of failure it was, the message says exactly what.  Codes come from one
 * X-macro table so that names and texts never drift apart (libuv UV_ERRNO_MAP).
 */
#ifndef JARING_CORE_ERR_H
#define JARING_CORE_ERR_H

#include "compat.h"

#define JR_ERRORS(X)                                                   \
	X(OK, "berhasil")                                              \
	X(NOMEM, "memori tidak cukup")                                 \
	X(IO, "kesalahan baca/tulis berkas")                           \
	X(USAGE, "penggunaan perintah salah")                          \
	X(PARSE, "format masukan salah")                               \
	X(INVALID, "nilai tidak sah")                                  \
	X(NOTFOUND, "tidak ditemukan")                                 \
	X(CONFLICT, "bertentangan dengan data yang ada")               \
	X(TOOBIG, "terlalu besar")                                     \
	X(DB, "kesalahan basis data")                                  \
	X(UNSUPPORTED, "belum didukung")                               \
	X(EOF, "akhir berkas")

typedef enum {
#define JR_ERR_ENUM(name, text) JR_E##name,
	JR_ERRORS(JR_ERR_ENUM)
#undef JR_ERR_ENUM
	JR_E_COUNT
} jr_err;

/* A message buffer filled by a failing function.  Always NUL-terminated. */
struct errbuf {
	char msg[512];
};

/* The fixed text of a code ("nilai tidak sah"); never NULL. */
const char *jr_strerror(jr_err code);

/* The code's short name ("INVALID"), for JSON and logs; never NULL. */
const char *jr_errname(jr_err code);

/*
 * Formats a message into eb (if eb is not NULL) and returns code, so that a
 * failing function can say `return errbuf_set(eb, JR_EINVAL, "...", ...)`.
 */
jr_err errbuf_set(struct errbuf *eb, jr_err code, const char *fmt, ...)
	JR_PRINTF(3, 4);

/* Clears eb to the empty message. */
void errbuf_clear(struct errbuf *eb);

#endif
