/*
 * banned.h - C library functions Jaring does not use.
 *
 * Each has a bounded or checked replacement: snprintf for sprintf, memcpy
 * with a checked length for strcpy/strcat, strtoll with full-string checks
 * (or our own digit parsers) for atoi, and explicit state for strtok.
 * Modelled on git's banned.h.
 */
#ifndef JARING_BANNED_H
#define JARING_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef gets
#define gets(x) BANNED(gets)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef atoll
#define atoll(x) BANNED(atoll)
#undef strtok
#define strtok(x, y) BANNED(strtok)

#endif
