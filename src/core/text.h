/*
 * text.h - small helpers for text from outside: trimming, comparing words,
 * and quoting a value safely inside a message.
 */
#ifndef JARING_CORE_TEXT_H
#define JARING_CORE_TEXT_H

#include "compat.h"

/* Trims ASCII spaces and tabs: advances *s and shrinks *len. */
void text_trim(const char **s, size_t *len);

/* Case-insensitive ASCII comparison of s[0..len) (trimmed) with a NUL-terminated word. */
bool text_ieq(const char *s, size_t len, const char *word);

/*
 * Copies at most 40 bytes of s[0..len) into buf as printable ASCII ('?' for
 * anything else, "..." when cut), so that a megabyte of garbage or a control
 * byte never lands in a message.  buf is always NUL-terminated.
 */
void text_quote(const char *s, size_t len, char *buf, size_t size);

#endif
