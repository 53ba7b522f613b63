/*
 * compat.h - the first include of every .c file in Jaring.
 *
 * Sets the feature macros for C17 + POSIX.1-2008, pulls in the headers that
 * almost every file needs, and bans the C library functions whose misuse has
 * caused the classic overflows (see banned.h).
 */
#ifndef JARING_COMPAT_H
#define JARING_COMPAT_H

#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define JR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define JR_UNUSED __attribute__((unused))
#else
#define JR_PRINTF(fmt, args)
#define JR_UNUSED
#endif

#include "banned.h"

#endif
